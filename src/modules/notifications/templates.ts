import type { Notice } from './notice';

/**
 * The mails Helder sends, in B1 Dutch: plain text and accessible HTML with the same content
 * (`lang="nl"`, real headings and links, no images, no tracking pixels, links not rewritten).
 * Pure functions: the plain-language test (templates.test.ts) runs the checker over every one.
 */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Where a mail's links go; all absolute. */
export interface MailLinks {
  manage: string;
  unsubscribe: string;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

interface Block {
  heading?: string;
  lines: string[];
  link?: { label: string; href: string };
}

const toText = (title: string, blocks: Block[], footer: Block): string =>
  [title, '', ...[...blocks, footer].flatMap((b) => [...(b.heading ? [b.heading] : []), ...b.lines, ...(b.link ? [`${b.link.label}: ${b.link.href}`] : []), ''])].join('\n').trimEnd() + '\n';

const toHtml = (title: string, blocks: Block[], footer: Block): string => {
  const block = (b: Block, level = 2) =>
    `${b.heading ? `<h${level}>${escapeHtml(b.heading)}</h${level}>` : ''}${b.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}${b.link ? `<p><a href="${escapeHtml(b.link.href)}">${escapeHtml(b.link.label)}</a></p>` : ''}`;
  return (
    `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>` +
    `<body style="font-family:sans-serif;font-size:16px;line-height:1.5;max-width:40em"><main><h1 style="font-size:1.4em">${escapeHtml(title)}</h1>${blocks.map((b) => block(b)).join('')}</main>` +
    `<footer style="border-top:1px solid #888;margin-top:2em">${block(footer, 2)}</footer></body></html>`
  );
};

const mail = (subject: string, title: string, blocks: Block[], footer: Block): RenderedMail => ({ subject, text: toText(title, blocks, footer), html: toHtml(title, blocks, footer) });

const footerOf = (organizationName: string, followed: string, links: MailLinks): Block => ({
  heading: 'Waarom krijgt u deze mail?',
  lines: [`U volgt ${followed} bij ${organizationName}.`, `Wilt u dit niet meer? Meld u af met één klik: ${links.unsubscribe}`],
  link: { label: 'Uw keuzes bekijken of aanpassen', href: links.manage },
});

/** The part about the reader's group, when the subscription names one the change touches. */
const groupBlock = (notice: Notice, groupId: string): Block[] => {
  const group = groupId ? notice.meanings[groupId] : undefined;
  if (!group) return [];
  return [{ heading: `Wat betekent dit voor ${group.name}?`, lines: [notice.forGroup, ...(group.meaning ? [`Wat de verandering voor u betekent: ${group.meaning}`] : [])] }];
};

/** One event, for one reader: what happened, what it means for their group, where to read more. */
export const renderEventMail = (notice: Notice, reader: { groupId: string; followed: string; pageUrl: string; links: MailLinks }): RenderedMail =>
  mail(
    `${notice.change.title}: ${notice.headline}`,
    notice.change.title,
    [
      { lines: [notice.headline, ...notice.details] },
      ...groupBlock(notice, reader.groupId),
      { lines: [], link: { label: 'Lees meer op de pagina van de verandering', href: reader.pageUrl } },
    ],
    footerOf(notice.organization.name, reader.followed, reader.links),
  );

/** The weekly digest: every event of the week, oldest first, each with its link. */
export const renderDigestMail = (
  organizationName: string,
  items: { notice: Notice; groupId: string; pageUrl: string }[],
  reader: { followed: string; links: MailLinks },
): RenderedMail =>
  mail(
    `Wat er deze week veranderde bij ${organizationName}`,
    'Uw overzicht van deze week',
    [
      { lines: [items.length === 1 ? 'Er is deze week één nieuw bericht.' : `Er zijn deze week ${items.length} nieuwe berichten.`] },
      ...items.flatMap(({ notice, groupId, pageUrl }) => [
        { heading: notice.change.title, lines: [notice.headline, ...notice.details], link: { label: 'Lees meer', href: pageUrl } },
        ...groupBlock(notice, groupId),
      ]),
    ],
    footerOf(organizationName, reader.followed, reader.links),
  );

/** The double opt-in mail: nothing else is sent before the reader clicks its link. */
export const renderConfirmMail = (organizationName: string, followed: string[], confirmUrl: string, hours: number): RenderedMail =>
  mail(
    `Bevestig dat u berichten wilt krijgen van ${organizationName}`,
    'Wilt u berichten krijgen?',
    [
      { lines: ['Iemand heeft dit adres opgegeven om berichten te krijgen over:', ...followed.map((f) => `- ${f}`)] },
      { lines: [`Was u dat? Klik dan op de link om het te bevestigen. De link werkt ${hours} uur.`], link: { label: 'Ja, ik wil deze berichten krijgen', href: confirmUrl } },
      { lines: ['Was u het niet? Dan hoeft u niets te doen. U krijgt dan geen berichten. Wij bewaren uw adres niet langer dan nodig.'] },
    ],
    { lines: [`Deze mail komt van ${organizationName}.`] },
  );
