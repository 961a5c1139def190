import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, isEditConflict } from '../../../core';
import { checkText } from '../../../language';
import { getChangeChain } from '../../../modules/chains';
import type { Change } from '../../../modules/changes';
import { findConflict, isBetween, isWeighed, recordConflict, weighConflict, type Conflict } from '../../../modules/expectations';
import { listGroups, opposingPairs } from '../../../modules/groups';
import type { WebContext } from '../../context';
import { actorOf, organizationOf, requireRole } from '../../http/auth';
import { CHAIN_ROLES, loadChange, loadOfChange } from '../access';
import { changeCrumbs, FormErrors, sendForm, valuesOf, type Values } from '../forms';
import { orNull, registerErrorsOf } from '../register-forms';
import { EFFECT_LABELS, OUTCOME_LABELS } from '../labels';
import { revisionOf, REVISION_FIELD, staleForm, withRevision, type EditConflict } from '../revision';
import { editorUrls } from '../urls';
import { CONFLICT_LABELS, NewConflictForm, WeighConflictForm } from '../views/conflict-form';
import type { FieldError } from '../views/form';

const CONFLICT_FIELDS = ['groupAId', 'groupBId', 'description'] as const;
const WEIGHING_FIELDS = ['weighing', 'decisionId', 'actie', REVISION_FIELD] as const;
const valuesOfWeighing = (c: Conflict): Values => withRevision({ weighing: c.weighing, decisionId: c.decisionId ?? '' }, c);

/**
 * Conflicts between groups (legitimacy rule 10): recording one between two groups of the change's
 * impacts, then its weighing (afweging) and the decision that settled it. The to-do list's
 * "record the conflict" arrives at the form with the first opposing pair still unrecorded chosen.
 */
