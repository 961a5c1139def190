import { Paragraph } from '../../views/components';
import type { ChangePageData } from '../data';
import type { View } from '../site';
import { VOICE } from '../voice-i18n';
import { pollPath } from './poll';
import { reactionsPath, reactPath } from './reactions';

/**
 * "Wat vinden inwoners ervan?" on the cached change page: the way to the poll. The figures change
 * with every answer, which does not move the register version, so they are not part of the cached
 * page (see live.tsx).
 */
export const Opinions = ({ view, data }: { view: View; data: ChangePageData }) => {
  const v = VOICE[view.lang];
  return (
    <>
      <Paragraph>{v.opinionsIntro}</Paragraph>
      <p class="utrecht-paragraph helder-call">
        <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action helder-call__link" href={view.href(pollPath(data.organization.slug, data.chain.change.slug))}>
          {v.takePoll}
        </a>
      </p>
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
