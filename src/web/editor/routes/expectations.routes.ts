import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isEditConflict, isoDate } from '../../../core';
import { checkText } from '../../../language';
import { getChangeChain, type ChangeChain } from '../../../modules/chains';
import type { Change } from '../../../modules/changes';
import {
  expectationSchema,
  findExpectation,
  findStatement,
  lacksResponse,
  needsResponse,
  recordExpectation,
  recordStatement,
  respondToExpectation,
  responseSchema,
  statementSchema,
  suggestGoals,
  updateExpectation,
  updateStatement,
  type Expectation,
  type ExpectationInput,
  type ExpectationResponse,
  type ResponseInput,
  type Statement,
  type StatementInput,
} from '../../../modules/expectations';
import { listGroups } from '../../../modules/groups';
import { hasRole } from '../../../modules/users';
import type { WebContext } from '../../context';
import { actorOf, organizationOf, requireRole } from '../../http/auth';
import { conflictRoutes } from './conflicts.routes';
import { CHAIN_ROLES, loadChange, loadOfChange, TEXT_ROLES } from '../access';
import { backToChange, changeCrumbs, FormErrors, sendForm, valuesOf, type Values } from '../forms';
import { orNull, registerErrorsOf, withSchemaErrors } from '../register-forms';
import { OUTCOME_LABELS } from '../labels';
import { fields } from '../render';
import { revisionOf, REVISION_FIELD, staleForm, withRevision, type EditConflict } from '../revision';
import { editorUrls } from '../urls';
import { EXPECTATION_KIND_LABELS, EXPECTATION_LABELS, EXPECTATION_SOURCE_LABELS, EXPECTATION_STATUS_LABELS, ExpectationPage, type ExpectationOptions } from '../views/expectation-form';
import type { FieldError } from '../views/form';
import { STATEMENT_LABELS, StatementForm } from '../views/statement-form';

const STATEMENT_FIELDS = ['speaker', 'speakerKind', 'role', 'medium', 'date', 'quote', 'url', REVISION_FIELD] as const;
const EXPECTATION_FIELDS = ['text', 'kind', 'source', 'groupId', 'statementId', 'raisedBy', 'raisedWhere', 'raisedOn', 'sourceUrl', 'status', 'goalIds', 'decisionIds', 'actie', REVISION_FIELD] as const;
const RESPONSE_FIELDS = ['response', 'responseChannel', 'responseDate', 'actie', REVISION_FIELD] as const;
/** The response schema's fields by their names on the page (`id="veld-response"` is where rule 11 links). */
const RESPONSE_NAMES = { text: 'response', channel: 'responseChannel', date: 'responseDate' };
const NOT_SAVED = 'Nog niet opgeslagen. Hieronder ziet u de taalcheck.';

type Notice = { type: 'ok' | 'info' | 'warning'; text: string };
interface Links {
  goalIds: string[];
  decisionIds: string[];
}

const short = (text: string, max = 80): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const valuesOfStatement = (s: Statement): Values =>
  withRevision({ speaker: s.speaker, speakerKind: s.speakerKind, role: s.role, medium: s.medium, date: s.date, quote: s.quote, url: s.url ?? '' }, s);
const valuesOfExpectation = (e: Expectation): Values => withRevision({
  text: e.text,
  kind: e.kind,
  source: e.source,
  groupId: e.groupId ?? '',
  statementId: e.statementId ?? '',
  raisedBy: e.raisedBy,
  raisedWhere: e.raisedWhere,
  raisedOn: e.raisedOn ?? '',
  sourceUrl: e.sourceUrl ?? '',
  status: e.status,
}, e);
/** The stored response, or a start: most responses go on the change page, today. Both forms of the page carry the expectation's revision. */
const valuesOfResponse = (e: Expectation | undefined, today: string): Values => {
  const r = e?.response;
  const values = r ? { response: r.text, responseChannel: r.channel, responseDate: r.date } : { response: '', responseChannel: 'de pagina van de verandering', responseDate: today };
  return e ? withRevision(values, e) : values;
};

