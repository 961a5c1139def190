import type { Checkpoint } from '../../modules/exports';
import { DataList, Heading, Link, Paragraph } from '../views/components';
import { renderPage } from './pages/frame';
import { orgPath, type View } from './site';

const TIME = {
  nl: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'medium', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'medium', timeZone: 'Europe/Amsterdam' }),
};

export const checkpointPath = (slug: string) => `${orgPath(slug)}/controlepunt`;

/**
 * A 64-character hash is one unbreakable word: on a phone it would push the page sideways (WCAG
 * 1.4.10 Reflow). `<wbr>` offers a break every 16 characters without changing what is copied.
 */
const chunks = (text: string): string[] => text.match(/.{1,16}/gsu) ?? [text];
const Breakable = ({ text }: { text: string }) => <>{chunks(text).flatMap((c, i) => (i === 0 ? [c] : [<wbr />, c]))}</>;

/**
 * "Controlepunt van het logboek": the head of the organization's audit chain in plain words — what
 * it is, why keeping a copy matters (a chain deleted and recomputed still verifies; a copy kept
 * elsewhere does not match it), and the command an auditor runs (docs/imports-exports.md).
 */
export const renderCheckpointPage = (view: View, organization: { name: string; slug: string }, checkpoint: Checkpoint): string => {
  const { t } = view;
  const at = checkpoint.at ? new Date(checkpoint.at) : null;
  return renderPage({
    view,
    path: checkpointPath(organization.slug),
    title: t.checkpoint,
    description: t.checkpointDescription(organization.name),
    organization,
    breadcrumbs: [{ label: organization.name, href: view.href(orgPath(organization.slug)) }, { label: t.checkpoint }],
    // Changes with every write and citizen answer: not worth a search engine's index.
    noindex: true,
    children: (
      <>
        <Heading level={1}>{t.checkpoint}</Heading>
        <Paragraph lead>{t.checkpointLead(organization.name)}</Paragraph>
        {checkpoint.seq === 0 ? (
          <Paragraph>{t.checkpointEmpty}</Paragraph>
        ) : (
          <>
            <Paragraph>{t.checkpointWhy}</Paragraph>
            <DataList
              rows={[
                [t.checkpointPosition, String(checkpoint.seq)],
                [t.checkpointHash, <code><Breakable text={checkpoint.hash} /></code>],
                [t.checkpointTime, at ? <time datetime={at.toISOString()}>{TIME[view.lang].format(at)}</time> : '—'],
              ]}
            />
          </>
        )}
        <Heading level={2}>{t.checkpointHowTitle}</Heading>
        <Paragraph>{t.checkpointHow}</Paragraph>
        <Heading level={2}>{t.checkpointCheckTitle}</Heading>
        <ol class="utrecht-ordered-list">
          <li class="utrecht-ordered-list__item">{t.checkpointStepKeep}</li>
          <li class="utrecht-ordered-list__item">
            {t.checkpointStepRun}
            <br />
            <code><Breakable text={checkpoint.verify} /></code>
          </li>
          <li class="utrecht-ordered-list__item">{t.checkpointStepResult(checkpoint.seq)}</li>
        </ol>
        <Paragraph>
          <Link href={`/api/v1/organizations/${encodeURIComponent(organization.slug)}/checkpoint`}>{t.checkpointJson}</Link>
        </Paragraph>
      </>
    ),
  });
};
