import type { FieldIssue } from '../../core';
import type { PartyVote, VoteCounts } from '../decisions';
import { codeOf } from './popolo-results';

/**
 * Vote options, Popolo code list (popoloproject.com/specs/vote.html: yes, no, abstain, absent,
 * not voting, paired) plus the Dutch words council systems write. Options that are no vote
 * (absent, not voting, paired, excused) are valid and not counted: our totals are for, against,
 * abstain (DOMAIN.md).
 */
const OPTIONS: Record<string, keyof VoteCounts | null> = {
  yes: 'for',
  voor: 'for',
  ja: 'for',
  no: 'against',
  tegen: 'against',
  nee: 'against',
  abstain: 'abstain',
  onthouding: 'abstain',
  onthouden: 'abstain',
  absent: null,
  afwezig: null,
  'not voting': null,
  'niet gestemd': null,
  paired: null,
  excused: null,
  // Open Raadsinformatie's vote options (opengov#VoteOptionYes, …), reduced by codeOf.
  voteoptionyes: 'for',
  voteoptionno: 'against',
  voteoptionabstain: 'abstain',
  voteoptionabsent: null,
  voteoptionnotvoting: null,
  voteoptionpaired: null,
};

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * A text field's value, or undefined when there is none. Council systems (iBabs, via Open
 * Raadsinformatie) write "-" in a field they have nothing for: that is no text either.
 */
export const text = (v: unknown): string | undefined => {
  const value = typeof v === 'string' ? v.trim() : '';
  return value && !/^[-–—]+$/.test(value) ? value : undefined;
};
/** An id or identifier: text, or a whole number (Open Raadsinformatie's ids are numbers). */
export const idOf = (v: unknown): string | undefined => text(v) ?? (typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : undefined);
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * The name of a Popolo organization given inline (`group: { name }`), by a reference in the same
 * field (`group: 35201`, Open Raadsinformatie's relations) or by id (`group_id`), looked up in the
 * document's `organizations`. A text that is no known id is taken as the name itself.
 */
export const nameOf = (inline: unknown, id: unknown, organizations: Map<string, string>): string | undefined => {
  const byRef = (ref: unknown) => {
    const key = idOf(ref);
    return key === undefined ? undefined : (organizations.get(key) ?? text(ref));
  };
  return (isObject(inline) ? (text(inline.name) ?? byRef(inline.id)) : byRef(inline)) ?? byRef(id);
};

const zero = (): VoteCounts => ({ for: 0, against: 0, abstain: 0 });
const sum = (parties: PartyVote[]): VoteCounts =>
  parties.reduce((n, p) => ({ for: n.for + p.for, against: n.against + p.against, abstain: n.abstain + p.abstain }), zero());
const same = (a: VoteCounts, b: VoteCounts) => a.for === b.for && a.against === b.against && a.abstain === b.abstain;
const show = (c: VoteCounts) => `${c.for} voor, ${c.against} tegen, ${c.abstain} onthouding`;

export interface VoteTally {
  votes: VoteCounts | null;
  partyVotes: PartyVote[];
  issues: FieldIssue[];
}

const optionOf = (raw: unknown, path: string, issues: FieldIssue[]): keyof VoteCounts | null | undefined => {
  const value = text(raw);
  const key = value === undefined ? undefined : codeOf(value);
  if (key !== undefined && Object.hasOwn(OPTIONS, key)) return OPTIONS[key];
  issues.push({ path, message: value ? `onbekende stemoptie "${value}" (voor, tegen, onthouding, afwezig; of Popolo yes, no, abstain, absent, not voting, paired)` : 'leeg: voor, tegen of onthouding (yes, no, abstain)' });
  return undefined;
};

const countOf = (raw: unknown, path: string, issues: FieldIssue[]): number | undefined => {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw <= 100_000) return raw;
  issues.push({ path, message: `${JSON.stringify(raw ?? null)} is geen aantal stemmen (een geheel getal, 0 of meer)` });
  return undefined;
};

/**
 * Reads one vote event's `counts` (totals, or per group when a count names its `group`) and
 * `votes` (one per voter, with the voter's `group`, or `party` in older Popolo schemas, and an
 * optional `weight`, default 1). Votes per party come from group counts when given, else from the
 * votes; they must add up to the totals (Popolo: "the vote totals should agree with the individual
 * votes"), which we require because a decision's party votes must add up (decisionSchema).
 */
export const tallyVoteEvent = (event: Json, path: string, organizations: Map<string, string>): VoteTally => {
  const issues: FieldIssue[] = [];
  let totals: VoteCounts | null = null;
  const groupCounts = new Map<string, PartyVote>();
  list(event.counts).forEach((count, j) => {
    const at = `${path}.counts[${j}]`;
    if (!isObject(count)) return void issues.push({ path: at, message: 'geen object met option en value' });
    const option = optionOf(count.option, `${at}.option`, issues);
    const value = countOf(count.value, `${at}.value`, issues);
    if (!option || value === undefined) return;
    const group = nameOf(count.group, count.group_id, organizations);
    if (group) {
      const party = groupCounts.get(group) ?? { party: group, ...zero() };
      party[option] += value;
      groupCounts.set(group, party);
    } else {
      totals ??= zero();
      totals[option] += value;
    }
  });

  const voteParties = new Map<string, PartyVote>();
  const fromVotes = zero();
  let withGroup = 0;
  const votes = list(event.votes);
  votes.forEach((vote, j) => {
    const at = `${path}.votes[${j}]`;
    if (!isObject(vote)) return void issues.push({ path: at, message: 'geen object met option' });
    const option = optionOf(vote.option, `${at}.option`, issues);
    const weight = vote.weight === undefined || vote.weight === null ? 1 : countOf(vote.weight, `${at}.weight`, issues);
    const group = nameOf(vote.group, vote.group_id, organizations) ?? nameOf(vote.party, vote.party_id, organizations);
    if (group) withGroup += 1;
    if (!option || weight === undefined) return;
    fromVotes[option] += weight;
    if (!group) return;
    const party = voteParties.get(group) ?? { party: group, ...zero() };
    party[option] += weight;
    voteParties.set(group, party);
  });
  if (withGroup > 0 && withGroup < votes.length) {
    const j = votes.findIndex((v) => isObject(v) && !nameOf(v.group, v.group_id, organizations) && !nameOf(v.party, v.party_id, organizations));
    issues.push({ path: `${path}.votes[${j}].group`, message: 'fractie ontbreekt: geef de fractie (group) bij elke stem, of bij geen enkele' });
  }

  const byGroupCounts = groupCounts.size > 0;
  const partyVotes = [...(byGroupCounts ? groupCounts : voteParties).values()];
  const partyPath = `${path}.${byGroupCounts ? 'counts' : 'votes'}`;
  const counted: VoteCounts | null = totals ?? (partyVotes.length > 0 ? sum(partyVotes) : votes.length > 0 ? fromVotes : null);
  if (counted && partyVotes.length > 0 && !same(sum(partyVotes), counted)) {
    issues.push({ path: partyPath, message: `per fractie ${show(sum(partyVotes))}, maar de totalen zijn ${show(counted)}` });
  } else if (totals && votes.length > 0 && !byGroupCounts && !same(fromVotes, totals)) {
    issues.push({ path: `${path}.votes`, message: `de stemmen tellen op tot ${show(fromVotes)}, maar de totalen zijn ${show(totals)}` });
  }
  if (partyVotes.length > 60) issues.push({ path: partyPath, message: 'meer dan 60 fracties' });
  return { votes: counted, partyVotes, issues };
};