const statementInputOf = (values: Values, errors: FormErrors): StatementInput => {
  const date = errors.date(values, 'date', STATEMENT_LABELS.date!);
  if (date === null) errors.add('date', 'Vul de datum van de uitspraak in');
  return { speaker: values.speaker ?? '', speakerKind: values.speakerKind as StatementInput['speakerKind'], role: values.role ?? '', medium: values.medium ?? '', date: date ?? '', quote: values.quote ?? '', url: orNull(values.url) };
};

const expectationInputOf = (values: Values, links: Links, errors: FormErrors, response: ExpectationResponse | null): ExpectationInput => ({
  text: values.text ?? '',
  kind: (values.kind || 'predictive') as ExpectationInput['kind'],
  source: values.source as ExpectationInput['source'],
  groupId: orNull(values.groupId),
  statementId: orNull(values.statementId),
  raisedBy: values.raisedBy ?? '',
  raisedWhere: values.raisedWhere ?? '',
  raisedOn: errors.date(values, 'raisedOn', EXPECTATION_LABELS.raisedOn!),
  sourceUrl: orNull(values.sourceUrl),
  status: values.status as ExpectationInput['status'],
  goalIds: links.goalIds,
  decisionIds: links.decisionIds,
  response,
});

const responseInputOf = (values: Values, errors: FormErrors): ResponseInput => {
  const date = errors.date(values, 'responseDate', EXPECTATION_LABELS.responseDate!);
  if (date === null) errors.add('responseDate', 'Vul de datum in waarop we het vertellen');
  return { text: values.response ?? '', channel: values.responseChannel ?? '', date: date ?? '' };
};

/** What an expectation may refer to: the organization's groups, the change's statements, goals and decisions. */
const choicesOf = (chain: ChangeChain, groups: { id: string; name: string }[]): ExpectationOptions => ({
  groups: groups.map((g) => ({ value: g.id, label: g.name })),
  statements: chain.statements.map((s) => ({ value: s.id, label: `${s.speaker}: “${short(s.quote)}”` })),
  goals: chain.goals.map((g) => ({ value: g.goal.id, label: g.goal.current.statement })),
  decisions: chain.decisions.map((d) => ({ value: d.id, label: `${d.title} (${(OUTCOME_LABELS[d.outcome] ?? d.outcome).toLowerCase()}, ${d.date})` })),
});

/** An expectation as text, for roles that may answer it but not re-assess it. */
const summaryOf = (e: Expectation, choices: ExpectationOptions): [string, string][] => {
  const names = (ids: readonly string[], options: { value: string; label: string }[]) => ids.map((id) => options.find((o) => o.value === id)?.label ?? id).join('; ') || 'Geen';
  return [
    ['Verwachting', e.text],
    ['Soort', EXPECTATION_KIND_LABELS[e.kind] ?? e.kind],
    ['Bron', `${EXPECTATION_SOURCE_LABELS[e.source] ?? e.source}${e.raisedBy ? `: ${e.raisedBy}` : ''}${e.raisedWhere ? `, ${e.raisedWhere}` : ''}${e.raisedOn ? `, ${e.raisedOn}` : ''}`],
    ['Wie verwacht dit', e.groupId ? names([e.groupId], choices.groups) : 'Iedereen'],
    ['Beoordeling', EXPECTATION_STATUS_LABELS[e.status] ?? e.status],
    ['Doelen', names(e.goalIds, choices.goals)],
    ['Besluiten', names(e.decisionIds, choices.decisions)],
  ];
};

/**
 * The expectation register's forms (docs/editor.md, "The expectation register"): statements and
 * expectations (editors and admins), with goal suggestions for an expectation's text — a POST that
 * re-renders with the suggested goals checked and saves nothing, so it works without JavaScript —
 * and responses to expectations (communicators too), with the plain-language check. Conflicts
 * between groups are in conflicts.routes.ts.
 */
