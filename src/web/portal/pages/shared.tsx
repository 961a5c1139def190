import type { ChangeStatus } from '../../../modules/changes';
import type { TrackStatus } from '../../../modules/goals';
import type { Effect } from '../../../modules/groups';
import { StatusBadge, type BadgeTone } from '../../views/components';
import type { View } from '../site';

const STATUS_TONE: Record<ChangeStatus, BadgeTone> = { draft: 'neutral', proposed: 'neutral', decided: 'active', in_progress: 'active', completed: 'success', stopped: 'inactive' };
const TRACK_TONE: Record<TrackStatus, BadgeTone> = { achieved: 'success', on_track: 'success', behind: 'warning', no_measurement: 'neutral', not_measurable: 'warning' };
const EFFECT_TONE: Record<Effect, BadgeTone> = { gains: 'success', loses: 'danger', mixed: 'warning', neutral: 'neutral' };

export const ChangeStatusBadge = ({ view, status }: { view: View; status: ChangeStatus }) => <StatusBadge tone={STATUS_TONE[status]}>{view.labels.status[status]}</StatusBadge>;
export const TrackBadge = ({ view, status }: { view: View; status: TrackStatus }) => <StatusBadge tone={TRACK_TONE[status]}>{view.labels.track[status]}</StatusBadge>;
export const EffectBadge = ({ view, effect }: { view: View; effect: Effect }) => <StatusBadge tone={EFFECT_TONE[effect]}>{view.labels.effect[effect]}</StatusBadge>;

/** Lower case without diacritics, so "café" matches "cafe" and "Ééndaags" matches "eendaags". */
export const fold = (s: string): string => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

/** A description text at most `max` characters long, cut at a word. */
export const excerpt = (text: string, max = 160): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
};
