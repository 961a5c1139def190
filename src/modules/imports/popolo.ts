import type { FieldIssue } from '../../core';
import { decisionSchema, type DecisionInput, type DecisionKind, type DecisionOutcome, type PartyVote, type VoteCounts } from '../decisions';
import { outcomeOf, unknownResult } from './popolo-results';
import { idOf, isObject, list, nameOf, tallyVoteEvent, text, type Json } from './popolo-votes';

/**
 * Popolo motion `classification` → our decision kind. Open Raadsinformatie and council systems
 * write Dutch, often plural ("Moties", "Amendementen", "Motie vreemd aan de orde van de dag").
 */
const KINDS: [RegExp, DecisionKind][] = [
  [/^(motie|motion|resolution)/, 'motie'],
  [/^(amendement|amendment)/, 'amendement'],
  [/^(raadsbesluit|raadsvoorstel|initiatiefvoorstel|besluit|voorstel|bill)/, 'raadsbesluit'],
  [/^collegebesluit/, 'collegebesluit'],
  [/^(statenbesluit|statenvoorstel)/, 'statenbesluit'],
  [/^coalitieakkoord/, 'coalitieakkoord'],
  [/^toezegging/, 'toezegging'],
  [/^kamerbrief/, 'kamerbrief'],
  [/^(wet|wetsvoorstel)$/, 'wet'],
  [/^(amvb|algemene maatregel van bestuur)/, 'amvb'],
];

/** What one Popolo motion becomes: the decision as far as it could be read, and every problem. */
export interface PopoloMotion {
  /** `motions[3]`: where the motion is in the document. */
  path: string;
  /** The vote event decided it, if any: `vote_events[1]` or `motions[3].vote_events[0]`. */
  voteEventPath: string | null;
  reference: string | null;
  title: string | null;
  kind: DecisionKind | null;
  body: string | null;
  date: string | null;
  outcome: DecisionOutcome | null;
  votes: VoteCounts | null;
  partyVotes: PartyVote[];
  sourceUrl: string | null;
  /** The `recordDecision` input, when the motion has no problems. */
  input: DecisionInput | null;
  issues: FieldIssue[];
}

export interface PopoloDocument {
  motions: PopoloMotion[];
  /** Problems not tied to one motion: the JSON itself, a vote event for an unknown motion. */
  issues: FieldIssue[];
}

const EMPTY: PopoloMotion = { path: '', voteEventPath: null, reference: null, title: null, kind: null, body: null, date: null, outcome: null, votes: null, partyVotes: [], sourceUrl: null, input: null, issues: [] };

const DATE = /^(\d{4}-\d{2}-\d{2})(?:$|T)/;
const AMSTERDAM = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * A Popolo date or date-time → the calendar date in the Netherlands. A time with a zone
 * (`…T22:30:00Z`) is converted: a late council meeting in UTC is still that evening's date here.
 */
