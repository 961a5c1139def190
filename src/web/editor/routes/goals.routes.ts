import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, isEditConflict, isoDate, parseInput } from '../../../core';
import { checkGoalWording } from '../../../language';
import { getChangeChain, effectiveOutcomes } from '../../../modules/chains';
import { findChange, type Change } from '../../../modules/changes';
import { listDecisionsOfOrganization, type Decision } from '../../../modules/decisions';
import {
  anchorGoal,
  createGoal,
  findGoal,
  goalContentSchema,
  listGoalVersions,
  listMeasurementsOfGoal,
  recordMeasurement,
  reviseGoal,
  selectAnchorsOfGoals,
  VERSIONED_FIELDS,
  type Goal,
  type GoalContent,
  type GoalContentInput,
  type GoalVersion,
} from '../../../modules/goals';
import { actorNames } from '../../../modules/users';
import type { WebContext } from '../../context';
import { actorOf, organizationOf, requireRole } from '../../http/auth';
import { CHAIN_ROLES, idParam, ownedBy } from '../access';
import { backToChange, changeCrumbs, fieldErrorsOf, FormErrors, sendForm, valuesOf, type Values } from '../forms';
import { DECISION_KIND_LABELS } from '../labels';
import { sendPage } from '../render';
import { revisionOf, REVISION_FIELD, staleForm, withRevision, type EditConflict } from '../revision';
import { editorUrls } from '../urls';
import { AnchorForm, GOAL_LABELS, GoalForm, GoalVersionsPage, MEASUREMENT_LABELS, MeasurementForm, type VersionView } from '../views/goal-form';
import type { FieldError } from '../views/form';

const GOAL_FIELDS = ['statement', 'level', 'indicator', 'unit', 'baselineValue', 'baselineDate', 'targetValue', 'targetDate', 'direction', 'owner', 'dataSource', 'reportingInterval', 'bevestigd', REVISION_FIELD] as const;

const numberText = (n: number | null): string => (n === null ? '' : String(n).replace('.', ','));

const valuesOfGoal = (g: GoalContent): Values => ({
  statement: g.statement,
  level: g.level,
  indicator: g.indicator,
  unit: g.unit,
  baselineValue: numberText(g.baselineValue),
  baselineDate: g.baselineDate ?? '',
  targetValue: numberText(g.targetValue),
  targetDate: g.targetDate ?? '',
  direction: g.direction,
  owner: g.owner,
  dataSource: g.dataSource,
  reportingInterval: g.reportingInterval,
});

/** The form as goal input: numbers and dates checked at the edge, the rest by the module's schema. */
const goalInputOf = (values: Values, errors: FormErrors): GoalContentInput => ({
  statement: values.statement ?? '',
  level: values.level as GoalContent['level'],
  indicator: values.indicator ?? '',
  unit: values.unit ?? '',
  baselineValue: errors.number(values, 'baselineValue', GOAL_LABELS.baselineValue!),
  baselineDate: errors.date(values, 'baselineDate', GOAL_LABELS.baselineDate!),
  targetValue: errors.number(values, 'targetValue', GOAL_LABELS.targetValue!),
  targetDate: errors.date(values, 'targetDate', GOAL_LABELS.targetDate!),
  direction: values.direction as GoalContent['direction'],
  owner: values.owner ?? '',
  dataSource: values.dataSource ?? '',
  reportingInterval: values.reportingInterval as GoalContent['reportingInterval'],
});

/**
 * Goals (docs/editor.md): new and edit forms, the adoption warning before an anchored goal gets a
 * new version, the version history with a side-by-side comparison, the anchor form and the
 * measurement form. Editors and admins write; every role reads the history.
 */
