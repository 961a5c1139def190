import { Paragraph } from '../../views/components';
import type { ChangePageData } from '../data';
import type { View } from '../site';
import { VOICE } from '../voice-i18n';
import { pollPath } from './poll';

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
