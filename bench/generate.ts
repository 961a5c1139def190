/**
 * A deterministic generator of a national-scale register for benchmarks (issue 2). At scale 1 it
 * writes 12 organizations with 2,000 changes, 10,000 goals, 40,000 measures, 5,000 decisions and
 * 200,000 measurements, plus what a real register has around them: goal versions, anchors (most
 * goals anchored, some edited after adoption), contributions (most measures contribute), citizen
 * groups and impacts, conflicts with their weighing, statements and expectations with links and
 * responses, milestones, party votes, follow-ups, corrections, and one audit event per organization
 * with its chain head. (Accounts, sessions and tokens are not part of the register: left empty.)
 *
 * It writes rows DIRECTLY with Kysely multi-row inserts, one transaction per organization: the use
 * cases would take hours for 2M rows, and the benchmark measures reading, not writing. Every column
 * of src/storage/schema is filled with a realistic shape (dates YYYY-MM-DD, timestamps ISO 8601,
 * themes and evidence links as JSON text). A seeded PRNG makes the same seed give the same register.
 */
import { sql } from 'kysely';
import { canonicalJson } from '../src/core';
import { GENESIS_HASH, hashEvent, toCount, type Database, type DialectName, type Db } from '../src/storage';

/** The figures of issue 2 at scale 1. */
export const BASE = { organizations: 12, changes: 2_000, goals: 10_000, measures: 40_000, decisions: 5_000, measurements: 200_000 } as const;

/** The day the register is generated "as of": the benchmark's clock must say the same (rule 8). */
export const BENCH_TODAY = '2025-06-30';

/**
 * Bound parameters per statement: SQLite ≥ 3.32 allows 32,766 (SQLITE_MAX_VARIABLE_NUMBER),
 * PostgreSQL's wire protocol 65,535 (a 16-bit count in the Bind message).
 */
export const MAX_PARAMS: Record<DialectName, number> = { sqlite: 32_766, postgres: 65_535 };

type Table = keyof Database;
export const TABLES: Table[] = [
  'organizations', 'audit_events', 'audit_heads', 'changes', 'milestones', 'citizen_groups', 'impacts', 'decisions', 'party_votes',
  'follow_ups', 'goals', 'goal_versions', 'anchors', 'measurements', 'measures', 'contributions', 'conflicts', 'statements', 'expectations',
  'expectation_links',
];
export type Counts = Record<Table, number>;

export interface GenerateOptions {
  scale: number;
  dialect: DialectName;
  seed?: number;
  /** Progress lines (one per organization). */
  log?: (line: string) => void;
}

export interface GenerateResult {
  counts: Counts;
  seconds: number;
  organizations: { id: string; slug: string }[];
}

// ---------------------------------------------------------------------------------------------
// Randomness: mulberry32, a small 32-bit PRNG, is plenty for test data and needs no dependency.

