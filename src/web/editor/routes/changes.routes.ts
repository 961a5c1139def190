import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isEditConflict } from '../../../core';
import { checkText } from '../../../language';
import { addMilestone, canMoveTo, CHANGE_STATUSES, createChange, findChange, findMilestone, setChangeStatus, updateChange, updateMilestone, type Change, type ChangeStatus, type Milestone } from '../../../modules/changes';
import { hasRole } from '../../../modules/users';
import type { WebContext } from '../../context';
import { actorOf, organizationOf, requireRole } from '../../http/auth';
import { CHAIN_ROLES, idParam, ownedBy, TEXT_ROLES } from '../access';
import { backToChange, changeCrumbs, fieldErrorsOf, FormErrors, sendForm, valuesOf, type Values } from '../forms';
import { revisionOf, REVISION_FIELD, staleForm, withRevision, type EditConflict } from '../revision';
import { editorUrls } from '../urls';
import { CHANGE_LABELS, ChangeForm, MILESTONE_LABELS, MilestoneForm, StatusForm } from '../views/change-form';
import type { FieldError } from '../views/form';

const CHANGE_FIELDS = ['title', 'kind', 'summary', 'why', 'what', 'themes', REVISION_FIELD, 'actie'] as const;
const TEXT_FIELDS = ['summary', 'why', 'what'] as const;
const MILESTONE_FIELDS = ['title', 'description', 'date', 'done', REVISION_FIELD] as const;

const valuesOfChange = (c: Change): Values => withRevision({ title: c.title, kind: c.kind, summary: c.summary, why: c.why, what: c.what, themes: c.themes.join(', ') }, c);
const valuesOfMilestone = (m: Milestone): Values => withRevision({ title: m.title, description: m.description, date: m.date, done: m.done ? 'ja' : '' }, m);
const themesOf = (raw: string | undefined): string[] => (raw ?? '').split(',').map((t) => t.trim()).filter(Boolean);

/** The plain-language verdict of every citizen text that has words in it. */
const feedbackOf = (values: Values) => Object.fromEntries(TEXT_FIELDS.filter((f) => (values[f] ?? '').trim()).map((f) => [f, checkText(values[f]!)]));

/**
 * Editing a change (title, kind, themes: editors and admins; summary, why and what — the citizen
 * texts — communicators too), its status, and its milestones. Every save shows the plain-language
 * check of the citizen texts; "Taalcheck zonder opslaan" shows it without saving.
 */
