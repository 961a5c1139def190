import { describe, expect, it } from 'vitest';
import { popoloDate, readPopolo } from './popolo';
import { ORI_POPOLO_FIXTURE as ORI_FIXTURE } from './popolo.fixture';
const fixture = () => JSON.parse(ORI_FIXTURE) as { motions: Record<string, unknown>[]; vote_events: Record<string, unknown>[] };
const paths = (doc: unknown) => {
  const read = readPopolo(doc);
  return [...read.issues, ...read.motions.flatMap((m) => m.issues)].map((i) => i.path);
};

describe('reading Popolo motions and vote events', () => {
  it('maps the Open Raadsinformatie fixture onto decisions: kinds, chamber, outcome, counts, votes per party', () => {
    const { motions, issues } = readPopolo(JSON.parse(ORI_FIXTURE));
    expect(issues).toEqual([]);
    expect(motions.map((m) => [m.reference, m.kind, m.body, m.date, m.outcome, m.issues])).toEqual([
      ['M2026-014', 'motie', 'Gemeenteraad Voorbeeldstad', '2026-03-12', 'adopted', []],
      ['A2026-003', 'amendement', 'Gemeenteraad Voorbeeldstad', '2026-03-12', 'rejected', []],
      ['RV2026-021', 'raadsbesluit', 'Gemeenteraad Voorbeeldstad', '2026-03-12', 'adopted', []],
      ['M2026-019', 'motie', 'Gemeenteraad Voorbeeldstad', '2026-03-12', 'pending', []],
    ]);
    const [fietsroutes, amendement, voorstel, wmo] = motions;
    // Votes per voter, aggregated by their group; "absent" is a valid option that is not counted.
    expect(fietsroutes!.input).toMatchObject({ title: 'Motie Veilige fietsroutes naar school', votes: { for: 16, against: 10, abstain: 0 }, sourceUrl: 'https://voorbeeldstad.raadsinformatie.nl/document/8812/motie-veilige-fietsroutes' });
    expect(fietsroutes!.input!.summary).toContain('Verzoekt het college');
    expect(fietsroutes!.input!.summary).toContain('Vereiste: gewone meerderheid.');
    expect(fietsroutes!.partyVotes).toContainEqual({ party: 'D66', for: 3, against: 0, abstain: 0 });
    expect(fietsroutes!.partyVotes).toHaveLength(7);
    // Per-group counts, by inline group and by group_id.
    expect(amendement!.input).toMatchObject({ votes: { for: 12, against: 14, abstain: 1 } });
    expect(amendement!.partyVotes).toContainEqual({ party: 'Partij voor de Dieren', for: 1, against: 0, abstain: 1 });
    expect(voorstel!.input).toMatchObject({ votes: { for: 24, against: 3, abstain: 0 }, partyVotes: [] });
    expect(wmo!.input).toMatchObject({ title: expect.stringContaining('wachttijden bij het Wmo-loket'), votes: null, summary: '' });
  });

  it('reads vote events inside a motion and by an inline motion object', () => {
    const doc = fixture();
    const [first] = doc.vote_events.splice(0, 1);
    doc.motions[0]!.vote_events = [first];
    expect(paths(doc)).toEqual([]);
    expect(readPopolo(doc).motions[0]!.voteEventPath).toBe('motions[0].vote_events[0]');
    const inline = fixture();
    inline.vote_events[2] = { ...inline.vote_events[2], motion_id: undefined, motion: { id: inline.motions[2]!.id } };
    expect(readPopolo(inline).motions[2]!.outcome).toBe('adopted');
  });

  it('names every problem by its JSON path', () => {
    const doc = fixture();
    doc.motions[0] = { ...doc.motions[0], identifier: undefined, id: undefined, classification: 'Schriftelijke vraag' };
    doc.motions[1] = { ...doc.motions[1], sources: [{ url: 'javascript:alert(1)' }] };
    doc.motions[3] = { ...doc.motions[3], date: '12-03-2026', organization_id: undefined };
    doc.vote_events[1]!.counts = [{ option: 'misschien', value: 3 }, { option: 'yes', value: -1 }];
    doc.vote_events[2]!.result = 'gelijk';
    doc.vote_events.push({ motion_id: 'https://id.openraadsinformatie.nl/0344/motie/bestaat-niet', result: 'pass' });
    doc.vote_events.push({ motion_id: doc.motions[2]!.id, result: 'fail', start_date: '2026-03-13' });
    expect(paths(doc)).toEqual([
      // Without an id, motions[0]'s vote event has nothing to point at.
      'vote_events[0].motion_id',
      'vote_events[3].motion_id',
      'motions[0].id',
      'motions[0].classification',
      'vote_events[1].counts[0].option',
      'vote_events[1].counts[1].value',
      'motions[1].sources[0].url',
      'vote_events[2].result',
      'vote_events[4]',
      'motions[3].organization',
      'motions[3].date',
    ]);
  });

  it('refuses votes per party that do not add up to the totals, and half-grouped votes', () => {
    const doc = fixture();
    (doc.vote_events[0]!.counts as { option: string; value: number }[])[0]!.value = 17;
    doc.vote_events[1]!.counts = [{ option: 'yes', value: 12 }, { option: 'no', value: 15 }, { option: 'yes', value: 12, group: { name: 'GroenLinks-PvdA' } }, { option: 'no', value: 14, group: { name: 'VVD' } }];
    const votes = doc.vote_events[0]!.votes as Record<string, unknown>[];
    votes[2] = { ...votes[2], group_id: undefined };
    const read = readPopolo(doc);
    expect(read.motions[0]!.issues.map((i) => i.path)).toEqual(['vote_events[0].votes[2].group', 'vote_events[0].votes']);
    expect(read.motions[1]!.issues).toEqual([{ path: 'vote_events[1].counts', message: 'per fractie 12 voor, 14 tegen, 0 onthouding, maar de totalen zijn 12 voor, 15 tegen, 0 onthouding' }]);
  });

  it('refuses what is not a Popolo document', () => {
    expect(paths(null)).toEqual(['file']);
    expect(paths([])).toEqual(['file']);
    expect(paths({ motion: [] })).toEqual(['motions']);
    expect(paths({ motions: [42] })).toEqual(['motions[0]']);
  });

  it('reads Popolo dates as Dutch calendar dates', () => {
    expect(popoloDate('2026-03-12')).toBe('2026-03-12');
    expect(popoloDate('2026-03-12T21:30:00')).toBe('2026-03-12');
    expect(popoloDate('2026-03-12T23:30:00Z')).toBe('2026-03-13');
    expect(popoloDate('2026-06-30T22:30:00.000Z')).toBe('2026-07-01');
    expect(popoloDate('2026-03-12T23:30:00+01:00')).toBe('2026-03-12');
    expect([popoloDate('2026-02-30'), popoloDate('12-03-2026'), popoloDate(20260312), popoloDate('')]).toEqual([undefined, undefined, undefined, undefined]);
  });
});