const prng = (seed: number) => {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  const weighted = <T extends string>(table: Record<T, number>): T => {
    const entries = Object.entries(table) as [T, number][];
    let r = next() * entries.reduce((n, [, w]) => n + w, 0);
    for (const [key, w] of entries) if ((r -= w) < 0) return key;
    return entries[entries.length - 1]![0];
  };
  const hex = (n: number) => (Math.floor(next() * 0x100000000) >>> 0).toString(16).padStart(8, '0').slice(0, n);
  // A version-4-shaped UUID (isId accepts it) drawn from the seeded stream, so ids are reproducible.
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(0, 3)]}${hex(3)}-${hex(8)}${hex(4)}`;
  return { next, int, pick, chance, weighted, uuid };
};
type Rng = ReturnType<typeof prng>;

/** Spreads `total` items over `n` parents: each gets `min`, the rest lands uniformly at random (sum exact). */
const allocate = (rng: Rng, total: number, n: number, min: number): number[] => {
  const counts = new Array<number>(n).fill(min);
  const rest = total - min * n;
  if (rest < 0) throw new Error(`cannot give ${n} parents ${min} each out of ${total}`);
  for (let i = 0; i < rest; i++) counts[Math.floor(rng.next() * n)]! += 1;
  return counts;
};

/** Largest-remainder apportionment of `total` by weights (sum exact). */
const apportion = (total: number, weights: readonly number[]): number[] => {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  const missing = total - out.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) out[order[k]![1]]! += 1;
  return out;
};

// Dates: calendar dates are YYYY-MM-DD, timestamps ISO 8601 (schema/organizations.ts).
const DAY = 86_400_000;
const TODAY_MS = Date.parse(`${BENCH_TODAY}T00:00:00Z`);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const stampOf = (ms: number) => new Date(ms).toISOString();
/** Shifts a date by whole months, keeping the day (clamped to 28 so every month has it). */
const addMonths = (date: string, months: number) => {
  if (months === 0) return date;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return dayOf(Date.UTC(y, m - 1 + months, Math.min(d, 28)));
};

// ---------------------------------------------------------------------------------------------
// Vocabulary: Dutch, as a real register would hold it.

type OrgKind = 'gemeente' | 'provincie' | 'waterschap' | 'ministerie' | 'uitvoeringsorganisatie';
const ORGANIZATIONS: { name: string; kind: OrgKind; weight: number }[] = [
  { name: 'Gemeente Amsterdam', kind: 'gemeente', weight: 2.6 },
  { name: 'Gemeente Rotterdam', kind: 'gemeente', weight: 2.0 },
  { name: 'Gemeente Utrecht', kind: 'gemeente', weight: 1.4 },
  { name: 'Gemeente Zwolle', kind: 'gemeente', weight: 0.8 },
  { name: 'Gemeente Voorbeeldstad', kind: 'gemeente', weight: 0.6 },
  { name: 'Gemeente Tubbergen', kind: 'gemeente', weight: 0.3 },
  { name: 'Provincie Gelderland', kind: 'provincie', weight: 1.0 },
  { name: 'Provincie Zeeland', kind: 'provincie', weight: 0.5 },
  { name: 'Waterschap Rivierenland', kind: 'waterschap', weight: 0.6 },
  { name: 'Hoogheemraadschap van Delfland', kind: 'waterschap', weight: 0.5 },
  { name: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties', kind: 'ministerie', weight: 1.5 },
  { name: 'Dienst Toeslagen', kind: 'uitvoeringsorganisatie', weight: 1.2 },
];

const BODY: Record<OrgKind, { body: string; main: 'raadsbesluit' | 'statenbesluit' | 'collegebesluit' | 'wet' | 'kamerbrief'; seats: number }> = {
  gemeente: { body: 'gemeenteraad', main: 'raadsbesluit', seats: 45 },
  provincie: { body: 'Provinciale Staten', main: 'statenbesluit', seats: 55 },
  waterschap: { body: 'algemeen bestuur', main: 'collegebesluit', seats: 30 },
  ministerie: { body: 'Tweede Kamer', main: 'wet', seats: 150 },
  uitvoeringsorganisatie: { body: 'minister van Financiën', main: 'kamerbrief', seats: 150 },
};

interface Topic {
  title: string;
  kind: string;
  themes: string[];
  why: string;
  what: string;
  goal: { statement: string; indicator: string; unit: string; direction: 'increase' | 'decrease' | 'keep'; baseline: number; target: number; source: string };
  measures: string[];
}
const TOPICS: Topic[] = [
  {
    title: 'Afval scheiden', kind: 'service_change', themes: ['afval', 'duurzaamheid'],
    why: 'Er belandt te veel afval bij het restafval dat nog goed te gebruiken is. Verbranden kost veel geld en is slecht voor het milieu.',
    what: 'De grijze container wordt nog maar één keer per maand geleegd. GFT en plastic halen we vaker op.',
    goal: { statement: 'Minder restafval per inwoner', indicator: 'kilo restafval per inwoner per jaar', unit: 'kg', direction: 'decrease', baseline: 180, target: 100, source: 'weegbrug afvalbedrijf' },
    measures: ['Restafval één keer per maand ophalen', 'Extra containers voor plastic', 'Voorlichting per wijk'],
  },
  {
    title: 'Betaald parkeren', kind: 'regulation', themes: ['verkeer'],
    why: 'In de avond is er vaak geen plek om te parkeren. Bewoners rijden rondjes en dat geeft drukte en vieze lucht.',
    what: 'U betaalt voor parkeren op straat. Bewoners krijgen een vergunning voor één auto.',
    goal: { statement: 'Minder drukte bij het parkeren in de avond', indicator: 'bezette plekken om 21 uur', unit: '%', direction: 'decrease', baseline: 96, target: 80, source: 'scanauto-tellingen' },
    measures: ['Parkeerautomaten plaatsen', 'Vergunningen voor bewoners', 'Extra fietsenrekken'],
  },
  {
    title: 'Bibliotheek in de wijk', kind: 'reorganization', themes: ['cultuur', 'onderwijs'],
    why: 'Steeds minder mensen komen naar de grote bibliotheek. Veel inwoners wonen ver weg en kunnen moeilijk reizen.',
    what: 'We openen kleine vestigingen in buurthuizen. De grote vestiging is vaker open in het weekend.',
    goal: { statement: 'Meer bezoekers in de bibliotheek', indicator: 'bezoeken per jaar', unit: 'bezoeken', direction: 'increase', baseline: 120_000, target: 150_000, source: 'poortteller bibliotheek' },
    measures: ['Vestiging in het buurthuis', 'Langer open op zaterdag', 'Voorleesuur voor kinderen'],
  },
  {
    title: 'Dijkversterking', kind: 'infrastructure', themes: ['water', 'veiligheid'],
    why: 'De dijk is te laag voor de hoge waterstanden die we verwachten. Zonder versterking kan het land achter de dijk overstromen.',
    what: 'We maken de dijk hoger en breder. Tijdens het werk is het fietspad op de dijk soms dicht.',
    goal: { statement: 'Alle dijken voldoen aan de veiligheidsnorm', indicator: 'kilometer dijk die aan de norm voldoet', unit: 'km', direction: 'increase', baseline: 40, target: 62, source: 'toetsing waterveiligheid' },
    measures: ['Dijk ophogen', 'Damwand plaatsen', 'Omleiding voor fietsers'],
  },
  {
    title: 'Jeugdhulp dichtbij', kind: 'budget_cut', themes: ['zorg', 'jeugd'],
    why: 'Kinderen wachten te lang op hulp. Tegelijk stijgen de kosten zo snel dat we ze niet meer kunnen betalen.',
    what: 'Lichte hulp krijgt u voortaan via het wijkteam, zonder verwijzing. Zware zorg kopen we samen met buurgemeenten in.',
    goal: { statement: 'Kortere wachttijd voor jeugdhulp', indicator: 'gemiddelde wachttijd tot de eerste afspraak', unit: 'weken', direction: 'decrease', baseline: 14, target: 6, source: 'registratie wijkteams' },
    measures: ['Wijkteam zonder verwijzing', 'Samen inkopen met buurgemeenten', 'Praktijkondersteuner jeugd bij de huisarts'],
  },
  {
    title: 'Buslijnen in de regio', kind: 'policy', themes: ['mobiliteit'],
    why: 'In dorpen rijdt de bus weinig, waardoor mensen zonder auto moeilijk bij hun werk of de dokter komen.',
    what: 'Buurtbussen rijden elk uur. Op drukke lijnen rijdt de bus vaker, op stille lijnen kunt u een rit bellen.',
    goal: { statement: 'Meer reizigers in de streekbus', indicator: 'reizigers per werkdag', unit: 'reizigers', direction: 'increase', baseline: 8_000, target: 11_000, source: 'OV-chipkaartdata vervoerder' },
    measures: ['Buurtbus elk uur', 'Belbus op stille lijnen', 'Nieuwe haltes bij zorgcentra'],
  },
  {
    title: 'Toeslagen zonder terugvordering', kind: 'service_change', themes: ['inkomen'],
    why: 'Veel mensen moeten achteraf toeslag terugbetalen. Dat geeft schulden en stress, vooral bij lage inkomens.',
    what: 'We vragen uw inkomen vaker na en passen het voorschot eerder aan. U krijgt een bericht als er iets verandert.',
    goal: { statement: 'Minder mensen die toeslag moeten terugbetalen', indicator: 'terugvorderingen per jaar', unit: 'terugvorderingen', direction: 'decrease', baseline: 900_000, target: 500_000, source: 'jaarverslag Toeslagen' },
    measures: ['Inkomen elk kwartaal controleren', 'Bericht bij een wijziging', 'Hulp bij aanvragen via de bibliotheek'],
  },
  {
    title: 'Wijken van het gas af', kind: 'policy', themes: ['energie', 'wonen'],
    why: 'Aardgas wordt duurder en we moeten minder CO2 uitstoten. Huizen moeten dus anders verwarmd worden.',
    what: 'Per wijk kiezen we samen met bewoners een warmtebron. U krijgt subsidie om uw huis te isoleren.',
    goal: { statement: 'Meer woningen zonder aardgas', indicator: 'woningen zonder gasaansluiting', unit: 'woningen', direction: 'increase', baseline: 2_000, target: 12_000, source: 'netbeheerder' },
    measures: ['Warmtenet aanleggen', 'Isolatiesubsidie', 'Energiecoaches aan huis'],
  },
  {
    title: 'Sneller antwoord bij de balie', kind: 'service_change', themes: ['dienstverlening'],
    why: 'Inwoners wachten lang op antwoord op hun vragen en moeten vaak opnieuw bellen.',
    what: 'U kunt een afspraak maken op een tijd die u past. Vragen per e-mail beantwoorden we binnen vijf werkdagen.',
    goal: { statement: 'Sneller antwoord op vragen', indicator: 'vragen binnen vijf werkdagen beantwoord', unit: '%', direction: 'increase', baseline: 70, target: 90, source: 'klantcontactsysteem' },
    measures: ['Afspraken op maat', 'Terugbelservice', 'Eén antwoordformulier'],
  },
];

const AREAS = ['Noord', 'Zuid', 'Oost', 'West', 'Centrum', 'Haven', 'Binnenstad', 'Buitengebied'];
const GROUPS = ['Bewoners van', 'Ondernemers in', 'Ouders met jonge kinderen in', 'Ouderen in', 'Huurders in', 'Forenzen uit', 'Scholieren in', 'Mensen met een beperking in'];
const PARTIES = ['VVD', 'GroenLinks-PvdA', 'D66', 'CDA', 'SP', 'PVV', 'Partij voor de Dieren', 'lokale partij'];
const WHY_TAIL = [' Inwoners vroegen ons hier al jaren om.', ' Dat blijkt uit onderzoek onder inwoners.', ' De raad heeft ons gevraagd dit op te lossen.', ''];
const MEANING = 'Voor u betekent dit dat er iets verandert in uw buurt. U krijgt vooraf een brief met wat u kunt doen.';
const EXPECTATION = 'U merkt het verschil binnen een jaar na de start.';
const MECHANISM = 'Deze maatregel helpt het doel omdat mensen het makkelijker krijgen om het gewenste gedrag te kiezen.';

// ---------------------------------------------------------------------------------------------

type Rows = { [T in Table]: Database[T][] };
const emptyRows = (): Rows => Object.fromEntries(TABLES.map((t) => [t, []])) as unknown as Rows;

const DECIDED = new Set(['decided', 'in_progress', 'completed', 'stopped']);
const INTERVAL_MONTHS = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 } as const;

interface Plan {
  changesPerOrg: number[];
  goalsPerChange: number[];
  measuresPerChange: number[];
  decisionsPerChange: number[];
  measurementsPerGoal: number[];
}

const plan = (rng: Rng, scale: number): Plan => {
  const n = (k: keyof typeof BASE) => Math.round(BASE[k] * scale);
  const changes = n('changes');
  const goals = n('goals');
  return {
    changesPerOrg: apportion(changes, ORGANIZATIONS.map((o) => o.weight)),
    // Minimums: a change may have no goal yet (rule 3 fails), but always a decision and measures.
    goalsPerChange: allocate(rng, goals, changes, 0),
    measuresPerChange: allocate(rng, n('measures'), changes, 2),
    decisionsPerChange: allocate(rng, n('decisions'), changes, 1),
    measurementsPerGoal: allocate(rng, n('measurements'), goals, 5),
  };
};

/** Builds every row of one organization (changes `first` … `first + count - 1` of the plan). */
const organizationRows = (rng: Rng, p: Plan, orgIndex: number, cursor: { change: number; goal: number }): Rows => {
  const rows = emptyRows();
  const spec = ORGANIZATIONS[orgIndex]!;
  const body = BODY[spec.kind];
  const orgId = rng.uuid();
  const slug = spec.name.toLowerCase().replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');
  const orgCreated = stampOf(Date.UTC(2018, 0, 2 + orgIndex, 9));
  rows.organizations.push({ id: orgId, slug, name: spec.name, kind: spec.kind, description: `${spec.name} werkt met Helder.`, website: `https://www.${slug}.nl`, created_at: orgCreated, updated_at: orgCreated, revision: 1 });
  const event = { organizationId: orgId, seq: 1, at: orgCreated, actor: 'system', action: 'organization.created', entityType: 'organization', entityId: orgId, data: { name: spec.name, slug } };
  const hash = hashEvent(GENESIS_HASH, event);
  rows.audit_events.push({ id: rng.uuid(), organization_id: orgId, seq: 1, at: orgCreated, actor: 'system', action: event.action, entity_type: 'organization', entity_id: orgId, data: canonicalJson(event.data), prev_hash: GENESIS_HASH, hash });
  rows.audit_heads.push({ organization_id: orgId, seq: 1, hash, register_seq: 1 });

  const changeCount = p.changesPerOrg[orgIndex]!;
  const groupIds: string[] = [];
  for (let i = 0; i < Math.max(12, Math.round(changeCount / 8)); i++) {
    const id = rng.uuid();
    groupIds.push(id);
    const name = `${GROUPS[i % GROUPS.length]} ${AREAS[Math.floor(i / GROUPS.length) % AREAS.length]}${i >= GROUPS.length * AREAS.length ? ` ${Math.floor(i / (GROUPS.length * AREAS.length)) + 1}` : ''}`;
    rows.citizen_groups.push({ id, organization_id: orgId, name, description: `${name}: wie hier woont of werkt.`, estimated_size: rng.chance(0.1) ? null : rng.int(50, 40_000), created_at: orgCreated });
  }

  let referenceSeq = 0;
  for (let c = 0; c < changeCount; c++, cursor.change++) {
    const topic = rng.pick(TOPICS);
    const area = rng.pick(AREAS);
    const changeId = rng.uuid();
    const status = rng.weighted({ draft: 10, proposed: 15, decided: 20, in_progress: 35, completed: 15, stopped: 5 });
    const createdMs = TODAY_MS - rng.int(60, 6 * 365) * DAY + rng.int(8, 17) * 3_600_000;
    const decided = DECIDED.has(status);
    const text = (full: string) => (rng.chance(0.03) ? '' : rng.chance(0.03) ? 'Zie besluit.' : full);
    rows.changes.push({
      revision: 1,
      id: changeId,
      organization_id: orgId,
      slug: `${topic.title.toLowerCase().replace(/[^a-z]+/g, '-')}-${area.toLowerCase()}-${c + 1}`,
      title: `${topic.title} ${area} (${c + 1})`,
      kind: topic.kind,
      status,
      summary: `${topic.what.split('.')[0]}.`,
      why: text(topic.why + rng.pick(WHY_TAIL)),
      what: text(topic.what),
      themes: JSON.stringify(rng.chance(0.5) ? topic.themes : topic.themes.slice(0, 1)),
      published_at: (decided && rng.chance(0.9)) || (status === 'proposed' && rng.chance(0.3)) ? stampOf(createdMs + 30 * DAY) : null,
      created_at: stampOf(createdMs),
      updated_at: stampOf(createdMs + rng.int(0, 50) * DAY),
    });
    ['Besluit', 'Start', 'Evaluatie'].forEach((title, position) => {
      const date = dayOf(createdMs + (position + 1) * rng.int(30, 200) * DAY);
      rows.milestones.push({ id: rng.uuid(), change_id: changeId, title, description: `${title}: ${topic.title.toLowerCase()}`, date, done: date < BENCH_TODAY ? 1 : 0, position, revision: 1 });
    });

    // Impacts: a few distinct groups per change, some with opposing effects.
    const groupCount = rng.weighted({ 0: 5, 1: 15, 2: 30, 3: 30, 4: 15, 5: 5 });
    const chosen = new Set<string>();
    while (chosen.size < Number(groupCount)) chosen.add(rng.pick(groupIds));
    for (const groupId of chosen) {
      const meaning = rng.chance(0.9) ? MEANING : rng.chance(0.5) ? '' : 'Weinig.';
      rows.impacts.push({ id: rng.uuid(), change_id: changeId, group_id: groupId, effect: rng.weighted({ gains: 35, loses: 25, mixed: 20, neutral: 20 }), meaning, expectation: EXPECTATION, created_at: stampOf(createdMs + DAY), revision: 1 });
    }

    // Decisions: the main one first (pending until the change is decided), then moties, amendments,
    // college decisions; a few correct the main record (a decided record is never edited in place).
    const decisionIds: string[] = [];
    const adoptedIds: string[] = [];
    let mainOutcome = decided ? 'adopted' : 'pending';
    const decisionCount = p.decisionsPerChange[cursor.change]!;
    for (let d = 0; d < decisionCount; d++) {
      const id = rng.uuid();
      const main = d === 0;
      const correction = !main && rng.chance(0.03);
      const unlinked = !main && !correction && rng.chance(0.04);
      const kind = main || correction ? body.main : unlinked ? 'coalitieakkoord' : rng.pick(['motie', 'amendement', 'collegebesluit', 'toezegging'] as const);
      let outcome = main ? mainOutcome : correction ? (mainOutcome === 'adopted' && rng.chance(0.1) ? 'rejected' : mainOutcome) : rng.weighted({ adopted: 70, rejected: 15, withdrawn: 5, pending: 10 });
      if (unlinked) outcome = 'adopted';
      if (correction) mainOutcome = outcome;
      const date = dayOf(createdMs + (20 + d * 15) * DAY);
      const voted = ['raadsbesluit', 'statenbesluit', 'motie', 'amendement', 'wet'].includes(kind) && outcome !== 'pending';
      const forVotes = voted ? (outcome === 'adopted' ? rng.int(Math.ceil(body.seats / 2) + 1, body.seats) : rng.int(0, Math.floor(body.seats / 2) - 1)) : null;
      const abstain = voted ? rng.int(0, 2) : null;
      referenceSeq++;
      const reference = `${date.slice(0, 4)}-${String(referenceSeq).padStart(5, '0')}`;
      rows.decisions.push({
        revision: 1,
        id,
        organization_id: orgId,
        change_id: unlinked ? null : changeId,
        kind,
        title: correction ? `Correctie: ${topic.title} ${area}` : `${kind === 'motie' ? 'Motie over' : 'Besluit'} ${topic.title.toLowerCase()} ${area}`,
        body: body.body,
        date,
        reference,
        source_url: rng.chance(0.9) ? `https://${slug}.bestuurlijkeinformatie.nl/Reports/Item/${reference}` : null,
        outcome,
        votes_for: forVotes,
        votes_against: voted ? body.seats - forVotes! - abstain! : null,
        votes_abstain: abstain,
        summary: correction ? 'Herstelt een fout in het eerder vastgelegde besluit.' : `Het ${body.body} besluit over ${topic.title.toLowerCase()}.`,
        corrects_id: correction ? decisionIds[0]! : null,
        created_at: stampOf(Date.parse(`${date}T20:00:00Z`)),
      });
      if (voted && rng.chance(0.3)) {
        const parties = PARTIES.slice(0, 5);
        const split = (n: number) => apportion(n, parties.map((_, i) => 5 - i));
        const [f, a, x] = [split(forVotes!), split(body.seats - forVotes! - abstain!), split(abstain!)];
        parties.forEach((party, i) => rows.party_votes.push({ id: rng.uuid(), decision_id: id, party, votes_for: f[i]!, votes_against: a[i]!, votes_abstain: x[i]! }));
      }
      if (kind === 'motie' || kind === 'toezegging') {
        rows.follow_ups.push({ id: rng.uuid(), decision_id: id, description: 'Informeer de raad over de voortgang.', due_date: dayOf(Date.parse(`${date}T00:00:00Z`) + 180 * DAY), status: rng.weighted({ open: 50, fulfilled: 35, overdue: 10, cancelled: 5 }) });
      }
      decisionIds.push(id);
      if (!correction && !unlinked && outcome === 'adopted') adoptedIds.push(id);
    }

    // Goals with versions and anchors: most anchored, some edited after adoption, some never adopted.
    const goalIds: string[] = [];
    const goalCount = p.goalsPerChange[cursor.change]!;
    for (let g = 0; g < goalCount; g++, cursor.goal++) {
      const goalId = rng.uuid();
      goalIds.push(goalId);
      const t = topic.goal;
      const mainId = decisionIds[0]!;
      const other = adoptedIds.find((id) => id !== mainId);
      const fate = decided ? rng.weighted({ anchored: 80, readopted: 8, edited: 7, never: 5 }) : rng.weighted({ draft: 90, redrafted: 10 });
      const versions = ['readopted', 'edited', 'redrafted'].includes(fate) ? 2 : 1;
      const interval = rng.weighted({ monthly: 15, quarterly: 50, half_yearly: 15, yearly: 20 });
      const baselineDate = addMonths(dayOf(createdMs), -2);
      const createdAt = stampOf(createdMs + DAY);
      rows.goals.push({ id: goalId, change_id: changeId, current_version: versions, position: g, created_at: createdAt, revision: 1 });
      const versionIds: string[] = [];
      for (let v = 1; v <= versions; v++) {
        const id = rng.uuid();
        versionIds.push(id);
        const gap = rng.chance(0.08) ? rng.pick(['unit', 'target', 'direction'] as const) : null;
        const target = v === 1 ? t.target : t.baseline + (t.target - t.baseline) * 1.2;
        rows.goal_versions.push({
          id, goal_id: goalId, version: v,
          statement: `${t.statement} in ${area}${g > 0 ? ` (${g + 1})` : ''}`,
          level: rng.weighted({ impact: 20, outcome: 50, output: 30 }),
          indicator: t.indicator,
          unit: gap === 'unit' ? '' : t.unit,
          baseline_value: t.baseline,
          baseline_date: baselineDate,
          target_value: gap === 'target' ? null : gap === 'direction' ? t.baseline - (t.target - t.baseline) : target,
          target_date: dayOf(createdMs + rng.int(365, 4 * 365) * DAY),
          direction: t.direction,
          owner: `Wethouder ${topic.themes[0]}`,
          data_source: t.source,
          reporting_interval: interval,
          created_at: stampOf(createdMs + (v === 1 ? 1 : 120) * DAY),
          created_by: `user:${orgIndex}-${rng.int(1, 20)}`,
        });
      }
      const anchor = (decisionId: string, versionId: string) =>
        rows.anchors.push({ id: rng.uuid(), decision_id: decisionId, goal_version_id: versionId, created_at: stampOf(createdMs + 40 * DAY) });
      if (fate === 'anchored') anchor(mainId, versionIds[0]!);
      if (fate === 'edited') anchor(mainId, versionIds[0]!);
      if (fate === 'readopted') {
        anchor(mainId, versionIds[0]!);
        anchor(other ?? mainId, versionIds[1]!);
      }

      // Measurements: one per reporting interval, newest first; most current, some overdue.
      const count = p.measurementsPerGoal[cursor.goal]!;
      // History at least quarterly, so 50 measurements of a yearly indicator do not go back 50 years.
      const step = Math.min(INTERVAL_MONTHS[interval], 3);
      const fresh = (status === 'in_progress' || status === 'completed') && rng.chance(0.8);
      const months = INTERVAL_MONTHS[interval];
      const latest = dayOf(TODAY_MS - (fresh ? rng.int(0, months * 25) : rng.int(months * 31 + 70, months * 31 + 400)) * DAY);
      const span = t.target - t.baseline;
      for (let k = 0; k < count; k++) {
        const date = addMonths(latest, -k * step);
        const value = Math.round((t.baseline + span * Math.max(0, 1 - k / count) * rng.next()) * 100) / 100;
        rows.measurements.push({ id: rng.uuid(), goal_id: goalId, date, value, source: t.source, note: rng.chance(0.05) ? 'Voorlopig cijfer.' : '', created_at: stampOf(Date.parse(`${date}T00:00:00Z`) + 3 * DAY) });
      }
    }

    // Measures: most contribute to one goal of the change (some to two), a few to none.
    const measureCount = p.measuresPerChange[cursor.change]!;
    for (let m = 0; m < measureCount; m++) {
      const id = rng.uuid();
      const createdAt = stampOf(createdMs + (2 + m) * 3_600_000);
      const start = rng.chance(0.9) ? dayOf(createdMs + rng.int(30, 300) * DAY) : null;
      rows.measures.push({
        revision: 1,
        id, change_id: changeId,
        title: `${rng.pick(topic.measures)} ${m + 1}`,
        description: `${topic.what.split('.')[0]}.`,
        status: status === 'completed' ? 'done' : status === 'stopped' ? 'stopped' : status === 'in_progress' ? rng.pick(['planned', 'in_progress', 'done']) : 'planned',
        cost: rng.chance(0.2) ? null : rng.int(1, 500) * 1_000,
        start_date: start,
        end_date: start && rng.chance(0.8) ? dayOf(Date.parse(`${start}T00:00:00Z`) + rng.int(90, 900) * DAY) : null,
        created_at: createdAt,
      });
      if (goalIds.length === 0 || rng.chance(0.1)) continue;
      const targets = new Set([rng.pick(goalIds)]);
      if (goalIds.length > 1 && rng.chance(0.25)) targets.add(rng.pick(goalIds));
      for (const goalId of targets) {
        const links = Array.from({ length: rng.int(0, 2) }, (_, i) => `https://www.${slug}.nl/onderzoek/${topic.themes[0]}-${i + 1}.pdf`);
        rows.contributions.push({
          id: rng.uuid(), measure_id: id, goal_id: goalId,
          mechanism: rng.chance(0.03) ? '' : MECHANISM,
          assumptions: 'Inwoners weten van de maatregel.',
          expected_effect: rng.chance(0.4) ? null : Math.round((topic.goal.target - topic.goal.baseline) / 4),
          evidence_strength: rng.weighted({ assumed: 30, plausible: 40, evaluated: 20, measured: 10 }),
          evidence_links: JSON.stringify(links),
          created_at: createdAt,
        });
      }
    }

    // The expectation register: conflicts for most opposing pairs (rule 10), statements, and
    // expectations of groups or the public, linked to what backs or contradicts them (rule 11).
    const changeImpacts = rows.impacts.slice(rows.impacts.length - chosen.size);
    const stamp = stampOf(createdMs + 45 * DAY);
    for (const gain of changeImpacts.filter((i) => i.effect === 'gains')) {
      for (const loss of changeImpacts.filter((i) => i.effect === 'loses')) {
        if (!rng.chance(0.75)) continue;
        rows.conflicts.push({
          revision: 1,
          id: rng.uuid(), change_id: changeId, group_a_id: gain.group_id, group_b_id: loss.group_id,
          description: 'De een wint tijd of geld, de ander verliest gemak.',
          weighing: rng.chance(0.9) ? 'We kiezen voor de maatregel, maar verzachten de gevolgen met een overgangsregeling.' : '',
          decision_id: decided && rng.chance(0.85) ? decisionIds[0]! : null,
          created_at: stamp, updated_at: stamp,
        });
      }
    }
    const statementId = rng.chance(0.4) ? rng.uuid() : null;
    if (statementId) {
      rows.statements.push({
        revision: 1,
        id: statementId, change_id: changeId, speaker: `${rng.pick(['J.', 'M.', 'A.', 'S.'])} ${rng.pick(['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit'])}`,
        speaker_kind: rng.pick(['politician', 'alderman', 'journalist', 'organization', 'other']), role: 'fractievoorzitter',
        medium: rng.pick(['raadsvergadering', 'regionale krant', 'lokale omroep', 'sociale media']), date: dayOf(createdMs + 10 * DAY),
        quote: `Hiermee gaat ${topic.goal.statement.toLowerCase()} echt lukken.`, url: rng.chance(0.7) ? `https://nieuws.example.nl/${slug}/${c + 1}` : null,
        created_at: stamp, updated_at: stamp,
      });
    }
    const expectationCount = rng.weighted({ 0: 25, 1: 30, 2: 25, 3: 20 });
    for (let e = 0; e < Number(expectationCount); e++) {
      const id = rng.uuid();
      const status = rng.weighted({ supported: 40, partly: 20, unfounded: 25, contradicted: 15 });
      const flagged = status === 'unfounded' || status === 'contradicted';
      const answered = flagged ? rng.chance(0.7) : rng.chance(0.2);
      const fromStatement = statementId !== null && e === 0;
      rows.expectations.push({
        revision: 1,
        id, change_id: changeId, group_id: changeImpacts.length > 0 && rng.chance(0.7) ? rng.pick(changeImpacts).group_id : null,
        statement_id: fromStatement ? statementId : null,
        text: rng.pick(['Het wordt goedkoper voor ons.', 'Er komt meer overlast.', 'Dit lost het probleem binnen een jaar op.', 'De gemeente moet dit eerlijk verdelen.']),
        kind: rng.pick(['predictive', 'normative']),
        source: fromStatement ? 'political_statement' : rng.pick(['poll', 'reaction', 'consultation', 'media']),
        raised_by: rng.pick(['bewonerscommissie', 'ondernemersvereniging', 'peiling op de website', '']),
        raised_where: rng.pick(['inloopavond', 'reacties op de website', 'regionale krant', '']),
        raised_on: rng.chance(0.8) ? dayOf(createdMs + 15 * DAY) : null,
        source_url: rng.chance(0.3) ? `https://www.${slug}.nl/reacties/${c + 1}-${e + 1}` : null,
        status,
        response_text: answered ? 'We leggen op de pagina van deze verandering uit wat wel en niet is besloten.' : null,
        response_channel: answered ? rng.pick(['pagina van de verandering', 'brief', 'raadsvergadering', 'krant']) : null,
        response_date: answered ? dayOf(createdMs + 50 * DAY) : null,
        created_at: stamp, updated_at: stamp,
      });
      if (status === 'unfounded') continue;
      const toGoal = goalIds.length > 0 && rng.chance(0.7);
      rows.expectation_links.push({ id: rng.uuid(), expectation_id: id, goal_id: toGoal ? rng.pick(goalIds) : null, decision_id: toGoal ? null : decisionIds[0]!, position: 0 });
    }
  }
  return rows;
};

