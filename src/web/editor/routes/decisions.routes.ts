import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, isEditConflict } from '../../../core';
import { findChange, type Change } from '../../../modules/changes';
import { findCorrectionOf, findDecision, isFinal, recordDecision, updatePendingDecision, type Decision, type DecisionInput } from '../../../modules/decisions';
import type { WebContext } from '../../context';
import { actorOf, organizationOf, requireRole } from '../../http/auth';
import { CHAIN_ROLES, idParam, ownedBy } from '../access';
import { backToChange, changeCrumbs, fieldErrorsOf, FormErrors, sendForm, valuesOf, type Values } from '../forms';
import { revisionOf, REVISION_FIELD, staleForm, withRevision, type EditConflict } from '../revision';
import { editorUrls } from '../urls';
import { DECISION_LABELS, DecisionForm } from '../views/decision-form';
import type { FieldError } from '../views/form';

const BASE_FIELDS = ['kind', 'title', 'body', 'date', 'reference', 'sourceUrl', 'outcome', 'summary', 'votesFor', 'votesAgainst', 'votesAbstain'];
/** Rows a form offers: what is there plus room to add, without JavaScript. */
const MAX_PARTIES = 60;
const MAX_FOLLOW_UPS = 50;

const rowCount = (body: unknown, prefix: string, max: number): number => {
  const names = Object.keys((body ?? {}) as object).filter((k) => k.startsWith(prefix));
  return Math.min(max, names.reduce((n, k) => Math.max(n, Number(k.slice(prefix.length)) + 1 || 0), 0));
};

const fieldsFor = (parties: number, followUps: number): string[] => [
  ...BASE_FIELDS,
  REVISION_FIELD,
  ...Array.from({ length: parties }, (_, i) => [`party_${i}`, `for_${i}`, `against_${i}`, `abstain_${i}`]).flat(),
  ...Array.from({ length: followUps }, (_, i) => [`followUp_${i}`, `due_${i}`, `followUpStatus_${i}`]).flat(),
];

const valuesOfDecision = (d: Decision): Values => {
  const v: Values = {
    kind: d.kind,
    title: d.title,
    body: d.body,
    date: d.date,
    reference: d.reference,
    sourceUrl: d.sourceUrl ?? '',
    outcome: d.outcome,
    summary: d.summary,
    votesFor: d.votes ? String(d.votes.for) : '',
    votesAgainst: d.votes ? String(d.votes.against) : '',
    votesAbstain: d.votes ? String(d.votes.abstain) : '',
  };
  d.partyVotes.forEach((p, i) => Object.assign(v, { [`party_${i}`]: p.party, [`for_${i}`]: String(p.for), [`against_${i}`]: String(p.against), [`abstain_${i}`]: String(p.abstain) }));
  d.followUps.forEach((f, i) => Object.assign(v, { [`followUp_${i}`]: f.description, [`due_${i}`]: f.dueDate, [`followUpStatus_${i}`]: f.status }));
  return withRevision(v, d);
};

/** The form as decision input; empty party and follow-up rows are left out. */
const decisionInputOf = (values: Values, parties: number, followUps: number, errors: FormErrors, changeId: string | null, correctsId: string | null): DecisionInput => {
  const count = (field: string, label: string) => errors.integer(values, field, label);
  const votesFor = count('votesFor', 'voor');
  const votesAgainst = count('votesAgainst', 'tegen');
  const votesAbstain = count('votesAbstain', 'onthouden');
  const partyVotes = [];
  for (let i = 0; i < parties; i++) {
    const party = (values[`party_${i}`] ?? '').trim();
    const f = count(`for_${i}`, `voor (partij ${i + 1})`);
    const a = count(`against_${i}`, `tegen (partij ${i + 1})`);
    const s = count(`abstain_${i}`, `onthouden (partij ${i + 1})`);
    if (!party && f === null && a === null && s === null) continue;
    if (!party) errors.add(`party_${i}`, `Vul de naam van partij ${i + 1} in`);
    partyVotes.push({ party, for: f ?? 0, against: a ?? 0, abstain: s ?? 0 });
  }
  const follow = [];
  for (let i = 0; i < followUps; i++) {
    const description = (values[`followUp_${i}`] ?? '').trim();
    const due = errors.date(values, `due_${i}`, `uiterlijk (afspraak ${i + 1})`);
    if (!description && due === null) continue;
    if (due === null) errors.add(`due_${i}`, `Vul de datum in waarop afspraak ${i + 1} klaar moet zijn`);
    follow.push({ description, dueDate: due ?? '', status: (values[`followUpStatus_${i}`] || 'open') as 'open' });
  }
  const date = errors.date(values, 'date', DECISION_LABELS.date!);
  if (date === null) errors.add('date', 'Vul de datum van het besluit in');
  const anyVotes = votesFor !== null || votesAgainst !== null || votesAbstain !== null;
  return {
    changeId,
    correctsId,
    kind: values.kind as DecisionInput['kind'],
    title: values.title ?? '',
    body: values.body ?? '',
    date: date ?? '',
    reference: values.reference ?? '',
    sourceUrl: (values.sourceUrl ?? '').trim() || null,
    outcome: values.outcome as DecisionInput['outcome'],
    summary: values.summary ?? '',
    votes: anyVotes ? { for: votesFor ?? 0, against: votesAgainst ?? 0, abstain: votesAbstain ?? 0 } : null,
    partyVotes,
    followUps: follow,
  };
};

