import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, isEditConflict, parseInput } from '../../../core';
import { getChangeChain } from '../../../modules/chains';
import { findChange, type Change } from '../../../modules/changes';
import { addContribution, contributionSchema, createMeasure, findMeasure, updateMeasure, type Measure, type MeasureInput } from '../../../modules/measures';
import type { WebContext } from '../../context';
import { actorOf, organizationOf, requireRole } from '../../http/auth';
import { CHAIN_ROLES, idParam, ownedBy } from '../access';
import { backToChange, changeCrumbs, fieldErrorsOf, FormErrors, sendForm, valuesOf, type Values } from '../forms';
import { EVIDENCE_LABELS } from '../labels';
import { revisionOf, REVISION_FIELD, staleForm, withRevision, type EditConflict } from '../revision';
import { editorUrls } from '../urls';
import type { FieldError } from '../views/form';
import { EditMeasurePage, MEASURE_LABELS, NewMeasurePage } from '../views/measure-form';

const MEASURE_FIELDS = ['title', 'description', 'status', 'cost', 'startDate', 'endDate'] as const;
const CONTRIBUTION_FIELDS = ['goalId', 'mechanism', 'assumptions', 'expectedEffect', 'evidenceStrength', 'evidenceLinks'] as const;

const numberText = (n: number | null): string => (n === null ? '' : String(n).replace('.', ','));
const valuesOfMeasure = (m: Measure): Values =>
  withRevision({ title: m.title, description: m.description, status: m.status, cost: numberText(m.cost), startDate: m.startDate ?? '', endDate: m.endDate ?? '' }, m);

const measureInputOf = (values: Values, errors: FormErrors): MeasureInput => ({
  title: values.title ?? '',
  description: values.description ?? '',
  status: (values.status || 'planned') as MeasureInput['status'],
  cost: errors.number(values, 'cost', MEASURE_LABELS.cost!),
  startDate: errors.date(values, 'startDate', MEASURE_LABELS.startDate!),
  endDate: errors.date(values, 'endDate', MEASURE_LABELS.endDate!),
});

const contributionInputOf = (values: Values, errors: FormErrors) => ({
  goalId: values.goalId ?? '',
  mechanism: values.mechanism ?? '',
  assumptions: values.assumptions ?? '',
  expectedEffect: errors.number(values, 'expectedEffect', MEASURE_LABELS.expectedEffect!),
  evidenceStrength: (values.evidenceStrength || 'assumed') as 'assumed',
  evidenceLinks: (values.evidenceLinks ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean),
});

/** Checks a contribution at the edge, so a new measure is not stored without the contribution that was asked for. */
const contributionErrors = (input: ReturnType<typeof contributionInputOf>): FieldError[] => {
  try {
    parseInput(contributionSchema, input);
    return [];
  } catch (error) {
    const errors = fieldErrorsOf(error, MEASURE_LABELS, 'mechanism');
    if (!errors) throw error;
    return errors.map((e) => (e.field === 'goalId' ? { ...e, message: 'Kies het doel waaraan de maatregel bijdraagt' } : e));
  }
};

/**
 * Measures and their contributions to goals (legitimacy rules 6 and 7). "Add a measure for this
 * goal" from the to-do list arrives with `?doel=` and the goal already chosen.
 */