export const changeRoutes = (ctx: WebContext) => async (app: FastifyInstance) => {
  const { deps, baseUrl } = ctx;

  const loadChange = async (request: FastifyRequest, param = 'id'): Promise<Change> => {
    const id = idParam(request, 'change', param);
    return ownedBy(await findChange(deps, id), (c) => c.organizationId, organizationOf(request).id, 'change', id);
  };

  const renderChange = (request: FastifyRequest, reply: FastifyReply, change: Change | undefined, values: Values, errors: FieldError[], extra: { notice?: { type: 'ok' | 'info' | 'warning'; text: string }; conflict?: EditConflict } = {}) => {
    const organization = organizationOf(request);
    const canChain = hasRole(actorOf(request), organization.id, CHAIN_ROLES);
    const title = change ? `${change.title} bewerken` : 'Nieuwe verandering';
    const breadcrumbs = change ? changeCrumbs(organization, change, 'Bewerken') : [{ label: organization.name, href: editorUrls.dashboard(organization.slug) }, { label: title }];
    return sendForm(request, reply, baseUrl, { title, organization, breadcrumbs, errors, conflict: extra.conflict }, (csrf) => [
      ChangeForm({
        heading: title,
        action: change ? editorUrls.edit(organization.slug, 'change', change.id) : `${editorUrls.dashboard(organization.slug)}/veranderingen/nieuw`,
        cancelHref: change ? editorUrls.change(organization.slug, change.id) : editorUrls.dashboard(organization.slug),
        csrf,
        values,
        errors,
        canEditChain: canChain || !change,
        feedback: feedbackOf(values),
        notice: extra.notice,
        isNew: !change,
      }),
      change && canChain
        ? StatusForm({ action: `${editorUrls.change(organization.slug, change.id)}/status`, csrf, status: change.status, next: CHANGE_STATUSES.filter((s) => canMoveTo(change.status, s)) })
        : null,
    ]);
  };

  app.get('/:org/veranderingen/nieuw', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) =>
    renderChange(request, reply, undefined, { kind: 'policy' }, []),
  );

  app.post('/:org/veranderingen/nieuw', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) => {
    const values = valuesOf(request.body, CHANGE_FIELDS);
    const organization = organizationOf(request);
    if (values.actie === 'taalcheck') return renderChange(request, reply, undefined, values, [], { notice: { type: 'info', text: 'Nog niet opgeslagen. Hieronder ziet u de taalcheck.' } });
    try {
      const change = await createChange(deps, actorOf(request), organization.id, {
        title: values.title!,
        kind: values.kind as Change['kind'],
        summary: values.summary,
        why: values.why,
        what: values.what,
        themes: themesOf(values.themes),
      });
      return backToChange(reply, organization.slug, change.id);
    } catch (error) {
      const errors = fieldErrorsOf(error, CHANGE_LABELS, 'title');
      if (!errors) throw error;
      return renderChange(request, reply, undefined, values, errors);
    }
  });

  app.get('/:org/veranderingen/:id/bewerken', { preHandler: requireRole(deps, TEXT_ROLES) }, async (request, reply) => {
    const change = await loadChange(request);
    const saved = 'opgeslagen' in (request.query as object);
    return renderChange(request, reply, change, valuesOfChange(change), [], saved ? { notice: { type: 'ok', text: 'Opgeslagen. Hieronder ziet u de taalcheck van de teksten.' } } : {});
  });

  app.post('/:org/veranderingen/:id/bewerken', { preHandler: requireRole(deps, TEXT_ROLES) }, async (request, reply) => {
    const change = await loadChange(request);
    const organization = organizationOf(request);
    const values = valuesOf(request.body, CHANGE_FIELDS);
    const canChain = hasRole(actorOf(request), organization.id, CHAIN_ROLES);
    // Fields this role may not change are shown read-only and not taken from the form.
    if (!canChain) Object.assign(values, { title: change.title, kind: change.kind, themes: change.themes.join(', ') });
    if (values.actie === 'taalcheck') return renderChange(request, reply, change, values, [], { notice: { type: 'info', text: 'Nog niet opgeslagen. Hieronder ziet u de taalcheck.' } });
    try {
      const input = {
        summary: values.summary,
        why: values.why,
        what: values.what,
        ...(canChain ? { title: values.title, kind: values.kind as Change['kind'], themes: themesOf(values.themes) } : {}),
      };
      await updateChange(deps, actorOf(request), change.id, input, revisionOf(values));
      return reply.redirect(`${editorUrls.edit(organization.slug, 'change', change.id)}?opgeslagen`, 303);
    } catch (error) {
      // Someone else saved since this form was opened (editor/revision.ts): keep what was typed,
      // show what is stored, and let the next save go through. Never lose either text.
      if (isEditConflict(error)) {
        const stored = await loadChange(request);
        const stale = staleForm(values, valuesOfChange(stored), CHANGE_LABELS);
        return renderChange(request, reply, stored, stale.values, [], { conflict: stale.conflict });
      }
      const errors = fieldErrorsOf(error, CHANGE_LABELS, 'title');
      if (!errors) throw error;
      return renderChange(request, reply, change, values, errors);
    }
  });

  app.post('/:org/veranderingen/:id/status', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) => {
    const change = await loadChange(request);
    const { status } = valuesOf(request.body, ['status']);
    if (!CHANGE_STATUSES.includes(status as ChangeStatus)) {
      return renderChange(request, reply, change, valuesOfChange(change), [{ field: 'status', message: 'Kies een nieuwe status' }]);
    }
    await setChangeStatus(deps, actorOf(request), change.id, status as ChangeStatus);
    return backToChange(reply, organizationOf(request).slug, change.id);
  });

  const renderMilestone = (request: FastifyRequest, reply: FastifyReply, change: Change, milestone: Milestone | undefined, values: Values, errors: FieldError[], conflict?: EditConflict) => {
    const organization = organizationOf(request);
    const title = milestone ? 'Mijlpaal bewerken' : 'Nieuwe mijlpaal';
    return sendForm(request, reply, baseUrl, { title, organization, breadcrumbs: changeCrumbs(organization, change, title), errors, conflict }, (csrf) =>
      MilestoneForm({
        heading: `${title}: ${change.title}`,
        action: milestone ? editorUrls.edit(organization.slug, 'milestone', milestone.id) : editorUrls.add(organization.slug, 'change', change.id, 'milestone'),
        cancelHref: editorUrls.change(organization.slug, change.id),
        csrf,
        values,
        errors,
        isNew: !milestone,
      }),
    );
  };

  const milestoneInput = (values: Values, errors: FormErrors) => {
    const date = errors.date(values, 'date', 'de datum');
    if (date === null && !errors.list.some((e) => e.field === 'date')) errors.add('date', 'Vul de datum in');
    return { title: values.title ?? '', description: values.description ?? '', date: date ?? '', done: values.done === 'ja' };
  };

  const saveMilestone = async (request: FastifyRequest, reply: FastifyReply, change: Change, milestone: Milestone | undefined) => {
    const values = valuesOf(request.body, MILESTONE_FIELDS);
    const errors = new FormErrors();
    const input = milestoneInput(values, errors);
    if (!input.title.trim()) errors.add('title', 'Vul de titel in');
    if (errors.any) return renderMilestone(request, reply, change, milestone, values, errors.list);
    try {
      if (milestone) await updateMilestone(deps, actorOf(request), milestone.id, input, revisionOf(values));
      else await addMilestone(deps, actorOf(request), change.id, input);
      return backToChange(reply, organizationOf(request).slug, change.id, '#mijlpalen');
    } catch (error) {
      if (milestone && isEditConflict(error)) {
        const stale = staleForm(values, valuesOfMilestone((await loadMilestone(request)).milestone), MILESTONE_LABELS);
        return renderMilestone(request, reply, change, milestone, stale.values, [], stale.conflict);
      }
      const fieldErrors = fieldErrorsOf(error, MILESTONE_LABELS, 'title');
      if (!fieldErrors) throw error;
      return renderMilestone(request, reply, change, milestone, values, fieldErrors);
    }
  };

  app.get('/:org/veranderingen/:id/mijlpalen/nieuw', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) =>
    renderMilestone(request, reply, await loadChange(request), undefined, {}, []),
  );
  app.post('/:org/veranderingen/:id/mijlpalen/nieuw', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) =>
    saveMilestone(request, reply, await loadChange(request), undefined),
  );

  const loadMilestone = async (request: FastifyRequest): Promise<{ milestone: Milestone; change: Change }> => {
    const id = idParam(request, 'milestone');
    const milestone = await findMilestone(deps, id);
    const change = milestone && (await findChange(deps, milestone.changeId));
    await ownedBy(change, (c) => c.organizationId, organizationOf(request).id, 'milestone', id);
    return { milestone: milestone!, change: change! };
  };

  app.get('/:org/mijlpalen/:id/bewerken', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) => {
    const { milestone, change } = await loadMilestone(request);
    return renderMilestone(request, reply, change, milestone, valuesOfMilestone(milestone), []);
  });
  app.post('/:org/mijlpalen/:id/bewerken', { preHandler: requireRole(deps, CHAIN_ROLES) }, async (request, reply) => {
    const { milestone, change } = await loadMilestone(request);
    return saveMilestone(request, reply, change, milestone);
  });
};