/**
 * Decisions and their votes (per party too), and corrections: a decision whose outcome is set is
 * never edited in place (DOMAIN.md), so its edit form records a new record that corrects it.
 */
export const decisionRoutes = (ctx: WebContext) => async (app: FastifyInstance) => {
  const { deps, baseUrl } = ctx;

  const loadChange = async (request: FastifyRequest): Promise<Change> => {
    const id = idParam(request, 'change');
    return ownedBy(await findChange(deps, id), (c) => c.organizationId, organizationOf(request).id, 'change', id);
  };

  const loadDecision = async (request: FastifyRequest): Promise<{ decision: Decision; change: Change | undefined }> => {
    const id = idParam(request, 'decision');
    const decision = await ownedBy(await findDecision(deps, id), (d) => d.organizationId, organizationOf(request).id, 'decision', id);
    return { decision, change: decision.changeId ? await findChange(deps, decision.changeId) : undefined };
  };

  const render = (request: FastifyRequest, reply: FastifyReply, target: { change?: Change | undefined; decision?: Decision }, values: Values, errors: FieldError[], rows: { parties: number; followUps: number }, conflict?: EditConflict) => {
    const organization = organizationOf(request);
    const correcting = target.decision !== undefined && isFinal(target.decision);
    const title = !target.decision ? 'Nieuw besluit' : correcting ? 'Besluit corrigeren' : 'Besluit bewerken';
    const breadcrumbs = target.change ? changeCrumbs(organization, target.change, title) : [{ label: organization.name, href: editorUrls.dashboard(organization.slug) }, { label: title }];
    return sendForm(request, reply, baseUrl, { title, organization, breadcrumbs, errors, conflict }, (csrf) =>
      DecisionForm({
        heading: target.decision ? `${title}: ${target.decision.title}` : title,
        action: target.decision ? editorUrls.edit(organization.slug, 'decision', target.decision.id) : editorUrls.add(organization.slug, 'change', target.change!.id, 'decision'),
        cancelHref: target.change ? editorUrls.change(organization.slug, target.change.id) : editorUrls.dashboard(organization.slug),
        csrf,
        values,
        errors,
        partyRows: Math.min(MAX_PARTIES, Math.max(5, rows.parties + 2)),
        followUpRows: Math.min(MAX_FOLLOW_UPS, Math.max(1, rows.followUps + 1)),
        correcting,
        isNew: !target.decision,
      }),
    );
  };

  const save = async (request: FastifyRequest, reply: FastifyReply, target: { change?: Change | undefined; decision?: Decision }) => {
    const parties = rowCount(request.body, 'party_', MAX_PARTIES);
    const followUps = rowCount(request.body, 'followUp_', MAX_FOLLOW_UPS);
    const values = valuesOf(request.body, fieldsFor(parties, followUps));
    const errors = new FormErrors();
    const { decision, change } = target;
    const correcting = decision !== undefined && isFinal(decision);
    const input = decisionInputOf(values, parties, followUps, errors, decision ? decision.changeId : (change?.id ?? null), correcting ? decision.id : (decision?.correctsId ?? null));
    const rows = { parties, followUps };
    if (errors.any) return render(request, reply, target, values, errors.list, rows);
    try {
      const organization = organizationOf(request);
      if (!decision) await recordDecision(deps, actorOf(request), organization.id, input);
      else if (correcting) await recordDecision(deps, actorOf(request), organization.id, input);
      else await updatePendingDecision(deps, actorOf(request), decision.id, input, revisionOf(values));
      return change ? backToChange(reply, organization.slug, change.id, '#besluiten') : reply.redirect(editorUrls.dashboard(organization.slug), 303);
    } catch (error) {
      if (decision && isEditConflict(error)) {
        const stored = (await loadDecision(request)).decision;
        const stale = staleForm(values, valuesOfDecision(stored), DECISION_LABELS);
        return render(request, reply, { ...target, decision: stored }, stale.values, [], rows, stale.conflict);
      }
      if (isAppError(error) && (error.code === 'conflict' || error.code === 'invalid_state')) {
        return render(request, reply, target, values, [{ field: 'outcome', message: 'Dit besluit is al gecorrigeerd. Corrigeer het nieuwste besluit.' }], rows);
      }
      const fieldErrors = fieldErrorsOf(error, DECISION_LABELS, 'title');
      if (!fieldErrors) throw error;
      return render(request, reply, target, values, fieldErrors, rows);
    }
  };

  app.get('/:org/veranderingen/:id/besluiten/nieuw', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) =>
    render(request, reply, { change: await loadChange(request) }, { kind: 'raadsbesluit', body: 'gemeenteraad', outcome: 'adopted' }, [], { parties: 0, followUps: 0 }),
  );
  app.post('/:org/veranderingen/:id/besluiten/nieuw', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) => save(request, reply, { change: await loadChange(request) }));

  app.get('/:org/besluiten/:id/bewerken', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) => {
    const target = await loadDecision(request);
    const correctedBy = await findCorrectionOf(deps, target.decision.id);
    if (correctedBy) return reply.redirect(editorUrls.edit(organizationOf(request).slug, 'decision', correctedBy), 303);
    return render(request, reply, target, valuesOfDecision(target.decision), [], { parties: target.decision.partyVotes.length, followUps: target.decision.followUps.length });
  });
  app.post('/:org/besluiten/:id/bewerken', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) => save(request, reply, await loadDecision(request)));
};
