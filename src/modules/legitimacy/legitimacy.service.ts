import { isoDate } from '../../core';
import type { Deps } from '../../storage';
import { getChangeChain, getOrganizationChains, type ChangeChain } from '../chains';
import { getOrganization } from '../organizations';
import { RULES, summarize, type LegitimacyReport, type OrganizationLegitimacyReport } from './legitimacy';
import { assessChain } from './rules';

type Read = Pick<Deps, 'db' | 'clock'>;

export const reportOf = (chain: ChangeChain, today: string): LegitimacyReport =>
  summarize({
    changeId: chain.change.id,
    organizationId: chain.change.organizationId,
    slug: chain.change.slug,
    title: chain.change.title,
    status: chain.change.status,
    rules: assessChain(chain, today),
  });

export const checkChange = async (deps: Read, changeId: string): Promise<LegitimacyReport> =>
  reportOf(await getChangeChain(deps, changeId), isoDate(deps.clock.now()));

export const checkOrganization = async (deps: Read, organizationIdOrSlug: string): Promise<OrganizationLegitimacyReport> => {
  const organization = await getOrganization(deps, organizationIdOrSlug);
  const today = isoDate(deps.clock.now());
  const reports = (await getOrganizationChains(deps, organization.id)).map((chain) => reportOf(chain, today));
  return {
    organizationId: organization.id,
    slug: organization.slug,
    name: organization.name,
    changes: reports.length,
    ready: reports.filter((r) => r.readyToCommunicate).length,
    score: reports.length === 0 ? 0 : Math.round(reports.reduce((n, r) => n + r.score, 0) / reports.length),
    failuresByRule: RULES.map((rule) => ({
      rule: rule.rule,
      key: rule.key,
      failed: reports.filter((r) => r.rules.some((x) => x.key === rule.key && x.status === 'failed')).length,
    })),
    reports,
  };
};
