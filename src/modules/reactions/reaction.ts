import { createHash } from 'node:crypto';
import type { Id } from '../../core';
import type { ChangeId } from '../changes';
import type { OrganizationId } from '../organizations';

export type ReactionId = Id<'Reaction'>;

/** Self-declared roles (issue 4: "inwoner, ondernemer, medewerker, extern, …"), with Dutch and English labels. */
export const REACTION_ROLES = ['inwoner', 'ondernemer', 'medewerker', 'extern', 'anders'] as const;
export type ReactionRole = (typeof REACTION_ROLES)[number];
export const REACTION_ROLE_LABELS: Record<ReactionRole, { nl: string; en: string }> = {
  inwoner: { nl: 'Inwoner', en: 'Resident' },
  ondernemer: { nl: 'Ondernemer', en: 'Business owner' },
  medewerker: { nl: 'Medewerker', en: 'Employee' },
  extern: { nl: 'Van buiten (bezoeker, forens)', en: 'From elsewhere (visitor, commuter)' },
  anders: { nl: 'Anders', en: 'Other' },
};

export const REACTION_STATUSES = ['pending', 'published', 'rejected'] as const;
export type ReactionStatus = (typeof REACTION_STATUSES)[number];

/** Why a reader reports a reaction. */
export const REPORT_REASONS = ['spam', 'offensive', 'off_topic'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const REPORT_REASON_LABELS: Record<ReportReason, { nl: string; en: string }> = {
  spam: { nl: 'Reclame of spam', en: 'Advertising or spam' },
  offensive: { nl: 'Beledigend of kwetsend', en: 'Offensive' },
  off_topic: { nl: 'Gaat niet over deze verandering', en: 'Off topic' },
};

/** Pre-moderation (default): a moderator publishes each reaction. Post-moderation: published at once, reviewed afterwards. */
export const MODERATION_MODES = ['pre', 'post'] as const;
export type ModerationMode = (typeof MODERATION_MODES)[number];

/** Long enough for an argument, short enough to read on a phone. */
export const MAX_REACTION_LENGTH = 2000;
export const MAX_NAME_LENGTH = 60;
/** A reaction (1) and replies to it (2): no deeper threads (issue 4). */
export const MAX_DEPTH = 2;
export const DEFAULT_REPORT_THRESHOLD = 3;

/** Reactie: a citizen's reaction to a change, a reply, or an official answer of the organization. */
export interface Reaction {
  id: ReactionId;
  organizationId: OrganizationId;
  changeId: ChangeId;
  /** Reserved for reactions on updates (berichten); always null until updates exist. */
  updateId: string | null;
  parentId: ReactionId | null;
  depth: number;
  displayName: string;
  role: ReactionRole;
  /** Plain text as given: escape it wherever it is shown. */
  text: string;
  status: ReactionStatus;
  rejectionReason: string | null;
  official: boolean;
  /** The member behind an official answer (`user:<id>`); null for citizens. */
  authorActorId: string | null;
  /** Hidden after enough distinct reports, until a moderator decides. */
  hidden: boolean;
  reportCount: number;
  reviewedAt: string | null;
  reviewedBy: string | null;
  firstOfficialAnswerAt: string | null;
  createdAt: string;
  publishedAt: string | null;
}

/** What readers see: published and not hidden by reports. */
export const isVisible = (r: Pick<Reaction, 'status' | 'hidden'>): boolean => r.status === 'published' && !r.hidden;

/**
 * Links become clickable only once a person approved the text: a moderator reviewed it, or the
 * organization wrote it. Under post-moderation an unreviewed reaction shows its links as text.
 */
export const linksClickable = (r: Pick<Reaction, 'official' | 'reviewedAt' | 'status'>): boolean => r.status === 'published' && (r.official || r.reviewedAt !== null);

/** The form of a text the duplicate check compares: case, spacing and Unicode forms do not matter. */
export const normalizeForDuplicates = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

export const textHashOf = (text: string): string => createHash('sha256').update(normalizeForDuplicates(text)).digest('hex');

/** A piece of a reaction's text for display: plain text, or a link (with an href only when clickable). */
export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string | null };

const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/gi;

/** Trailing punctuation belongs to the sentence, not the link ("zie https://example.nl."). */
const trimLink = (candidate: string): string => {
  let link = candidate.replace(/[.,;:!?'"]+$/, '');
  if (link.endsWith(')') && !link.includes('(')) link = link.slice(0, -1).replace(/[.,;:!?]+$/, '');
  return link;
};

/** Only http(s) ever becomes an href (OWASP XSS prevention: no javascript:, data: or others). */
const hrefOf = (link: string): string | null => {
  try {
    const url = new URL(/^www\./i.test(link) ? `https://${link}` : link);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
};

/**
 * Splits a reaction's text into text and link segments for the portal, which escapes every
 * segment's text and renders `href` (when not null) as a link with `rel="nofollow ugc noopener"`.
 * With `clickable` false every link keeps `href: null`: shown, not clickable (issue 4).
 */
export const segmentsOf = (text: string, clickable: boolean): TextSegment[] => {
  const segments: TextSegment[] = [];
  let at = 0;
  for (const match of text.matchAll(LINK)) {
    const link = trimLink(match[0]);
    const start = match.index;
    if (start > at) segments.push({ kind: 'text', text: text.slice(at, start) });
    segments.push({ kind: 'link', text: link, href: clickable ? hrefOf(link) : null });
    at = start + link.length;
  }
  if (at < text.length) segments.push({ kind: 'text', text: text.slice(at) });
  return segments;
};
