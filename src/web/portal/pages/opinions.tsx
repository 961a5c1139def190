import { trackStatus } from '../../../modules/goals';
import { Paragraph } from '../../views/components';
import type { ChangePageData } from '../data';
import type { View } from '../site';
import { VOICE } from '../voice-i18n';
import { LiveMarker } from './live';
import { pollPath } from './poll';
import { reactionsPath, reactPath } from './reactions';

/**
 * "Wat vinden inwoners ervan?" on the cached change page: the way to the poll, and a marker where
 * the current figures are spliced in per request (live.tsx): they change with every answer, which
 * does not move the register version the page is cached by.
 */
export const Opinions = ({ view, data }: { view: View; data: ChangePageData }) => {
  const v = VOICE[view.lang];
  const { chain } = data;
  const statuses = chain.goals.map((g) => trackStatus(g.goal.current, g.latestMeasurement ?? undefined));
  const measured = statuses.filter((s) => s === 'achieved' || s === 'on_track' || s === 'behind');
  const live = {
    changeId: chain.change.id,
    groups: chain.impacts.map((i) => i.group.name),
    measuredGoals: measured.length,
    goalsOnTrack: measured.filter((s) => s !== 'behind').length,
  };
  return (
    <>
      <Paragraph>{v.opinionsIntro}</Paragraph>
      <p class="utrecht-paragraph helder-call">
        <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action helder-call__link" href={view.href(pollPath(data.organization.slug, data.chain.change.slug))}>
          {v.takePoll}
        </a>
      </p>
      <LiveMarker data={live} />
    </>
  );
};

/**
 * "Reacties" on the cached change page: the ways to read and to write reactions. The reactions
 * themselves live on their own page, because reports hide one without a register write.
 */
export const ReactionLinks = ({ view, data }: { view: View; data: ChangePageData }) => {
  const v = VOICE[view.lang];
  const [org, change] = [data.organization.slug, data.chain.change.slug];
  return (
    <>
      <Paragraph>{v.reactionsIntro}</Paragraph>
      <ul class="helder-call helder-call--pair">
        <li><a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={view.href(reactionsPath(org, change))}>{v.readReactions}</a></li>
        <li><a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={view.href(reactPath(org, change))}>{v.writeReaction}</a></li>
      </ul>
    </>
  );
};
