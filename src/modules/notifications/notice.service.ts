import type { Db } from '../../storage';
import { findChange, findMilestone, type Change } from '../changes';
import { findDecision } from '../decisions';
import { findExpectation } from '../expectations';
import { findGoal, listMeasurementsOfGoal, trackStatus, type Measurement } from '../goals';
import { listGroups, selectImpacts } from '../groups';
import { findOrganization } from '../organizations';
import { findReaction } from '../reactions';
import type { Audience, OutboxRow } from './delivery.repository';
import { FOR_GROUP, STATUS_TEXT, TRACK_TEXT, type GroupMeaning, type Notice, type NoticeKind } from './notice';

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** `2027-03-01` → `1 maart 2027`. */
export const dutchDate = (iso: string): string => {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
};

const number = (n: number): string => new Intl.NumberFormat('nl-NL').format(n);

/** What one event says, before the change and group context is added. */
interface Step {
  kind: NoticeKind;
  changeId: string;
  section: string;
  headline: string;
  details?: string[];
  forGroup?: string;
}

type Read = { db: Db };

const data = (row: OutboxRow): Record<string, unknown> => JSON.parse(row.data) as Record<string, unknown>;

/** The latest measurement on or before a date, leaving one out (to know the status before it). */
const latestOf = (measurements: Measurement[], except?: string): Measurement | undefined =>
  measurements.filter((m) => m.id !== except).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0];

/**
 * Reads what an audit event means for residents, or undefined when it is not worth a mail (most
 * events: edits, drafts, accounts). The list is deliberate (docs/notifications.md): a status
 * change, a decision taken, a milestone reached or moved, a goal's track status changing, a new
 * goal version, an expectation answered, an official answer.
 */
const stepOf = async (deps: Read, row: OutboxRow): Promise<Step | undefined> => {
  const d = data(row);
  switch (row.action) {
    case 'change.status_changed': {
      const to = String(d.to ?? '');
      return { kind: 'status', changeId: row.entity_id, section: 'wanneer', headline: `De verandering is nu ${STATUS_TEXT[to] ?? to}.` };
    }
    case 'decision.recorded':
    case 'decision.corrected': {
      const decision = await findDecision(deps, row.entity_id);
      if (!decision?.changeId || decision.outcome === 'pending') return undefined;
      const outcome = { adopted: 'aangenomen', rejected: 'afgewezen', withdrawn: 'ingetrokken' }[decision.outcome];
      const votes = decision.votes ? [`Er stemden ${number(decision.votes.for)} leden voor en ${number(decision.votes.against)} tegen.`] : [];
      return {
        kind: 'decision',
        changeId: decision.changeId,
        section: 'besluiten',
        headline: `De ${decision.body.toLowerCase()} heeft een besluit genomen: het voorstel is ${outcome}.`,
        details: [`Het besluit heet: ${decision.title}.`, ...votes],
      };
    }
    case 'milestone.updated': {
      const milestone = await findMilestone(deps, row.entity_id);
      const from = (d.from ?? {}) as { date?: string; done?: boolean };
      if (!milestone) return undefined;
      if (milestone.done && from.done === false) {
        return { kind: 'milestone_reached', changeId: milestone.changeId, section: 'wanneer', headline: `Deze stap is klaar: ${milestone.title}.` };
      }
      if (from.date && milestone.date !== from.date) {
        return {
          kind: 'milestone_moved',
          changeId: milestone.changeId,
          section: 'wanneer',
          headline: `Deze stap komt op een andere datum: ${milestone.title}.`,
          details: [`Eerst was de datum ${dutchDate(from.date)}. Nu is het ${dutchDate(milestone.date)}.`],
        };
      }
      return undefined;
    }
    case 'measurement.recorded':
    case 'measurement.replaced': {
      const goal = await findGoal(deps, row.entity_id);
      if (!goal) return undefined;
      const measurements = await listMeasurementsOfGoal(deps, goal.id);
      const after = trackStatus(goal.current, latestOf(measurements));
      const before = trackStatus(goal.current, latestOf(measurements, String(d.measurementId ?? '')));
      if (after === before || !TRACK_TEXT[after]) return undefined;
      const latest = latestOf(measurements)!;
      const g = goal.current;
      return {
        kind: 'goal_track',
        changeId: goal.changeId,
        section: 'doelen',
        headline: `Een doel ${TRACK_TEXT[after]}.`,
        details: [
          `Het doel is: ${g.statement}.`.replace(/\.\.$/, '.'),
          `De nieuwste meting is ${number(latest.value)} ${g.unit}, op ${dutchDate(latest.date)}.`,
          ...(g.targetValue !== null && g.targetDate ? [`Het doel is ${number(g.targetValue)} ${g.unit} op ${dutchDate(g.targetDate)}.`] : []),
        ],
        forGroup: `${FOR_GROUP.goal_track} ${FOR_GROUP[after === 'behind' ? 'goal_behind' : after === 'achieved' ? 'goal_achieved' : 'goal_on_track']}`,
      };
    }
    case 'goal.versioned': {
      const goal = await findGoal(deps, row.entity_id);
      if (!goal) return undefined;
      return { kind: 'goal_version', changeId: goal.changeId, section: 'doelen', headline: 'Een doel is aangepast.', details: [`Het doel is nu: ${goal.current.statement}.`.replace(/\.\.$/, '.')] };
    }
    case 'expectation.responded':
    case 'expectation.response_updated': {
      const expectation = await findExpectation(deps, row.entity_id);
      if (!expectation?.response) return undefined;
      return {
        kind: 'expectation_answered',
        changeId: expectation.changeId,
        section: 'verwachtingen',
        headline: 'De gemeente heeft gereageerd op wat mensen verwachten.',
        details: [`Wat mensen verwachten: ${expectation.text}`, `Het antwoord: ${expectation.response.text}`],
      };
    }
    case 'reaction.official_answer': {
      const reaction = await findReaction(deps, row.entity_id);
      if (!reaction) return undefined;
      return { kind: 'official_answer', changeId: reaction.changeId, section: 'reacties', headline: 'De gemeente heeft een reactie beantwoord.' };
    }
    default:
      return undefined;
  }
};

/**
 * The notice of an outbox row and who it reaches, or undefined when the event is worth no mail.
 * Drafts are never announced: a change that is not published is skipped.
 */
export const noticeOf = async (deps: Read, row: OutboxRow): Promise<{ notice: Notice; audience: Audience } | undefined> => {
  const step = await stepOf(deps, row);
  if (!step) return undefined;
  const change: Change | undefined = await findChange(deps, step.changeId);
  const organization = change && (await findOrganization(deps, change.organizationId));
  if (!change?.publishedAt || !organization) return undefined;
  const impacts = await selectImpacts(deps.db, { changeIds: [change.id] });
  const groups = new Map((await listGroups(deps, organization.id)).map((g) => [g.id as string, g]));
  const meanings: Record<string, GroupMeaning> = {};
  for (const impact of impacts) {
    const group = groups.get(impact.groupId);
    if (group) meanings[group.id] = { name: group.name, effect: impact.effect, meaning: impact.meaning };
  }
  const notice: Notice = {
    kind: step.kind,
    organization: { id: organization.id, name: organization.name, slug: organization.slug },
    change: { id: change.id, title: change.title, slug: change.slug },
    section: step.section,
    headline: step.headline,
    details: step.details ?? [],
    forGroup: step.forGroup ?? FOR_GROUP[step.kind],
    meanings,
    at: row.at,
  };
  return { notice, audience: { organizationId: organization.id, changeId: change.id, groupIds: Object.keys(meanings) } };
};
