import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../core';
import { deleteSubscriber, exportSubscriber, getNotificationSettings, getOutbox, getSubscriberCounts, retryDelivery, setNotificationSettings } from '../../../modules/notifications';
import { can } from '../../../modules/users';
import type { WebContext } from '../../context';
import { actorOf, organizationOf, requireRole } from '../../http/auth';
import { TEXT_ROLES } from '../access';
import { valuesOf } from '../forms';
import { sendPage } from '../render';
import { editorUrls } from '../urls';
import type { FieldError } from '../views/form';
import { NotificationsPage, notificationsUrl } from '../views/notifications';

const NOTICES: Record<string, string> = {
  opgeslagen: 'De instellingen zijn opgeslagen.',
  opnieuw: 'De mail staat weer in de wachtrij.',
  gewist: 'Alle gegevens van deze volger zijn gewist.',
  onbekend: 'Dit adres volgt niets bij deze organisatie.',
};

/**
 * Mail to residents in the editor (issue 10): followers per change and group (numbers only), the
 * outbox with failed mails and a retry button, the sender address and digest day (admins), and
 * an admin's export or deletion of one follower's data. Addresses show in full to admins only.
 */
export const notificationRoutes = (ctx: WebContext) => async (app: FastifyInstance) => {
  const { deps, baseUrl } = ctx;
  const guard = { preHandler: requireRole(deps, TEXT_ROLES) };
  const adminGuard = { preHandler: requireRole(deps, ['admin']) };

  const render = async (request: FastifyRequest, reply: FastifyReply, options: { errors?: FieldError[]; settingsValues?: Record<string, string | undefined>; status?: number } = {}) => {
    const organization = organizationOf(request);
    const actor = actorOf(request);
    const query = (request.query ?? {}) as Record<string, unknown>;
    const failedOnly = query.mislukt === '1';
    const errors = options.errors ?? [];
    const props = {
      organization,
      isAdmin: can(actor, 'settings.manage', organization.id),
      settings: await getNotificationSettings(deps, organization.id),
      settingsValues: options.settingsValues,
      counts: await getSubscriberCounts(deps, actor, organization.id),
      outbox: await getOutbox(deps, actor, organization.id, { failedOnly }),
      failedOnly,
      errors,
      notice: typeof query.klaar === 'string' ? NOTICES[query.klaar] : undefined,
      smtp: Boolean(ctx.mail?.smtp),
    };
    const breadcrumbs = [{ label: organization.name, href: editorUrls.dashboard(organization.slug) }, { label: 'Berichten aan inwoners' }];
    return sendPage(request, reply, baseUrl, { title: 'Berichten aan inwoners', organization, breadcrumbs, hasErrors: errors.length > 0, status: options.status ?? (errors.length > 0 ? 422 : 200) }, (csrf) => NotificationsPage({ ...props, csrf }));
  };

  app.get('/:org/meldingen', guard, (request, reply) => render(request, reply));

  app.post('/:org/meldingen/instellingen', adminGuard, async (request, reply) => {
    const organization = organizationOf(request);
    const values = valuesOf(request.body, ['senderAddress', 'digestDay']);
    try {
      await setNotificationSettings(deps, actorOf(request), organization.id, { senderAddress: values.senderAddress ?? '', digestDay: Number(values.digestDay) });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      return render(request, reply, { errors: [{ field: 'senderAddress', message: 'Vul een geldig e-mailadres in als afzender' }], settingsValues: values });
    }
    return reply.redirect(`${notificationsUrl(organization.slug)}?klaar=opgeslagen`, 303);
  });

  app.post('/:org/meldingen/:id/opnieuw', guard, async (request, reply) => {
    const organization = organizationOf(request);
    const id = String((request.params as { id: string }).id).slice(0, 200);
    await retryDelivery(deps, actorOf(request), organization.id, id);
    return reply.redirect(`${notificationsUrl(organization.slug)}?klaar=opnieuw`, 303);
  });

  app.post('/:org/meldingen/volger', adminGuard, async (request, reply) => {
    const organization = organizationOf(request);
    const { email, action } = valuesOf(request.body, ['email', 'action']);
    if (!email || !email.includes('@')) return render(request, reply, { errors: [{ field: 'email', message: 'Vul het e-mailadres van de volger in' }] });
    const actor = actorOf(request);
    if (action === 'delete') {
      const deleted = await deleteSubscriber(deps, actor, organization.id, email);
      return reply.redirect(`${notificationsUrl(organization.slug)}?klaar=${deleted ? 'gewist' : 'onbekend'}`, 303);
    }
    const data = await exportSubscriber(deps, actor, organization.id, email);
    if (!data) return reply.redirect(`${notificationsUrl(organization.slug)}?klaar=onbekend`, 303);
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="volger.json"')
      .send(JSON.stringify(data, null, 2));
  });
};
