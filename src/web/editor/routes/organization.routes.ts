import type { FastifyInstance } from 'fastify';
import { isId, isoDate, notFound } from '../../../core';
import { getChangeChain, getOrganizationChains, type ChangeChain } from '../../../modules/chains';
import { reportOf } from '../../../modules/legitimacy';
import { listOrganizations } from '../../../modules/organizations';
import { actorNames, canEditChain, canEditCitizenTexts, canManageUsers, canModerate, canReadAudit, listMembers, organizationsOf, readAuditTrail, rolesIn, ROLE_LABELS } from '../../../modules/users';
import type { WebContext } from '../../context';
import { actorOf, organizationOf, requireRole } from '../../http/auth';
import { ENTITY_LABELS } from '../labels';
import { sendPage } from '../render';
import { editorUrls } from '../urls';
import { ChangePage, type AuditView } from '../views/change';
import { ChainOverview } from '../views/chain-overview';
import { DashboardPage } from '../views/dashboard';
import { HomePage } from '../views/home';
import { MembersPage, type MemberRow } from '../views/members';

/** Every id in a change's chain, with a name to show: what the to-do list and the audit log refer to. */
const namesOf = (chain: ChangeChain): Map<string, string> => {
  const names = new Map<string, string>([[chain.change.id, chain.change.title]]);
  for (const g of chain.goals) names.set(g.goal.id, g.goal.current.statement);
  for (const m of chain.measures) names.set(m.measure.id, m.measure.title);
  for (const i of chain.impacts) names.set(i.impact.id, i.group.name);
  for (const d of chain.decisions) names.set(d.id, d.title);
  for (const m of chain.milestones) names.set(m.id, m.title);
  for (const e of chain.expectations ?? []) names.set(e.id, e.text);
  for (const s of chain.statements ?? []) names.set(s.id, s.quote);
  for (const c of chain.conflicts ?? []) names.set(c.id, ENTITY_LABELS.conflict!);
  return names;
};

/** The organization chooser, the dashboard of one organization and the change page with its to-do list. */
export const organizationRoutes = (ctx: WebContext) => async (app: FastifyInstance) => {
  const { deps, baseUrl } = ctx;

  app.get('/', async (request, reply) => {
    const actor = actorOf(request);
    const mine = new Set(organizationsOf(actor));
    const organizations = (await listOrganizations(deps))
      .filter((o) => mine.has(o.id))
      .map((o) => ({ slug: o.slug, name: o.name, roles: rolesIn(actor, o.id).map((r) => ROLE_LABELS[r]) }));
    return sendPage(request, reply, baseUrl, { title: 'Organisaties' }, () => HomePage({ name: actor.label, organizations }));
  });

  app.get('/:org', { preHandler: requireRole(deps, 'any') }, async (request, reply) => {
    const organization = organizationOf(request);
    const today = isoDate(deps.clock.now());
    const rows = (await getOrganizationChains(deps, organization.id)).map((chain) => {
      const report = reportOf(chain, today);
      return { id: chain.change.id, title: chain.change.title, status: chain.change.status, published: chain.change.publishedAt !== null, score: report.score, failed: report.failed, ready: report.readyToCommunicate };
    });
    const actor = actorOf(request);
    const roles = rolesIn(actor, organization.id).map((r) => ROLE_LABELS[r]);
    // The workplace's other pages, each shown only to the roles that may use it.
    const base = editorUrls.dashboard(organization.slug);
    const tools = [
      canEditChain(actor, organization.id) && { href: `${base}/veranderingen/nieuw`, label: 'Nieuwe verandering' },
      canEditChain(actor, organization.id) && { href: `${base}/importeren/metingen`, label: 'Metingen importeren (CSV)' },
      canEditChain(actor, organization.id) && { href: `${base}/importeren/besluiten`, label: 'Besluiten importeren (Popolo)' },
      canModerate(actor, organization.id) && { href: `${base}/moderatie`, label: 'Reacties modereren' },
      canEditCitizenTexts(actor, organization.id) && { href: `${base}/meldingen`, label: 'Berichten aan inwoners (mail)' },
      canReadAudit(actor, organization.id) && { href: `${base}/audit`, label: 'Logboek (audit)' },
      canManageUsers(actor, organization.id) && { href: editorUrls.members(organization.slug), label: 'Gebruikers beheren' },
    ].filter((t): t is { href: string; label: string } => Boolean(t));
    return sendPage(request, reply, baseUrl, { title: organization.name, organization }, () => DashboardPage({ organization, roles, rows, tools }));
  });

  app.get('/:org/gebruikers', { preHandler: requireRole(deps, ['admin']) }, async (request, reply) => {
    const organization = organizationOf(request);
    const rows = new Map<string, MemberRow>();
    for (const { user, role } of await listMembers(deps, organization.id)) {
      const row = rows.get(user.id) ?? { name: user.name, email: user.email, roles: [], totp: user.totpEnabled ? 'on' : user.totpPending ? 'pending' : 'off', disabled: user.disabled };
      row.roles.push(ROLE_LABELS[role]);
      rows.set(user.id, row);
    }
    const breadcrumbs = [{ label: organization.name, href: editorUrls.dashboard(organization.slug) }, { label: 'Gebruikers' }];
    return sendPage(request, reply, baseUrl, { title: `Gebruikers van ${organization.name}`, organization, breadcrumbs }, () => MembersPage({ organization, rows: [...rows.values()] }));
  });

  app.get('/:org/veranderingen/:id', { preHandler: requireRole(deps, 'any') }, async (request, reply) => {
    const organization = organizationOf(request);
    const { id } = request.params as { id: string };
    // Another organization's change is "not found", exactly like an id that does not exist.
    if (!isId(id)) throw notFound('change', id);
    const chain = await getChangeChain(deps, id);
    if (chain.change.organizationId !== organization.id) throw notFound('change', id);
    const report = reportOf(chain, isoDate(deps.clock.now()));
    const names = namesOf(chain);
    const actor = actorOf(request);
    let audit: AuditView[] | undefined;
    if (canReadAudit(actor, organization.id)) {
      const lines = await readAuditTrail(deps, actor, organization.id, [...names.keys()]);
      const people = await actorNames(deps, lines.map((l) => l.actor));
      audit = lines.map((l) => ({
        seq: l.seq,
        at: l.at,
        actor: people.get(l.actor) ?? l.actor,
        action: l.action,
        entity: `${ENTITY_LABELS[l.entityType] ?? l.entityType}${names.get(l.entityId) ? `: ${names.get(l.entityId)}` : ''}`,
        data: JSON.stringify(l.data),
      }));
    }
    return sendPage(
      request,
      reply,
      baseUrl,
      { title: chain.change.title, organization, breadcrumbs: [{ label: organization.name, href: editorUrls.dashboard(organization.slug) }, { label: chain.change.title }] },
      () =>
        ChangePage({
          organization,
          change: chain.change,
          score: report.score,
          ready: report.readyToCommunicate,
          failed: report.failed,
          rules: report.rules.map((r) => ({ rule: r.rule, title: r.title.nl, status: r.status, reason: r.reason.nl, fixes: r.fixes })),
          names,
          audit,
          overview: ChainOverview({ org: organization.slug, chain }),
          saved: 'opgeslagen' in (request.query as object),
        }),
    );
  });
};