export const conflictRoutes = (ctx: WebContext) => async (app: FastifyInstance) => {
  const { deps, baseUrl } = ctx;

  const renderNew = async (request: FastifyRequest, reply: FastifyReply, change: Change, values: Values | undefined, errors: FieldError[]) => {
    const organization = organizationOf(request);
    const chain = await getChangeChain(deps, change.id);
    // The first pair of a group that gains and one that loses without a conflict yet.
    const open = opposingPairs(chain.impacts.map((i) => i.impact)).find(([gain, loss]) => !chain.conflicts.some((c) => isBetween(c, gain.groupId, loss.groupId)));
    const title = 'Nieuw belangenconflict';
    return sendForm(request, reply, baseUrl, { title, organization, breadcrumbs: changeCrumbs(organization, change, title), errors }, (csrf) =>
      NewConflictForm({
        heading: `${title}: ${change.title}`,
        action: editorUrls.add(organization.slug, 'change', change.id, 'conflict'),
        cancelHref: `${editorUrls.change(organization.slug, change.id)}#belangenconflicten`,
        addGroupHref: editorUrls.add(organization.slug, 'change', change.id, 'impact'),
        csrf,
        values: values ?? { groupAId: open?.[0].groupId ?? '', groupBId: open?.[1].groupId ?? '' },
        errors,
        groups: chain.impacts.map((i) => ({ value: i.group.id, label: `${i.group.name} (${(EFFECT_LABELS[i.impact.effect] ?? i.impact.effect).toLowerCase()})` })),
      }),
    );
  };

  app.get('/:org/veranderingen/:id/belangenconflicten/nieuw', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) =>
    renderNew(request, reply, await loadChange(deps, request), undefined, []),
  );

  app.post('/:org/veranderingen/:id/belangenconflicten/nieuw', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) => {
    const change = await loadChange(deps, request);
    const values = valuesOf(request.body, CONFLICT_FIELDS);
    const errors = new FormErrors();
    if (!values.groupAId) errors.add('groupAId', 'Kies de eerste doelgroep');
    if (!values.groupBId) errors.add('groupBId', 'Kies de tweede doelgroep');
    if (errors.any) return renderNew(request, reply, change, values, errors.list);
    try {
      const conflict = await recordConflict(deps, actorOf(request), change.id, { groupAId: values.groupAId!, groupBId: values.groupBId!, description: values.description ?? '' });
      // Recorded, not yet weighed: the weighing is the next step (rule 10).
      return reply.redirect(`${editorUrls.edit(organizationOf(request).slug, 'conflict', conflict.id)}?opgeslagen#veld-weighing`, 303);
    } catch (error) {
      if (isAppError(error) && error.code === 'conflict') {
        return renderNew(request, reply, change, values, [{ field: 'groupBId', message: 'Tussen deze doelgroepen is al een belangenconflict vastgelegd: schrijf daar de afweging bij' }]);
      }
      const fieldErrors = registerErrorsOf(error, CONFLICT_LABELS, 'groupAId');
      if (!fieldErrors) throw error;
      return renderNew(request, reply, change, values, fieldErrors);
    }
  });

  const renderWeigh = async (request: FastifyRequest, reply: FastifyReply, change: Change, conflict: Conflict, values: Values, errors: FieldError[], notice?: { type: 'ok' | 'info'; text: string }, stale?: EditConflict) => {
    const organization = organizationOf(request);
    const [chain, groups] = await Promise.all([getChangeChain(deps, change.id), listGroups(deps, organization.id)]);
    const name = (id: string) => groups.find((g) => g.id === id)?.name ?? 'onbekende doelgroep';
    const title = 'Afweging van een belangenconflict';
    return sendForm(request, reply, baseUrl, { title, organization, breadcrumbs: changeCrumbs(organization, change, title), errors, conflict: stale }, (csrf) =>
      WeighConflictForm({
        heading: `Belangenconflict: ${name(conflict.groupAId)} – ${name(conflict.groupBId)}`,
        action: editorUrls.edit(organization.slug, 'conflict', conflict.id),
        cancelHref: `${editorUrls.change(organization.slug, change.id)}#belangenconflicten`,
        csrf,
        values,
        errors,
        groups: `${name(conflict.groupAId)} – ${name(conflict.groupBId)}`,
        description: conflict.description,
        decisions: chain.decisions.map((d) => ({ value: d.id, label: `${d.title} (${(OUTCOME_LABELS[d.outcome] ?? d.outcome).toLowerCase()}, ${d.date})` })),
        feedback: (values.weighing ?? '').trim() ? checkText(values.weighing!) : undefined,
        notice,
      }),
    );
  };

  app.get('/:org/belangenconflicten/:id/bewerken', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) => {
    const { entity, change } = await loadOfChange(deps, request, 'conflict', findConflict);
    const saved = 'opgeslagen' in (request.query as object);
    const notice = !saved
      ? undefined
      : isWeighed(entity)
        ? { type: 'ok' as const, text: 'Opgeslagen. Hieronder ziet u de taalcheck van de afweging.' }
        : { type: 'ok' as const, text: 'Vastgelegd. Schrijf nu de afweging: hoe is er besloten, en waarom?' };
    return renderWeigh(request, reply, change, entity, valuesOfWeighing(entity), [], notice);
  });

  app.post('/:org/belangenconflicten/:id/bewerken', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) => {
    const { entity, change } = await loadOfChange(deps, request, 'conflict', findConflict);
    const values = valuesOf(request.body, WEIGHING_FIELDS);
    if (values.actie === 'taalcheck') return renderWeigh(request, reply, change, entity, values, [], { type: 'info', text: 'Nog niet opgeslagen. Hieronder ziet u de taalcheck.' });
    try {
      await weighConflict(deps, actorOf(request), entity.id, { weighing: values.weighing ?? '', decisionId: orNull(values.decisionId) }, revisionOf(values));
      // Back to the form, like the other citizen texts: the plain-language check of what was saved.
      return reply.redirect(`${editorUrls.edit(organizationOf(request).slug, 'conflict', entity.id)}?opgeslagen`, 303);
    } catch (error) {
      if (isEditConflict(error)) {
        const stored = (await loadOfChange(deps, request, 'conflict', findConflict)).entity;
        const stale = staleForm(values, valuesOfWeighing(stored), CONFLICT_LABELS);
        return renderWeigh(request, reply, change, stored, stale.values, [], undefined, stale.conflict);
      }
      const fieldErrors = registerErrorsOf(error, CONFLICT_LABELS, 'weighing');
      if (!fieldErrors) throw error;
      return renderWeigh(request, reply, change, entity, values, fieldErrors);
    }
  });
};
