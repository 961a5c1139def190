import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, type Actor } from '../../../core';
import { listOrganizations } from '../../../modules/organizations';
import {
  confirmTotpEnrolment,
  createApiToken,
  groupSecret,
  listApiTokens,
  listMemberships,
  pendingTotpEnrolment,
  promoteSession,
  requiresTotp,
  revokeApiToken,
  ROLE_LABELS,
  SCOPE_LABELS,
  scopesAllowed,
  startTotpEnrolment,
  type SessionSettings,
} from '../../../modules/users';
import type { WebContext } from '../../context';
import { enrollingActorOf, actorOf } from '../../http/auth';
import { renewCsrfSecret } from '../../http/csrf';
import { sessionTokenOf, setSessionCookie } from '../../http/session';
import { field, fields, sendPage } from '../render';
import { editorUrls } from '../urls';
import { AccountPage, type AccountProps } from '../views/account';
import { toFieldErrors } from '../views/form';

type Extra = Pick<AccountProps, 'newToken' | 'errors' | 'values'>;

/** The account page: TOTP enrolment (also the only page of an admin's `enrol` session) and API tokens. */
export const accountRoutes = (ctx: WebContext, settings: SessionSettings) => async (app: FastifyInstance) => {
  const { deps, baseUrl } = ctx;

  const render = async (request: FastifyRequest, reply: FastifyReply, actor: Actor, extra: Extra = {}, status = 200) => {
    const auth = request.auth!;
    const [memberships, organizations, pending] = await Promise.all([listMemberships(deps, auth.user.id), listOrganizations(deps), pendingTotpEnrolment(deps, actor)]);
    const nameOf = new Map(organizations.map((o) => [o.id as string, o.name]));
    const enrolOnly = auth.session.stage === 'enrol';
    const tokens = enrolOnly ? [] : await listApiTokens(deps, actor);
    const mine = [...new Set(memberships.map((m) => m.organizationId as string))];
    return sendPage(request, reply, baseUrl, { title: 'Uw account', status, hasErrors: Boolean(extra.errors?.length) }, (csrf) =>
      AccountPage({
        csrf,
        name: auth.user.name,
        email: auth.user.email,
        memberships: memberships.map((m) => ({ organization: nameOf.get(m.organizationId) ?? m.organizationId, role: ROLE_LABELS[m.role] })),
        totp: { enabled: auth.user.totpEnabled, pending: pending && { ...pending, grouped: groupSecret(pending.secret) }, required: requiresTotp(memberships) },
        enrolOnly,
        tokens: tokens.map((t) => ({ ...t, organization: nameOf.get(t.organizationId) ?? t.organizationId, revoked: t.revokedAt !== null })),
        organizations: mine.map((id) => ({ id, name: nameOf.get(id) ?? id })),
        scopes: scopesAllowed(memberships.map((m) => m.role)).map((s) => ({ value: s, label: SCOPE_LABELS[s] })),
        ...extra,
      }),
    );
  };

  app.get('/account', async (request, reply) => render(request, reply, enrollingActorOf(request)));

  app.post('/account/tweestapsverificatie', async (request, reply) => {
    await startTotpEnrolment(deps, enrollingActorOf(request));
    return reply.redirect(`${editorUrls.account()}#tweestapsverificatie`, 303);
  });

  app.post('/account/tweestapsverificatie/bevestigen', async (request, reply) => {
    const actor = enrollingActorOf(request);
    try {
      await confirmTotpEnrolment(deps, actor, { code: field(request.body, 'code') });
    } catch (error) {
      if (isAppError(error) && error.code === 'validation_failed') return render(request, reply, actor, { errors: toFieldErrors(error.issues, 'code') }, 422);
      throw error;
    }
    // An admin's enrolment session becomes a full session, under a new id.
    const token = sessionTokenOf(request);
    if (request.auth?.session.stage === 'enrol' && token) {
      const step = await promoteSession(deps, token, settings);
      setSessionCookie(reply, step.token);
      renewCsrfSecret(request, reply);
      return reply.redirect(editorUrls.home(), 303);
    }
    return reply.redirect(`${editorUrls.account()}#tweestapsverificatie`, 303);
  });

  app.post('/account/sleutels', async (request, reply) => {
    const actor = actorOf(request);
    const values = { name: field(request.body, 'name'), organizationId: field(request.body, 'organizationId'), scopes: fields(request.body, 'scopes') };
    try {
      const { token } = await createApiToken(deps, actor, { ...values, scopes: values.scopes as never });
      return render(request, reply, actor, { newToken: token }, 201);
    } catch (error) {
      if (isAppError(error) && error.code === 'validation_failed') return render(request, reply, actor, { errors: toFieldErrors(error.issues, 'name'), values }, 422);
      throw error;
    }
  });

  app.post('/account/sleutels/:id/intrekken', async (request, reply) => {
    await revokeApiToken(deps, actorOf(request), (request.params as { id: string }).id);
    return reply.redirect(`${editorUrls.account()}#sleutels`, 303);
  });
};