export const expectationRoutes = (ctx: WebContext) => async (app: FastifyInstance) => {
  const { deps, baseUrl } = ctx;
  await app.register(conflictRoutes(ctx));

  const renderStatement = (request: FastifyRequest, reply: FastifyReply, change: Change, statement: Statement | undefined, values: Values, errors: FieldError[], conflict?: EditConflict) => {
    const organization = organizationOf(request);
    const title = statement ? 'Uitspraak bewerken' : 'Nieuwe uitspraak';
    return sendForm(request, reply, baseUrl, { title, organization, breadcrumbs: changeCrumbs(organization, change, title), errors, conflict }, (csrf) =>
      StatementForm({
        heading: `${title}: ${change.title}`,
        action: statement ? editorUrls.edit(organization.slug, 'statement', statement.id) : editorUrls.add(organization.slug, 'change', change.id, 'statement'),
        cancelHref: editorUrls.change(organization.slug, change.id),
        csrf,
        values,
        errors,
        isNew: !statement,
      }),
    );
  };

  const saveStatement = async (request: FastifyRequest, reply: FastifyReply, change: Change, statement: Statement | undefined) => {
    const values = valuesOf(request.body, STATEMENT_FIELDS);
    const errors = new FormErrors();
    const input = statementInputOf(values, errors);
    if (errors.any) return renderStatement(request, reply, change, statement, values, withSchemaErrors(errors, statementSchema, input, STATEMENT_LABELS, STATEMENT_FIELDS));
    try {
      if (statement) await updateStatement(deps, actorOf(request), statement.id, input, revisionOf(values));
      else await recordStatement(deps, actorOf(request), change.id, input);
      return backToChange(reply, organizationOf(request).slug, change.id, '#uitspraken');
    } catch (error) {
      if (statement && isEditConflict(error)) {
        const { entity } = await loadOfChange(deps, request, 'statement', findStatement);
        const stale = staleForm(values, valuesOfStatement(entity), STATEMENT_LABELS);
        return renderStatement(request, reply, change, entity, stale.values, [], stale.conflict);
      }
      const fieldErrors = registerErrorsOf(error, STATEMENT_LABELS, 'quote');
      if (!fieldErrors) throw error;
      return renderStatement(request, reply, change, statement, values, fieldErrors);
    }
  };

  app.get('/:org/veranderingen/:id/uitspraken/nieuw', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) =>
    renderStatement(request, reply, await loadChange(deps, request), undefined, { speakerKind: 'alderman' }, []),
  );
  app.post('/:org/veranderingen/:id/uitspraken/nieuw', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) =>
    saveStatement(request, reply, await loadChange(deps, request), undefined),
  );
  app.get('/:org/uitspraken/:id/bewerken', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) => {
    const { entity, change } = await loadOfChange(deps, request, 'statement', findStatement);
    return renderStatement(request, reply, change, entity, valuesOfStatement(entity), []);
  });
  app.post('/:org/uitspraken/:id/bewerken', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) => {
    const { entity, change } = await loadOfChange(deps, request, 'statement', findStatement);
    return saveStatement(request, reply, change, entity);
  });

  /** The page of a new expectation, or of one expectation and its response; undefined parts come from what is stored. */
  const renderExpectation = async (
    request: FastifyRequest,
    reply: FastifyReply,
    change: Change,
    expectation: Expectation | undefined,
    state: { form?: { values: Values; links: Links; suggested?: string[] }; response?: Values; errors?: FieldError[]; notice?: Notice | undefined; conflict?: EditConflict },
  ) => {
    const organization = organizationOf(request);
    const errors = state.errors ?? [];
    const canChain = hasRole(actorOf(request), organization.id, CHAIN_ROLES);
    const choices = choicesOf(await getChangeChain(deps, change.id), await listGroups(deps, organization.id));
    const form = state.form ?? { values: expectation ? valuesOfExpectation(expectation) : {}, links: { goalIds: expectation?.goalIds ?? [], decisionIds: expectation?.decisionIds ?? [] } };
    const response = state.response ?? valuesOfResponse(expectation, isoDate(deps.clock.now()));
    const title = expectation ? 'Verwachting' : 'Nieuwe verwachting';
    return sendForm(request, reply, baseUrl, { title, organization, breadcrumbs: changeCrumbs(organization, change, title), errors, conflict: state.conflict }, (csrf) =>
      ExpectationPage({
        heading: expectation ? `Verwachting: ${short(expectation.text)}` : `${title}: ${change.title}`,
        notice: state.notice,
        errors,
        csrf,
        cancelHref: `${editorUrls.change(organization.slug, change.id)}#verwachtingen`,
        form: canChain
          ? {
              action: expectation ? editorUrls.edit(organization.slug, 'expectation', expectation.id) : editorUrls.add(organization.slug, 'change', change.id, 'expectation'),
              values: form.values,
              ...form.links,
              options: choices,
              suggested: form.suggested ?? [],
              isNew: !expectation,
            }
          : undefined,
        summary: !canChain && expectation ? summaryOf(expectation, choices) : undefined,
        response: expectation
          ? {
              action: `${editorUrls.entity(organization.slug, 'expectation', expectation.id)}/antwoord`,
              values: response,
              feedback: (response.response ?? '').trim() ? checkText(response.response!) : undefined,
              needed: needsResponse(expectation),
            }
          : undefined,
      }),
    );
  };

  /** "Stel doelen voor": the goals `suggestGoals` finds for the text, checked; nothing is saved. */
  const suggest = async (change: Change, values: Values, links: Links) => {
    const text = (values.text ?? '').trim();
    const suggested = text ? (await suggestGoals(deps, change.id, { text: text.slice(0, 5000) })).map((s) => s.goalId as string) : [];
    const n = suggested.length;
    const notice: Notice = !text
      ? { type: 'info', text: 'Nog niet opgeslagen. Vul eerst de verwachting in; dan zoeken we de doelen die erbij passen.' }
      : n === 0
        ? { type: 'info', text: 'Nog niet opgeslagen. Geen doel van deze verandering lijkt op deze tekst. Kies zelf, of laat de doelen leeg.' }
        : { type: 'info', text: `Nog niet opgeslagen. ${n === 1 ? 'Eén doel past' : `${n} doelen passen`} bij de tekst en ${n === 1 ? 'is' : 'zijn'} aangevinkt (“voorgesteld”). Controleer de vinkjes en sla op.` };
    return { form: { values, links: { ...links, goalIds: [...new Set([...links.goalIds, ...suggested])] }, suggested }, notice };
  };

  const saveExpectation = async (request: FastifyRequest, reply: FastifyReply, change: Change, expectation: Expectation | undefined) => {
    const values = valuesOf(request.body, EXPECTATION_FIELDS);
    const links = { goalIds: fields(request.body, 'goalIds'), decisionIds: fields(request.body, 'decisionIds') };
    if (values.actie === 'doelen') return renderExpectation(request, reply, change, expectation, await suggest(change, values, links));
    const errors = new FormErrors();
    // Re-assessing leaves the response as it is: that is the response form's.
    const input = expectationInputOf(values, links, errors, expectation?.response ?? null);
    const form = { values, links };
    if (errors.any) return renderExpectation(request, reply, change, expectation, { form, errors: withSchemaErrors(errors, expectationSchema, input, EXPECTATION_LABELS, EXPECTATION_FIELDS) });
    try {
      const actor = actorOf(request);
      const saved = expectation ? await updateExpectation(deps, actor, expectation.id, input, revisionOf(values)) : await recordExpectation(deps, actor, change.id, input);
      const slug = organizationOf(request).slug;
      // An expectation we will not meet needs a public answer (rule 11): go straight to it.
      if (lacksResponse(saved)) return reply.redirect(`${editorUrls.edit(slug, 'expectation', saved.id)}?opgeslagen#veld-response`, 303);
      return backToChange(reply, slug, change.id, '#verwachtingen');
    } catch (error) {
      if (expectation && isEditConflict(error)) {
        const { entity } = await loadOfChange(deps, request, 'expectation', findExpectation);
        const stale = staleForm(values, valuesOfExpectation(entity), EXPECTATION_LABELS);
        return renderExpectation(request, reply, change, entity, { form: { values: stale.values, links }, conflict: stale.conflict });
      }
      const fieldErrors = registerErrorsOf(error, EXPECTATION_LABELS, 'text');
      if (!fieldErrors) throw error;
      return renderExpectation(request, reply, change, expectation, { form, errors: fieldErrors });
    }
  };

  app.get('/:org/veranderingen/:id/verwachtingen/nieuw', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) => {
    // "Verwachting toevoegen" beside a statement arrives with ?uitspraak={id}.
    const statementId = (request.query as Record<string, unknown>).uitspraak;
    const values = { kind: 'predictive', statementId: typeof statementId === 'string' ? statementId : '', source: typeof statementId === 'string' ? 'political_statement' : '' };
    return renderExpectation(request, reply, await loadChange(deps, request), undefined, { form: { values, links: { goalIds: [], decisionIds: [] } } });
  });
  app.post('/:org/veranderingen/:id/verwachtingen/nieuw', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) =>
    saveExpectation(request, reply, await loadChange(deps, request), undefined),
  );

  app.get('/:org/verwachtingen/:id/bewerken', { preHandler: requireRole(deps, TEXT_ROLES) }, async (request, reply) => {
    const { entity, change } = await loadOfChange(deps, request, 'expectation', findExpectation);
    const saved = 'opgeslagen' in (request.query as object);
    const notice: Notice | undefined = !saved
      ? undefined
      : lacksResponse(entity)
        ? { type: 'ok', text: 'Opgeslagen. Deze verwachting heeft nog een antwoord nodig: schrijf hieronder wat we mensen vertellen.' }
        : { type: 'ok', text: entity.response ? 'Opgeslagen. Hieronder ziet u de taalcheck van het antwoord.' : 'Opgeslagen.' };
    return renderExpectation(request, reply, change, entity, { notice });
  });
  app.post('/:org/verwachtingen/:id/bewerken', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) => {
    const { entity, change } = await loadOfChange(deps, request, 'expectation', findExpectation);
    return saveExpectation(request, reply, change, entity);
  });

  app.post('/:org/verwachtingen/:id/antwoord', { preHandler: requireRole(deps, TEXT_ROLES) }, async (request, reply) => {
    const { entity, change } = await loadOfChange(deps, request, 'expectation', findExpectation);
    const values = valuesOf(request.body, RESPONSE_FIELDS);
    if (values.actie === 'taalcheck') return renderExpectation(request, reply, change, entity, { response: values, notice: { type: 'info', text: NOT_SAVED } });
    const errors = new FormErrors();
    const input = responseInputOf(values, errors);
    if (errors.any) return renderExpectation(request, reply, change, entity, { response: values, errors: withSchemaErrors(errors, responseSchema, input, EXPECTATION_LABELS, RESPONSE_FIELDS, RESPONSE_NAMES) });
    try {
      await respondToExpectation(deps, actorOf(request), entity.id, input, revisionOf(values));
      return reply.redirect(`${editorUrls.edit(organizationOf(request).slug, 'expectation', entity.id)}?opgeslagen#veld-response`, 303);
    } catch (error) {
      if (isEditConflict(error)) {
        const stored = (await loadOfChange(deps, request, 'expectation', findExpectation)).entity;
        const stale = staleForm(values, valuesOfResponse(stored, isoDate(deps.clock.now())), EXPECTATION_LABELS);
        return renderExpectation(request, reply, change, stored, { response: stale.values, conflict: stale.conflict });
      }
      const fieldErrors = registerErrorsOf(error, EXPECTATION_LABELS, 'response', RESPONSE_NAMES);
      if (!fieldErrors) throw error;
      return renderExpectation(request, reply, change, entity, { response: values, errors: fieldErrors });
    }
  });
};