export const measureRoutes = (ctx: WebContext) => async (app: FastifyInstance) => {
  const { deps, baseUrl } = ctx;

  const loadChange = async (request: FastifyRequest): Promise<Change> => {
    const id = idParam(request, 'change');
    return ownedBy(await findChange(deps, id), (c) => c.organizationId, organizationOf(request).id, 'change', id);
  };

  const loadMeasure = async (request: FastifyRequest): Promise<{ measure: Measure; change: Change }> => {
    const id = idParam(request, 'measure');
    const measure = await findMeasure(deps, id);
    const change = measure && (await findChange(deps, measure.changeId));
    await ownedBy(change, (c) => c.organizationId, organizationOf(request).id, 'measure', id);
    return { measure: measure!, change: change! };
  };

  const goalsOf = async (changeId: string) => (await getChangeChain(deps, changeId)).goals.map((g) => ({ value: g.goal.id, label: g.goal.current.statement }));

  const renderNew = async (request: FastifyRequest, reply: FastifyReply, change: Change, values: Values, errors: FieldError[]) => {
    const organization = organizationOf(request);
    const title = 'Nieuwe maatregel';
    const goals = await goalsOf(change.id);
    return sendForm(request, reply, baseUrl, { title, organization, breadcrumbs: changeCrumbs(organization, change, title), errors }, (csrf) =>
      NewMeasurePage({ heading: `${title}: ${change.title}`, action: editorUrls.add(organization.slug, 'change', change.id, 'measure'), cancelHref: editorUrls.change(organization.slug, change.id), csrf, values, errors, goals }),
    );
  };

  app.get('/:org/veranderingen/:id/maatregelen/nieuw', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) => {
    const change = await loadChange(request);
    const goal = (request.query as { doel?: string }).doel;
    return renderNew(request, reply, change, { status: 'planned', evidenceStrength: 'assumed', goalId: typeof goal === 'string' ? goal : '' }, []);
  });

  app.post('/:org/veranderingen/:id/maatregelen/nieuw', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) => {
    const change = await loadChange(request);
    const values = valuesOf(request.body, [...MEASURE_FIELDS, ...CONTRIBUTION_FIELDS]);
    const errors = new FormErrors();
    const input = measureInputOf(values, errors);
    const contribution = values.goalId ? contributionInputOf(values, errors) : undefined;
    if (!(values.title ?? '').trim()) errors.add('title', 'Vul de titel van de maatregel in');
    for (const e of contribution ? contributionErrors(contribution) : []) errors.add(e.field, e.message);
    if (errors.any) return renderNew(request, reply, change, values, errors.list);
    try {
      const measure = await createMeasure(deps, actorOf(request), change.id, input);
      if (contribution) await addContribution(deps, actorOf(request), measure.id, contribution);
      return backToChange(reply, organizationOf(request).slug, change.id, '#maatregelen');
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error, MEASURE_LABELS, 'title');
      if (!fieldErrors) throw error;
      return renderNew(request, reply, change, values, fieldErrors);
    }
  });

  const renderEdit = async (request: FastifyRequest, reply: FastifyReply, measure: Measure, change: Change, values: Values, contribution: Values, errors: FieldError[], conflict?: EditConflict) => {
    const organization = organizationOf(request);
    const chain = await getChangeChain(deps, change.id);
    const goals = chain.goals.map((g) => ({ value: g.goal.id, label: g.goal.current.statement }));
    const names = new Map(goals.map((g) => [g.value, g.label]));
    const contributions = (chain.measures.find((m) => m.measure.id === measure.id)?.contributions ?? []).map((c): [string, string, string] => [names.get(c.goalId) ?? c.goalId, c.mechanism, EVIDENCE_LABELS[c.evidenceStrength] ?? c.evidenceStrength]);
    const title = 'Maatregel bewerken';
    return sendForm(request, reply, baseUrl, { title, organization, breadcrumbs: changeCrumbs(organization, change, title), errors, conflict }, (csrf) =>
      EditMeasurePage({
        heading: `${title}: ${measure.title}`,
        action: editorUrls.edit(organization.slug, 'measure', measure.id),
        contributionAction: `${editorUrls.entity(organization.slug, 'measure', measure.id)}/bijdragen`,
        cancelHref: editorUrls.change(organization.slug, change.id),
        csrf,
        values,
        contribution,
        errors,
        goals,
        contributions,
      }),
    );
  };

  app.get('/:org/maatregelen/:id/bewerken', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) => {
    const { measure, change } = await loadMeasure(request);
    return renderEdit(request, reply, measure, change, valuesOfMeasure(measure), { evidenceStrength: 'assumed' }, []);
  });

  app.post('/:org/maatregelen/:id/bewerken', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) => {
    const { measure, change } = await loadMeasure(request);
    const values = valuesOf(request.body, [...MEASURE_FIELDS, REVISION_FIELD]);
    const errors = new FormErrors();
    const input = measureInputOf(values, errors);
    if (errors.any) return renderEdit(request, reply, measure, change, values, { evidenceStrength: 'assumed' }, errors.list);
    try {
      await updateMeasure(deps, actorOf(request), measure.id, input, revisionOf(values));
      return backToChange(reply, organizationOf(request).slug, change.id, '#maatregelen');
    } catch (error) {
      if (isEditConflict(error)) {
        const stored = (await loadMeasure(request)).measure;
        const stale = staleForm(values, valuesOfMeasure(stored), MEASURE_LABELS);
        return renderEdit(request, reply, stored, change, stale.values, { evidenceStrength: 'assumed' }, [], stale.conflict);
      }
      const fieldErrors = fieldErrorsOf(error, MEASURE_LABELS, 'title');
      if (!fieldErrors) throw error;
      return renderEdit(request, reply, measure, change, values, { evidenceStrength: 'assumed' }, fieldErrors);
    }
  });

  app.post('/:org/maatregelen/:id/bijdragen', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) => {
    const { measure, change } = await loadMeasure(request);
    const values = valuesOf(request.body, CONTRIBUTION_FIELDS);
    const errors = new FormErrors();
    const input = contributionInputOf(values, errors);
    for (const e of contributionErrors(input)) errors.add(e.field, e.message);
    if (errors.any) return renderEdit(request, reply, measure, change, valuesOfMeasure(measure), values, errors.list);
    try {
      await addContribution(deps, actorOf(request), measure.id, input);
      return backToChange(reply, organizationOf(request).slug, change.id, '#maatregelen');
    } catch (error) {
      if (isAppError(error) && error.code === 'conflict') {
        return renderEdit(request, reply, measure, change, valuesOfMeasure(measure), values, [{ field: 'goalId', message: 'Deze maatregel draagt al bij aan dit doel' }]);
      }
      const fieldErrors = fieldErrorsOf(error, MEASURE_LABELS, 'mechanism');
      if (!fieldErrors) throw error;
      return renderEdit(request, reply, measure, change, valuesOfMeasure(measure), values, fieldErrors.map((e) => (e.field === 'goalId' ? { ...e, message: 'Kies een doel van deze verandering' } : e)));
    }
  });
};
