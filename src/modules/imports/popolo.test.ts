import { describe, expect, it } from 'vitest';
import { popoloDate, readPopolo } from './popolo';
import { ORI_IBABS_FIXTURE, ORI_POPOLO_FIXTURE as ORI_FIXTURE } from './popolo.fixture';
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

  it('reads Open Raadsinformatie as harvested from iBabs: numeric ids, the motion naming its vote events, Dutch results and result URIs, "-" as no text', () => {
    const { motions, issues } = readPopolo(JSON.parse(ORI_IBABS_FIXTURE));
    expect(issues).toEqual([]);
    expect(motions.map((m) => [m.reference, m.kind, m.body, m.date, m.outcome, m.voteEventPath, m.issues])).toEqual([
      ['2026014', 'motie', 'Gemeenteraad Voorbeeldstad', '2026-03-12', 'adopted', 'vote_events[0]', []],
      ['A2026-003', 'amendement', 'Gemeenteraad Voorbeeldstad', '2026-03-12', 'rejected', 'vote_events[1]', []],
      ['2026019', 'motie', 'Gemeenteraad Voorbeeldstad', '2026-03-12', 'pending', null, []],
      ['2026021', 'raadsbesluit', 'Gemeenteraad Voorbeeldstad', '2026-03-12', 'adopted', null, []],
      ['2026022', 'motie', 'Gemeenteraad Voorbeeldstad', '2026-03-12', 'withdrawn', null, []],
    ]);
    const [fietsroutes, amendement, wmo] = motions;
    // "-" is iBabs' empty field: no summary "-", no requirement "Vereiste: -."
    expect(fietsroutes!.input).toMatchObject({ title: 'Motie Veilige fietsroutes naar school', summary: '', votes: { for: 18, against: 9, abstain: 0 } });
    expect(fietsroutes!.partyVotes).toEqual([
      { party: 'GroenLinks-PvdA', for: 16, against: 0, abstain: 0 },
      { party: 'Lokaal Belang', for: 2, against: 0, abstain: 0 },
      { party: 'VVD', for: 0, against: 9, abstain: 0 },
    ]);
    expect(amendement!.input).toMatchObject({ votes: { for: 11, against: 16, abstain: 0 } });
    expect(wmo!.input).toMatchObject({ title: 'Motie Wachttijden Wmo-loket', summary: '' });
  });

  it('links a vote event named in motion.vote_events by id, as the Popolo motion specification shows', () => {
    const doc = fixture();
    const events = doc.vote_events.map((e, i) => ({ ...e, id: `ve-${i + 1}`, motion_id: undefined }));
    doc.vote_events = events;
    doc.motions[0]!.vote_events = ['ve-1'];
    doc.motions[1]!.vote_events = ['ve-2'];
    doc.motions[2]!.vote_events = ['ve-3'];
    const read = readPopolo(doc);
    expect(read.issues).toEqual([]);
    expect(read.motions.map((m) => [m.voteEventPath, m.outcome])).toEqual([
      ['vote_events[0]', 'adopted'],
      ['vote_events[1]', 'rejected'],
      ['vote_events[2]', 'adopted'],
      [null, 'pending'],
    ]);
    // A motion naming a vote event that is not in the document is named by its path.
    doc.motions[3]!.vote_events = ['ve-9'];
    expect(paths(doc)).toEqual(['motions[3].vote_events[0]']);
    // Two motions naming the same vote event: the second is refused.
    doc.motions[3]!.vote_events = ['ve-1'];
    expect(readPopolo(doc).motions[3]!.issues).toEqual([{ path: 'motions[3].vote_events[0]', message: 'vote_events[0] hoort al bij motions[0]: één motie per stemming' }]);
    // Linked both ways to the same motion is one link, not two vote events.
    doc.motions[3]!.vote_events = [];
    doc.vote_events[0] = { ...doc.vote_events[0], motion_id: doc.motions[0]!.id };
    expect(paths(doc)).toEqual([]);
  });

  it('reads the results council systems write, and names the value it refuses as written', () => {
    const outcome = (result: unknown) => {
      const doc = fixture();
      doc.vote_events[2]!.result = result;
      return readPopolo(doc).motions[2]!;
    };
    const cases: [string, string][] = [
      ['Motie aangenomen', 'adopted'],
      ['Aangenomen', 'adopted'],
      ['Amendement aangenomen', 'adopted'],
      ['Unaniem aangenomen', 'adopted'],
      ['Aangenomen met algemene stemmen', 'adopted'],
      ['Gewijzigd aangenomen', 'adopted'],
      ['Hamerstuk', 'adopted'],
      ['Conform besloten', 'adopted'],
      ['http://www.w3.org/ns/opengov#ResultPassed', 'adopted'],
      ['opengov:ResultPassed', 'adopted'],
      ['PASS', 'adopted'],
      ['Motie verworpen', 'rejected'],
      ['Niet aangenomen', 'rejected'],
      ['http://www.w3.org/ns/opengov#ResultFailed', 'rejected'],
      ['Motie ingetrokken', 'withdrawn'],
      ['Vervallen', 'withdrawn'],
      ['https://argu.co/ns/meeting/ResultWithdrawn', 'withdrawn'],
      ['Aangehouden', 'pending'],
      ['https://argu.co/ns/meeting/ResultPostponed', 'pending'],
    ];
    expect(cases.map(([result]) => [result, outcome(result).outcome])).toEqual(cases);
    for (const refused of ['Staking van stemmen', 'Voor kennisgeving aangenomen', 'Aangenomen en verworpen']) {
      const read = outcome(refused);
      expect(read.outcome).toBeNull();
      expect(read.issues).toEqual([{ path: 'vote_events[2].result', message: `"${refused}" is geen uitslag die we kennen: aangenomen, verworpen, ingetrokken, vervallen of aangehouden (of Popolo pass, fail)` }]);
    }
  });

  it('takes a numeric identifier as the reference and treats "-" as no text', () => {
    const doc = fixture();
    doc.motions[0] = { ...doc.motions[0], identifier: 2026014, text: '-', requirements: '-' };
    doc.motions[3] = { ...doc.motions[3], identifier: '-', title: 'Motie Wachttijden', text: '—' };
    const [first, , , fourth] = readPopolo(doc).motions;
    expect(first!.reference).toBe('2026014');
    expect(first!.input).toMatchObject({ reference: '2026014', title: 'Motie Veilige fietsroutes naar school', summary: '' });
    // "-" as identifier is no identifier: the motion's id is the reference.
    expect(fourth!.input).toMatchObject({ reference: 'https://id.openraadsinformatie.nl/0344/motie/8820', title: 'Motie Wachttijden', summary: '' });
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
