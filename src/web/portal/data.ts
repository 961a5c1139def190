import { getChangeChain, getOrganizationChains, type ChangeChain } from '../../modules/chains';
import { findChangeBySlug } from '../../modules/changes';
import { selectAnchorsOfGoals, selectMeasurements, type AnchorOfGoal, type Measurement } from '../../modules/goals';
import type { CitizenGroup } from '../../modules/groups';
import { reportOf, type LegitimacyReport } from '../../modules/legitimacy';
import { findOrganization, type Organization } from '../../modules/organizations';
import type { Deps } from '../../storage';
import { isSlug } from './query';

/**
 * What the pages read, composed from several modules (ARCHITECTURE.md: the portal composes modules
 * per page). Every load is a fixed number of queries, whatever the size of the register. Citizens
 * see only published changes: a draft is indistinguishable from a change that does not exist.
 */
type Read = Pick<Deps, 'db'>;

/** The organization a portal URL names by its slug: only an exact slug, never an id or another spelling. */
export const findOrganizationOfPath = async (deps: Read, slug: string): Promise<Organization | undefined> => {
  if (!isSlug(slug)) return undefined;
  const organization = await findOrganization(deps, slug);
  return organization?.slug === slug ? organization : undefined;
};

export interface ChangePageData {
  organization: Organization;
  chain: ChangeChain;
  /** Every measurement of the change's goals, oldest first. */
  measurements: Measurement[];
  /** Anchors of every version of the change's goals (the chain keeps only those of current versions). */
  allAnchors: AnchorOfGoal[];
  report: LegitimacyReport;
  today: string;
}

export const loadChangePage = async (deps: Read, organization: Organization, slug: string, today: string): Promise<ChangePageData | undefined> => {
  const change = await findChangeBySlug(deps, organization.id, slug);
  if (!change || !change.publishedAt) return undefined;
  const scope = { changeIds: [change.id] };
  const [chain, measurements, allAnchors] = await Promise.all([getChangeChain(deps, change.id), selectMeasurements(deps.db, scope), selectAnchorsOfGoals(deps.db, scope)]);
  return { organization, chain, measurements, allAnchors, report: reportOf(chain, today), today };
};

export interface OrganizationPageData {
  organization: Organization;
  /** Published changes, newest publication first. */
  chains: ChangeChain[];
  /** Groups affected by at least one published change, by name. */
  groups: CitizenGroup[];
  measurements: Measurement[];
}

export const loadOrganizationPage = async (deps: Read, organization: Organization, withMeasurements = false): Promise<OrganizationPageData> => {
  const [all, measurements] = await Promise.all([
    getOrganizationChains(deps, organization.id),
    withMeasurements ? selectMeasurements(deps.db, { organizationId: organization.id }) : Promise.resolve([]),
  ]);
  const chains = all.filter((c) => c.change.publishedAt !== null).sort((a, b) => (b.change.publishedAt ?? '').localeCompare(a.change.publishedAt ?? ''));
  const groups = new Map<string, CitizenGroup>();
  for (const c of chains) for (const i of c.impacts) groups.set(i.group.id, i.group);
  const goalIds = new Set(chains.flatMap((c) => c.goals.map((g) => g.goal.id as string)));
  return {
    organization,
    chains,
    groups: [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    measurements: measurements.filter((m) => goalIds.has(m.goalId)),
  };
};

/** An item of a change's news timeline (DOMAIN.md "Update": milestone reached, decision taken, measurement published). */
export interface Update {
  id: string;
  date: string;
  kind: 'published' | 'milestone' | 'decision' | 'measurement';
  subject: string;
  measurement?: { value: number; unit: string };
  decisionOutcome?: string;
}

/**
 * The updates of one change, newest first, derived from the register itself until an editor can
 * write news by hand: nothing to keep in sync, and nothing a civil servant can forget to post.
 */
export const updatesOf = (chain: ChangeChain, measurements: readonly Measurement[], today: string): Update[] => {
  const updates: Update[] = [];
  const { change } = chain;
  if (change.publishedAt) updates.push({ id: `published-${change.id}`, date: change.publishedAt.slice(0, 10), kind: 'published', subject: change.title });
  for (const m of chain.milestones) {
    if (m.done || m.date <= today) updates.push({ id: `milestone-${m.id}`, date: m.date, kind: 'milestone', subject: m.title });
  }
  for (const d of chain.decisions) {
    if (d.outcome !== 'pending') updates.push({ id: `decision-${d.id}`, date: d.date, kind: 'decision', subject: d.title, decisionOutcome: d.outcome });
  }
  const goals = new Map(chain.goals.map((g) => [g.goal.id as string, g.goal.current]));
  for (const m of measurements) {
    const goal = goals.get(m.goalId);
    if (goal) updates.push({ id: `measurement-${m.id}`, date: m.date, kind: 'measurement', subject: goal.statement, measurement: { value: m.value, unit: goal.unit } });
  }
  return updates.filter((u) => u.date <= today).sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
};
