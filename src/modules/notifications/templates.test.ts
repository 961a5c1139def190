import { describe, expect, it } from 'vitest';
import { checkText } from '../../language';
import { FOR_GROUP, NOTICE_KINDS, STATUS_TEXT, TRACK_TEXT, type Notice } from './notice';
import { renderConfirmMail, renderDigestMail, renderEventMail } from './templates';

/** The prose of a mail: its plain text without URLs (a URL is not a sentence). */
const prose = (text: string) => text.replace(/https?:\/\/\S+/g, '').replace(/^- /gm, '');

const notice = (kind: Notice['kind'], headline: string, details: string[] = []): Notice => ({
  kind,
  organization: { id: 'o', name: 'Gemeente Voorbeeldstad', slug: 'voorbeeldstad' },
  change: { id: 'c', title: 'Betaald parkeren in de Parkwijk', slug: 'betaald-parkeren-parkwijk' },
  section: 'doelen',
  headline,
  details,
  forGroup: FOR_GROUP[kind],
  meanings: { g: { name: 'Bewoners van de Parkwijk', effect: 'gains', meaning: 'U vindt makkelijker een plek bij uw huis.' } },
  at: '2026-12-08T09:00:00.000Z',
});

const links = { manage: 'https://x.nl/beheer/t', unsubscribe: 'https://x.nl/afmelden/t' };

describe('mail templates are B1 Dutch', () => {
  // Every sentence the templates can produce, with realistic data.
  const samples: Notice[] = [
    ...Object.values(STATUS_TEXT).map((s) => notice('status', `De verandering is nu ${s}.`)),
    notice('decision', 'De gemeenteraad heeft een besluit genomen: het voorstel is aangenomen.', ['Er stemden 20 leden voor en 15 tegen.']),
    notice('milestone_reached', 'Deze stap is klaar: Start betaald parkeren.'),
    notice('milestone_moved', 'Deze stap komt op een andere datum: Evaluatie met bewoners.', ['Eerst was de datum 1 april 2027. Nu is het 1 juni 2027.']),
    ...Object.entries(TRACK_TEXT).map(([status, text]) => ({
      ...notice('goal_track', `Een doel ${text}.`, ['De nieuwste meting is 180 auto’s per werkdag, op 8 december 2026.']),
      forGroup: `${FOR_GROUP.goal_track} ${FOR_GROUP[status === 'behind' ? 'goal_behind' : status === 'achieved' ? 'goal_achieved' : 'goal_on_track']}`,
    })),
    notice('goal_version', 'Een doel is aangepast.'),
    notice('expectation_answered', 'De gemeente heeft gereageerd op wat mensen verwachten.'),
    notice('official_answer', 'De gemeente heeft een reactie beantwoord.'),
  ];

  it('covers every kind of notice', () => {
    expect(new Set(samples.map((s) => s.kind))).toEqual(new Set(NOTICE_KINDS));
  });

  it.each(samples.map((n) => [n.kind, n.headline, n] as const))('event mail %s (%s)', (_kind, _headline, n) => {
    const mail = renderEventMail(n, { groupId: 'g', followed: 'de verandering "Betaald parkeren in de Parkwijk"', pageUrl: 'https://x.nl/p', links });
    const report = checkText(prose(mail.text));
    expect(report.verdict, JSON.stringify(report.reasons)).toBe('b1');
    expect(mail.html).toContain('<html lang="nl">');
    expect(mail.html).not.toMatch(/<img\b/);
  });

  it('the digest and the confirmation mail', () => {
    const digest = renderDigestMail('Gemeente Voorbeeldstad', samples.slice(0, 3).map((n) => ({ notice: n, groupId: 'g', pageUrl: 'https://x.nl/p' })), { followed: 'berichten per week', links });
    expect(checkText(prose(digest.text)).verdict).toBe('b1');
    const confirm = renderConfirmMail('Gemeente Voorbeeldstad', ['de verandering "Betaald parkeren in de Parkwijk" (voor Bewoners van de Parkwijk)'], 'https://x.nl/bevestigen/t', 72);
    expect(checkText(prose(confirm.text)).verdict).toBe('b1');
  });
});