export const popoloDate = (raw: unknown): string | undefined => {
  const value = text(raw);
  const match = value ? DATE.exec(value) : null;
  if (!value || !match) return undefined;
  const day = new Date(`${match[1]}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== match[1]) return undefined;
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(value)) return match[1];
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : AMSTERDAM.format(at);
};

const kindOf = (raw: unknown): DecisionKind | undefined => {
  const values = (Array.isArray(raw) ? raw : [raw]).map((v) => text(v)?.toLowerCase()).filter((v): v is string => v !== undefined);
  for (const value of values) for (const [pattern, kind] of KINDS) if (pattern.test(value)) return kind;
  return undefined;
};

const cut = (value: string, max: number) => (value.length <= max ? value : `${value.slice(0, max - 1).replace(/\s+\S*$/, '')}…`);

/** Reads one motion with the vote event that decided it. Pure: no database. */
const readMotion = (motion: Json, path: string, event: { value: Json; path: string } | undefined, organizations: Map<string, string>): PopoloMotion => {
  const issues: FieldIssue[] = [];
  const problem = (at: string, message: string) => issues.push({ path: at, message });
  const ve = event?.value ?? {};
  const reference = idOf(motion.identifier) ?? idOf(motion.id);
  if (!reference) problem(`${path}.id`, 'leeg: het kenmerk van de motie is nodig om haar later terug te vinden');
  else if (reference.length > 100) problem(`${path}.id`, 'langer dan 100 tekens');

  const named = text(motion.title) ?? text(motion.name);
  const body = text(motion.text);
  const title = named ?? (body ? cut(body, 300) : undefined);
  if (!title) problem(`${path}.text`, 'leeg: geef de tekst of titel van de motie');
  const requirement = text(motion.requirements) ?? text(motion.requirement);
  const summary = cut([named && body ? body : body && body !== title ? body : '', requirement ? `Vereiste: ${requirement}.` : ''].filter(Boolean).join('\n\n'), 4000);

  const kind = kindOf(motion.classification);
  if (!kind) {
    const given = text(motion.classification) ?? list(motion.classification).map(text).filter(Boolean).join(', ');
    problem(`${path}.classification`, given ? `"${given}" is geen soort besluit die we kennen (motie, amendement, raadsbesluit…)` : 'leeg: motie, amendement, raadsbesluit…');
  }

  const chamber =
    nameOf(motion.organization, motion.organization_id, organizations) ??
    nameOf(ve.organization, ve.organization_id, organizations) ??
    (isObject(motion.legislative_session) ? nameOf(motion.legislative_session.organization, motion.legislative_session.organization_id, organizations) : undefined);
  if (!chamber) problem(`${path}.organization`, 'leeg: welk orgaan besloot (gemeenteraad, Provinciale Staten…)?');

  const datePath = event && ve.start_date !== undefined ? `${event.path}.start_date` : `${path}.date`;
  const rawDate = event && ve.start_date !== undefined ? ve.start_date : motion.date;
  const date = popoloDate(rawDate);
  if (!date) problem(datePath, rawDate ? `"${String(rawDate)}" is geen datum (schrijf 2026-03-12)` : 'leeg: de datum van de stemming of van de motie');

  const resultPath = event && ve.result !== undefined ? `${event.path}.result` : `${path}.result`;
  const rawResult = text(event && ve.result !== undefined ? ve.result : motion.result);
  const outcome = rawResult === undefined ? 'pending' : outcomeOf(rawResult);
  if (!outcome) problem(resultPath, unknownResult(rawResult!));

  const tally = event ? tallyVoteEvent(ve, event.path, organizations) : { votes: null, partyVotes: [], issues: [] };
  issues.push(...tally.issues);

  const sources = list(motion.sources).length > 0 ? { list: list(motion.sources), path: `${path}.sources` } : { list: list(ve.sources), path: `${event?.path}.sources` };
  const first = sources.list[0];
  const sourceUrl = isObject(first) ? text(first.url) : undefined;
  if (sources.list.length > 0 && (!sourceUrl || !URL.canParse(sourceUrl) || !/^https?:/i.test(sourceUrl))) problem(`${sources.path}[0].url`, 'geen geldige http(s)-link');

  const draft: PopoloMotion = {
    path,
    voteEventPath: event?.path ?? null,
    reference: reference ?? null,
    title: title ?? null,
    kind: kind ?? null,
    body: chamber ?? null,
    date: date ?? null,
    outcome: outcome ?? null,
    votes: tally.votes,
    partyVotes: tally.partyVotes,
    sourceUrl: sourceUrl ?? null,
    input: null,
    issues,
  };
  if (issues.length > 0) return draft;
  const input: DecisionInput = { kind: kind!, title: title!, body: chamber!, date: date!, reference: reference!, sourceUrl: sourceUrl ?? null, outcome: outcome!, votes: tally.votes, partyVotes: tally.partyVotes, summary };
  // The last word is the decision schema's own: what it refuses, the import refuses, at the Popolo field.
  const parsed = decisionSchema.safeParse(input);
  if (parsed.success) return { ...draft, input };
  const where: Record<string, string> = { title: `${path}.text`, body: `${path}.organization`, date: datePath, reference: `${path}.id`, sourceUrl: `${sources.path}[0].url`, votes: `${event?.path}.counts`, partyVotes: `${event?.path}.votes`, summary: `${path}.text` };
  return { ...draft, issues: parsed.error.issues.map((i) => ({ path: where[String(i.path[0])] ?? path, message: i.message })) };
};

/**
 * Reads a Popolo document — `{ motions: [...], vote_events: [...], organizations: [...] }`, the
 * shape of Open Raadsinformatie's Popolo output — into one decision per motion. A vote event finds
 * its motion by `motion_id` (or `motion`, inline or by id), or the motion names it: inline or by id
 * in `motions[i].vote_events` (as the Popolo motion specification shows) or `vote_event`. Ids may be
 * text or numbers (Open Raadsinformatie's are numbers). One vote event per motion: a
 * second one is refused rather than guessed between. Every problem is named by its JSON path
 * (`motions[3].date`, `vote_events[1].counts[0].option`); messages are Dutch (UI Dutch first).
 */
export const readPopolo = (value: unknown): PopoloDocument => {
  if (!isObject(value)) return { motions: [], issues: [{ path: 'file', message: 'geen Popolo-document: verwacht een object met motions en vote_events' }] };
  if (!Array.isArray(value.motions)) return { motions: [], issues: [{ path: 'motions', message: 'ontbreekt of is geen lijst' }] };
  const organizations = new Map<string, string>();
  for (const o of list(value.organizations)) if (isObject(o) && idOf(o.id) && text(o.name)) organizations.set(idOf(o.id)!, text(o.name)!);
  const issues: FieldIssue[] = [];
  const motionIds = new Map<string, number>();
  value.motions.forEach((m, i) => {
    const id = isObject(m) ? idOf(m.id) : undefined;
    if (id && !motionIds.has(id)) motionIds.set(id, i);
  });
  const eventIds = new Map<string, number>();
  list(value.vote_events).forEach((e, k) => {
    const id = isObject(e) ? idOf(e.id) : undefined;
    if (id && !eventIds.has(id)) eventIds.set(id, k);
  });
  const events = new Map<number, { value: Json; path: string }>();
  const extra = new Map<number, FieldIssue[]>();
  const refuse = (index: number, issue: FieldIssue) => extra.set(index, [...(extra.get(index) ?? []), issue]);
  const attach = (index: number, event: Json, path: string) => {
    const earlier = events.get(index);
    if (!earlier) return void events.set(index, { value: event, path });
    if (earlier.value === event) return; // the same vote event, linked from both sides
    // The motion itself is refused too: which of two votes decided it is not ours to guess.
    refuse(index, { path, message: `motions[${index}] heeft al een stemming (${earlier.path}): één stemming per motie` });
  };
  // A motion names its vote events inline (objects) or by id, as the Popolo motion specification
  // shows (`vote_events: ["ve-1"]`); Open Raadsinformatie's model calls the link `vote_event`.
  const namedBy = new Map<number, number>();
  value.motions.forEach((m, i) => {
    if (!isObject(m)) return;
    for (const field of ['vote_events', 'vote_event'] as const) {
      const refs = Array.isArray(m[field]) ? (m[field] as unknown[]) : m[field] === undefined || m[field] === null ? [] : [m[field]];
      refs.forEach((e, j) => {
        const path = Array.isArray(m[field]) ? `motions[${i}].${field}[${j}]` : `motions[${i}].${field}`;
        if (isObject(e)) return attach(i, e, path);
        const k = idOf(e) === undefined ? undefined : eventIds.get(idOf(e)!);
        if (k === undefined) return refuse(i, { path, message: idOf(e) ? `geen stemming met id "${idOf(e)}" in vote_events` : 'geen stemming: verwacht het id van een stemming in vote_events' });
        const other = namedBy.get(k);
        if (other !== undefined && other !== i) return refuse(i, { path, message: `vote_events[${k}] hoort al bij motions[${other}]: één motie per stemming` });
        namedBy.set(k, i);
      });
    }
  });
  list(value.vote_events).forEach((e, k) => {
    const path = `vote_events[${k}]`;
    if (!isObject(e)) return void issues.push({ path, message: 'geen object' });
    const ref = e.motion_id ?? (isObject(e.motion) ? e.motion.id : e.motion);
    const refId = idOf(ref);
    const byRef = refId === undefined ? undefined : motionIds.get(refId);
    const byMotion = namedBy.get(k);
    if (refId !== undefined && byRef === undefined) return void issues.push({ path: `${path}.motion_id`, message: `geen motie met id "${refId}" in motions` });
    if (byRef !== undefined && byMotion !== undefined && byRef !== byMotion) {
      return void issues.push({ path: `${path}.motion_id`, message: `wijst naar motions[${byRef}], maar motions[${byMotion}] noemt deze stemming` });
    }
    const index = byRef ?? byMotion;
    if (index === undefined) return void issues.push({ path: `${path}.motion_id`, message: 'leeg: bij welke motie hoort deze stemming?' });
    attach(index, e, path);
  });
  const motions = value.motions.map((m, i): PopoloMotion => {
    const read = isObject(m) ? readMotion(m, `motions[${i}]`, events.get(i), organizations) : { ...EMPTY, path: `motions[${i}]`, issues: [{ path: `motions[${i}]`, message: 'geen object' }] };
    const more = extra.get(i);
    return more ? { ...read, input: null, issues: [...read.issues, ...more] } : read;
  });
  return { motions, issues };
};