export const goalRoutes = (ctx: WebContext) => async (app: FastifyInstance) => {
  const { deps, baseUrl } = ctx;

  const loadChange = async (request: FastifyRequest): Promise<Change> => {
    const id = idParam(request, 'change');
    return ownedBy(await findChange(deps, id), (c) => c.organizationId, organizationOf(request).id, 'change', id);
  };

  const loadGoal = async (request: FastifyRequest): Promise<{ goal: Goal; change: Change }> => {
    const id = idParam(request, 'goal');
    const goal = await findGoal(deps, id);
    const change = goal && (await findChange(deps, goal.changeId));
    await ownedBy(change, (c) => c.organizationId, organizationOf(request).id, 'goal', id);
    return { goal: goal!, change: change! };
  };

  const isAnchored = async (goal: Goal): Promise<boolean> => (await getChangeChain(deps, goal.changeId)).goals.some((g) => g.goal.id === goal.id && g.anchored);

  const renderGoal = (request: FastifyRequest, reply: FastifyReply, change: Change, goal: Goal | undefined, values: Values, errors: FieldError[], extra: { anchored?: boolean; confirm?: { changed: string[] }; conflict?: EditConflict } = {}) => {
    const organization = organizationOf(request);
    const title = goal ? 'Doel bewerken' : 'Nieuw doel';
    const vague = (values.statement ?? '').trim() ? checkGoalWording(values.statement!).findings.map((f) => f.excerpt) : [];
    return sendForm(request, reply, baseUrl, { title, organization, breadcrumbs: changeCrumbs(organization, change, title), errors, conflict: extra.conflict }, (csrf) =>
      GoalForm({
        heading: `${title}: ${change.title}`,
        action: goal ? editorUrls.edit(organization.slug, 'goal', goal.id) : editorUrls.add(organization.slug, 'change', change.id, 'goal'),
        cancelHref: editorUrls.change(organization.slug, change.id),
        csrf,
        values,
        errors,
        isNew: !goal,
        anchored: extra.anchored ?? false,
        confirm: extra.confirm,
        vague,
      }),
    );
  };

  app.get('/:org/veranderingen/:id/doelen/nieuw', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) =>
    renderGoal(request, reply, await loadChange(request), undefined, { level: 'outcome', direction: 'increase', reportingInterval: 'yearly' }, []),
  );

  app.post('/:org/veranderingen/:id/doelen/nieuw', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) => {
    const change = await loadChange(request);
    const values = valuesOf(request.body, GOAL_FIELDS);
    const errors = new FormErrors();
    const input = goalInputOf(values, errors);
    if (errors.any) return renderGoal(request, reply, change, undefined, values, errors.list);
    try {
      await createGoal(deps, actorOf(request), change.id, input);
      return backToChange(reply, organizationOf(request).slug, change.id, '#doelen');
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error, GOAL_LABELS, 'statement');
      if (!fieldErrors) throw error;
      return renderGoal(request, reply, change, undefined, values, fieldErrors);
    }
  });

  app.get('/:org/doelen/:id/bewerken', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) => {
    const { goal, change } = await loadGoal(request);
    return renderGoal(request, reply, change, goal, withRevision(valuesOfGoal(goal.current), goal), [], { anchored: await isAnchored(goal) });
  });

  app.post('/:org/doelen/:id/bewerken', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) => {
    const { goal, change } = await loadGoal(request);
    const values = valuesOf(request.body, GOAL_FIELDS);
    const anchored = await isAnchored(goal);
    const errors = new FormErrors();
    const input = goalInputOf(values, errors);
    if (errors.any) return renderGoal(request, reply, change, goal, values, errors.list, { anchored });
    try {
      const content = parseInput(goalContentSchema, input);
      const changed = VERSIONED_FIELDS.filter((f) => content[f] !== goal.current[f]);
      // Issue 5: editing a measurable field of an adopted goal warns first, then makes a new version.
      if (anchored && changed.length > 0 && values.bevestigd !== 'ja') {
        return renderGoal(request, reply, change, goal, values, [], { anchored, confirm: { changed: [...changed] } });
      }
      await reviseGoal(deps, actorOf(request), goal.id, input, revisionOf(values));
      return backToChange(reply, organizationOf(request).slug, change.id, '#doelen');
    } catch (error) {
      if (isEditConflict(error)) {
        const stored = (await loadGoal(request)).goal;
        const stale = staleForm(values, withRevision(valuesOfGoal(stored.current), stored), GOAL_LABELS);
        return renderGoal(request, reply, change, stored, { ...stale.values, bevestigd: '' }, [], { anchored: await isAnchored(stored), conflict: stale.conflict });
      }
      const fieldErrors = fieldErrorsOf(error, GOAL_LABELS, 'statement');
      if (!fieldErrors) throw error;
      return renderGoal(request, reply, change, goal, values, fieldErrors, { anchored });
    }
  });

  app.get('/:org/doelen/:id/versies', { preHandler: requireRole(deps, 'any') }, async (request, reply) => {
    const { goal, change } = await loadGoal(request);
    const organization = organizationOf(request);
    const versions = await listGoalVersions(deps, goal.id);
    const anchors = (await selectAnchorsOfGoals(deps.db, { changeIds: [change.id] })).filter((a) => a.goalId === goal.id);
    const decisions = new Map<string, Decision>((await listDecisionsOfOrganization(deps, organization.id)).map((d) => [d.id, d]));
    const people = await actorNames(deps, versions.map((v) => v.createdBy));
    const view = (v: GoalVersion): VersionView => ({
      version: v.version,
      createdAt: v.createdAt,
      createdBy: people.get(v.createdBy) ?? v.createdBy,
      anchoredBy: anchors.filter((a) => a.version === v.version).map((a) => decisions.get(a.decisionId)).filter((d) => d !== undefined).map((d) => `${DECISION_KIND_LABELS[d.kind] ?? d.kind} ${d.title} (${d.date})`),
      fields: valuesOfGoal(v),
    });
    const views = versions.map(view);
    const query = request.query as { van?: string; naar?: string };
    const pick = (raw: string | undefined, fallback: VersionView) => views.find((v) => String(v.version) === raw) ?? fallback;
    const right = pick(query.naar, views[views.length - 1]!);
    const left = pick(query.van, views[Math.max(0, views.indexOf(right) - 1)]!);
    const title = 'Versies van een doel';
    return sendPage(request, reply, baseUrl, { title, organization, breadcrumbs: changeCrumbs(organization, change, title) }, () =>
      GoalVersionsPage({ heading: `Versies: ${goal.current.statement}`, versions: views, left, right, formAction: `${editorUrls.entity(organization.slug, 'goal', goal.id)}/versies` }),
    );
  });

  const adoptedDecisions = async (organizationId: string) => {
    const decisions = await listDecisionsOfOrganization(deps, organizationId);
    const outcomes = effectiveOutcomes(decisions);
    const corrected = new Set<string>(decisions.flatMap((d) => (d.correctsId ? [d.correctsId] : [])));
    return decisions
      .filter((d) => d.outcome === 'adopted' && outcomes.get(d.id) === 'adopted' && !corrected.has(d.id))
      .map((d) => ({ value: d.id, label: `${DECISION_KIND_LABELS[d.kind] ?? d.kind}: ${d.title} (${d.date})` }));
  };

  const renderAnchor = async (request: FastifyRequest, reply: FastifyReply, goal: Goal, change: Change, value: string | undefined, errors: FieldError[]) => {
    const organization = organizationOf(request);
    const title = 'Doel verankeren';
    const decisions = await adoptedDecisions(organization.id);
    return sendForm(request, reply, baseUrl, { title, organization, breadcrumbs: changeCrumbs(organization, change, title), errors }, (csrf) =>
      AnchorForm({
        heading: `${title}: ${goal.current.statement}`,
        action: editorUrls.anchor(organization.slug, goal.id),
        cancelHref: editorUrls.change(organization.slug, change.id),
        csrf,
        errors,
        value,
        version: goal.current.version,
        decisions,
        newDecisionHref: editorUrls.add(organization.slug, 'change', change.id, 'decision'),
      }),
    );
  };

  app.get('/:org/doelen/:id/verankeren', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) => {
    const { goal, change } = await loadGoal(request);
    return renderAnchor(request, reply, goal, change, undefined, []);
  });

  app.post('/:org/doelen/:id/verankeren', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) => {
    const { goal, change } = await loadGoal(request);
    const { decisionId } = valuesOf(request.body, ['decisionId']);
    const offered = (await adoptedDecisions(organizationOf(request).id)).some((d) => d.value === decisionId);
    if (!offered) return renderAnchor(request, reply, goal, change, decisionId, [{ field: 'decisionId', message: 'Kies een aangenomen besluit' }]);
    try {
      await anchorGoal(deps, actorOf(request), { goalId: goal.id, decisionId: decisionId! });
      return backToChange(reply, organizationOf(request).slug, change.id, '#doelen');
    } catch (error) {
      if (isAppError(error) && (error.code === 'conflict' || error.code === 'invalid_state' || error.code === 'validation_failed')) {
        const message = error.code === 'conflict' ? 'Dit besluit verankert deze versie van het doel al' : 'Dit besluit kan het doel niet verankeren: kies een aangenomen besluit dat niet is gecorrigeerd';
        return renderAnchor(request, reply, goal, change, decisionId, [{ field: 'decisionId', message }]);
      }
      throw error;
    }
  });

  const renderMeasurement = async (request: FastifyRequest, reply: FastifyReply, goal: Goal, change: Change, values: Values, errors: FieldError[], offerReplace = false) => {
    const organization = organizationOf(request);
    const title = 'Meting toevoegen';
    const history = (await listMeasurementsOfGoal(deps, goal.id)).map((m): [string, string] => [m.date, `${numberText(m.value)} ${goal.current.unit}`]);
    return sendForm(request, reply, baseUrl, { title, organization, breadcrumbs: changeCrumbs(organization, change, title), errors }, (csrf) =>
      MeasurementForm({
        heading: `${title}: ${goal.current.statement}`,
        action: editorUrls.newMeasurement(organization.slug, goal.id),
        cancelHref: editorUrls.change(organization.slug, change.id),
        csrf,
        values,
        errors,
        unit: goal.current.unit,
        offerReplace,
        history,
      }),
    );
  };

  app.get('/:org/doelen/:id/metingen/nieuw', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) => {
    const { goal, change } = await loadGoal(request);
    return renderMeasurement(request, reply, goal, change, { date: isoDate(deps.clock.now()) }, []);
  });

  app.post('/:org/doelen/:id/metingen/nieuw', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) => {
    const { goal, change } = await loadGoal(request);
    const values = valuesOf(request.body, ['date', 'value', 'source', 'note', 'vervangen']);
    const errors = new FormErrors();
    const date = errors.date(values, 'date', MEASUREMENT_LABELS.date!);
    const value = errors.number(values, 'value', MEASUREMENT_LABELS.value!);
    if (date === null) errors.add('date', 'Vul de datum van de meting in');
    if (value === null) errors.add('value', 'Vul de gemeten waarde in');
    if (errors.any) return renderMeasurement(request, reply, goal, change, values, errors.list);
    try {
      await recordMeasurement(deps, actorOf(request), goal.id, { date: date!, value: value!, source: values.source, note: values.note }, { replace: values.vervangen === 'ja' });
      return backToChange(reply, organizationOf(request).slug, change.id, '#doelen');
    } catch (error) {
      if (isAppError(error) && error.code === 'conflict') {
        return renderMeasurement(request, reply, goal, change, values, [{ field: 'date', message: 'Op deze datum staat al een meting. Kies een andere datum, of vink aan dat u die meting wilt vervangen' }], true);
      }
      const fieldErrors = fieldErrorsOf(error, MEASUREMENT_LABELS, 'value');
      if (!fieldErrors) throw error;
      return renderMeasurement(request, reply, goal, change, values, fieldErrors);
    }
  });
};
