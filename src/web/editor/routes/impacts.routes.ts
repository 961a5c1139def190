import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, isEditConflict } from '../../../core';
import { checkText } from '../../../language';
import { findChange, type Change } from '../../../modules/changes';
import { createGroup, listGroups, selectImpacts, setImpact, type Effect, type Impact } from '../../../modules/groups';
import { hasRole } from '../../../modules/users';
import type { WebContext } from '../../context';
import { actorOf, organizationOf, requireRole } from '../../http/auth';
import { CHAIN_ROLES, idParam, ownedBy, TEXT_ROLES } from '../access';
import { backToChange, changeCrumbs, fieldErrorsOf, FormErrors, sendForm, valuesOf, type Values } from '../forms';
import { revisionOf, REVISION_FIELD, staleForm, withRevision, type EditConflict } from '../revision';
import { editorUrls } from '../urls';
import type { FieldError } from '../views/form';
import { IMPACT_LABELS, ImpactForm } from '../views/impact-form';

const FIELDS = ['groupId', 'newGroup', 'estimatedSize', 'effect', 'meaning', 'expectation', 'actie', REVISION_FIELD] as const;
const valuesOfImpact = (i: Impact): Values => withRevision({ effect: i.effect, meaning: i.meaning, expectation: i.expectation }, i);
const feedbackOf = (values: Values) => Object.fromEntries((['meaning', 'expectation'] as const).filter((f) => (values[f] ?? '').trim()).map((f) => [f, checkText(values[f]!)]));

/**
 * Groups and impacts (legitimacy rule 9): which groups a change affects, whether they gain or
 * lose (editors), and in plain language what it means for them and what they can expect
 * (communicators too). A new group can be made in the same form.
 */