/** Tables in foreign-key order: parents before children. */
const INSERT_ORDER: Table[] = [
  'organizations', 'audit_heads', 'audit_events', 'changes', 'milestones', 'citizen_groups', 'impacts', 'decisions', 'party_votes', 'follow_ups',
  'goals', 'goal_versions', 'anchors', 'measurements', 'measures', 'contributions', 'conflicts', 'statements', 'expectations', 'expectation_links',
];

/** Multi-row INSERTs as large as the dialect's bound-parameter limit allows. */
const insertAll = async (db: Db, dialect: DialectName, table: Table, rows: readonly object[]) => {
  if (rows.length === 0) return;
  const perBatch = Math.floor(MAX_PARAMS[dialect] / Object.keys(rows[0]!).length);
  for (let i = 0; i < rows.length; i += perBatch) {
    await db.insertInto(table).values(rows.slice(i, i + perBatch) as never).execute();
  }
};

/** Writes a register of `scale` × the issue's figures into an empty, migrated database. */
export const generateRegister = async (db: Db, options: GenerateOptions): Promise<GenerateResult> => {
  const started = performance.now();
  const rng = prng(options.seed ?? 20_251_127);
  const p = plan(rng, options.scale);
  const counts = Object.fromEntries(TABLES.map((t) => [t, 0])) as Counts;
  const organizations: { id: string; slug: string }[] = [];
  const cursor = { change: 0, goal: 0 };
  // A big page cache for this (writing) connection only: the default 2 MB makes SQLite spill dirty
  // pages to the WAL in the middle of each large transaction. The benchmark reads through a fresh
  // connection with production settings.
  if (options.dialect === 'sqlite') await sql`pragma cache_size = -1048576`.execute(db);
  for (let o = 0; o < ORGANIZATIONS.length; o++) {
    const t0 = performance.now();
    const rows = organizationRows(rng, p, o, cursor);
    const built = performance.now();
    await db.transaction().execute(async (tx) => {
      for (const table of INSERT_ORDER) await insertAll(tx, options.dialect, table, rows[table]);
    });
    for (const table of TABLES) counts[table] += rows[table].length;
    const org = rows.organizations[0]!;
    organizations.push({ id: org.id, slug: org.slug });
    options.log?.(
      `  ${org.slug}: ${rows.changes.length} changes, ${rows.measurements.length} measurements — built ${((built - t0) / 1000).toFixed(1)} s, written ${((performance.now() - built) / 1000).toFixed(1)} s`,
    );
  }
  return { counts, seconds: (performance.now() - started) / 1000, organizations };
};

/** Counts every table and throws when it differs from what the generator says it wrote. */
export const verifyCounts = async (db: Db, expected: Counts, scale: number): Promise<Counts> => {
  const actual = {} as Counts;
  for (const table of TABLES) {
    const row = await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    actual[table] = toCount(row.n as string | number);
  }
  const wrong = TABLES.filter((t) => actual[t] !== expected[t]);
  const issue = (Object.keys(BASE) as (keyof typeof BASE)[]).filter((k) => k !== 'organizations' && actual[k] !== Math.round(BASE[k] * scale));
  if (actual.organizations !== BASE.organizations) issue.push('organizations');
  if (wrong.length > 0 || issue.length > 0) {
    const lines = [
      ...wrong.map((t) => `${t}: ${actual[t]} in the database, ${expected[t]} written`),
      ...issue.map((t) => `${t}: ${actual[t]}, the plan says ${t === 'organizations' ? BASE[t] : Math.round(BASE[t] * scale)}`),
    ];
    throw new Error(`generated counts differ: ${lines.join('; ')}`);
  }
  return actual;
};

export const formatCounts = (counts: Counts): string =>
  TABLES.map((t) => `${t} ${counts[t].toLocaleString('en-US')}`).join(', ');