export const impactRoutes = (ctx: WebContext) => async (app: FastifyInstance) => {
  const { deps, baseUrl } = ctx;

  const loadChange = async (request: FastifyRequest): Promise<Change> => {
    const id = idParam(request, 'change');
    return ownedBy(await findChange(deps, id), (c) => c.organizationId, organizationOf(request).id, 'change', id);
  };

  const loadImpact = async (request: FastifyRequest): Promise<{ impact: Impact; change: Change; groupName: string }> => {
    const id = idParam(request, 'impact');
    const organization = organizationOf(request);
    // Read within the organization: another organization's impact id is simply not there.
    const impact = await ownedBy((await selectImpacts(deps.db, { organizationId: organization.id })).find((i) => i.id === id), () => organization.id, organization.id, 'impact', id);
    const change = (await findChange(deps, impact.changeId))!;
    const groupName = (await listGroups(deps, organization.id)).find((g) => g.id === impact.groupId)?.name ?? '';
    return { impact, change, groupName };
  };

  const render = async (request: FastifyRequest, reply: FastifyReply, change: Change, impact: { impact: Impact; groupName: string } | undefined, values: Values, errors: FieldError[], notice?: string, conflict?: EditConflict) => {
    const organization = organizationOf(request);
    const title = impact ? `Gevolgen voor ${impact.groupName}` : 'Nieuwe doelgroep bij deze verandering';
    const groups = impact ? undefined : (await listGroups(deps, organization.id)).map((g) => ({ value: g.id, label: g.name }));
    return sendForm(request, reply, baseUrl, { title, organization, breadcrumbs: changeCrumbs(organization, change, title), errors, conflict }, (csrf) =>
      ImpactForm({
        heading: `${title}: ${change.title}`,
        action: impact ? editorUrls.edit(organization.slug, 'impact', impact.impact.id) : editorUrls.add(organization.slug, 'change', change.id, 'impact'),
        cancelHref: editorUrls.change(organization.slug, change.id),
        csrf,
        values,
        errors,
        groups,
        canEditChain: hasRole(actorOf(request), organization.id, CHAIN_ROLES),
        feedback: feedbackOf(values),
        notice,
        isNew: !impact,
      }),
    );
  };

  app.get('/:org/veranderingen/:id/gevolgen/nieuw', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) =>
    render(request, reply, await loadChange(request), undefined, { effect: 'neutral' }, []),
  );

  app.post('/:org/veranderingen/:id/gevolgen/nieuw', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) => {
    const change = await loadChange(request);
    const organization = organizationOf(request);
    const values = valuesOf(request.body, FIELDS);
    if (values.actie === 'taalcheck') return render(request, reply, change, undefined, values, [], 'Nog niet opgeslagen. Hieronder ziet u de taalcheck.');
    const errors = new FormErrors();
    const size = errors.integer(values, 'estimatedSize', IMPACT_LABELS.estimatedSize!);
    const name = (values.newGroup ?? '').trim();
    if (!values.groupId && !name) errors.add('groupId', 'Kies een doelgroep, of vul de naam van een nieuwe doelgroep in');
    if (values.groupId && name) errors.add('newGroup', 'Kies een bestaande doelgroep óf maak een nieuwe, niet allebei');
    if (errors.any) return render(request, reply, change, undefined, values, errors.list);
    try {
      const groupId = values.groupId || (await createGroup(deps, actorOf(request), organization.id, { name, estimatedSize: size })).id;
      await setImpact(deps, actorOf(request), change.id, { groupId, effect: values.effect as Effect, meaning: values.meaning, expectation: values.expectation });
      return backToChange(reply, organization.slug, change.id, '#gevolgen');
    } catch (error) {
      if (isAppError(error) && error.code === 'conflict') return render(request, reply, change, undefined, values, [{ field: 'newGroup', message: 'Er is al een doelgroep met deze naam: kies hem hierboven' }]);
      const fieldErrors = fieldErrorsOf(error, { ...IMPACT_LABELS, name: IMPACT_LABELS.newGroup! }, 'groupId');
      if (!fieldErrors) throw error;
      return render(request, reply, change, undefined, values, fieldErrors.map((e) => (e.field === 'name' ? { ...e, field: 'newGroup' } : e)));
    }
  });

  app.get('/:org/gevolgen/:id/bewerken', { preHandler: requireRole(deps, TEXT_ROLES) }, async (request, reply) => {
    const { impact, change, groupName } = await loadImpact(request);
    return render(request, reply, change, { impact, groupName }, valuesOfImpact(impact), []);
  });

  app.post('/:org/gevolgen/:id/bewerken', { preHandler: requireRole(deps, TEXT_ROLES) }, async (request, reply) => {
    const { impact, change, groupName } = await loadImpact(request);
    const organization = organizationOf(request);
    const values = valuesOf(request.body, FIELDS);
    // The effect is part of the chain: only editors and admins change it.
    if (!hasRole(actorOf(request), organization.id, CHAIN_ROLES) || !values.effect) values.effect = impact.effect;
    if (values.actie === 'taalcheck') return render(request, reply, change, { impact, groupName }, values, [], 'Nog niet opgeslagen. Hieronder ziet u de taalcheck.');
    try {
      await setImpact(deps, actorOf(request), change.id, { groupId: impact.groupId, effect: values.effect as Effect, meaning: values.meaning, expectation: values.expectation }, revisionOf(values));
      return reply.redirect(`${editorUrls.edit(organization.slug, 'impact', impact.id)}?opgeslagen`, 303);
    } catch (error) {
      if (isEditConflict(error)) {
        const stored = await loadImpact(request);
        const stale = staleForm(values, valuesOfImpact(stored.impact), IMPACT_LABELS);
        return render(request, reply, change, stored, stale.values, [], undefined, stale.conflict);
      }
      const fieldErrors = fieldErrorsOf(error, IMPACT_LABELS, 'meaning');
      if (!fieldErrors) throw error;
      return render(request, reply, change, { impact, groupName }, values, fieldErrors);
    }
  });
};
