import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findChange, findChangeBySlug } from '../../modules/changes';
import { listGroups, selectImpacts } from '../../modules/groups';
import { confirmSubscriptions, getManagePage, requestSubscription, unsubscribe, unsubscribeAll, type SubscribeForm } from '../../modules/notifications';
import type { Organization } from '../../modules/organizations';
import { issueFormToken } from '../../modules/polls';
import { findOrganizationOfPath } from './data';
import { followPath, renderFollowForm, renderFollowMessage, renderManagePage, type FollowFormProps } from './pages/follow';
import type { FieldError } from './pages/voice-forms';
import { isSlug } from './query';
import { orgPath, viewOf, type View } from './site';
import { clientOf, field, fromOurSite, refusalOf, RETRY_AFTER_SECONDS, TOKEN_REASONS, type Refusal } from './voice';
import type { VoiceKit } from './voice-kit';

type OrgParams = { org: string };
type TokenParams = { org: string; token: string };

/** Repeated form fields (checkboxes) as a list of strings; one value or none alike. */
const listField = (body: unknown, name: string): string[] => {
  const v = (body as Record<string, unknown> | null | undefined)?.[name];
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x !== '');
};

/**
 * Following by mail on the portal (issue 10): the subscribe forms (per change and per
 * organization/group), one answer page that reveals nothing about who subscribed, and the pages
 * behind the signed links in mails — confirm, one-click unsubscribe (RFC 8058: a POST to the
 * link, as mail programs send it, needs no other check) and manage.
 */
export const followRoutes = (app: FastifyInstance, kit: VoiceKit): void => {
  const { deps, site, langOf, personal } = kit;

  const findOrg = (slug: string): Promise<Organization | undefined> => findOrganizationOfPath(deps, slug);
  const notFound = (request: FastifyRequest, reply: FastifyReply, view: View) => kit.notFound(request, reply, view);

  /** The groups a form offers: those the change touches, or every group of the organization. */
  const groupsFor = async (organization: Organization, changeId?: string) => {
    const groups = await listGroups(deps, organization.id);
    if (!changeId) return groups.map((g) => ({ id: g.id, name: g.name }));
    const touched = new Set((await selectImpacts(deps.db, { changeIds: [changeId] })).map((i) => i.groupId as string));
    return groups.filter((g) => touched.has(g.id)).map((g) => ({ id: g.id, name: g.name }));
  };

  const form = async (view: View, organization: Organization, changeSlug: string | undefined, values: FollowFormProps['values'], errors: FieldError[]) => {
    const change = changeSlug ? await findChangeBySlug(deps, organization.id, changeSlug) : undefined;
    if (changeSlug && !change?.publishedAt) return undefined;
    const token = issueFormToken(deps, 'subscribe', organization.id).token;
    return renderFollowForm(view, { organization, ...(change ? { change } : {}), groups: await groupsFor(organization, change?.id), token, values, errors });
  };

  app.get<{ Params: OrgParams }>('/:org/volgen', async (request, reply) => {
    const view = viewOf(site, langOf(request.query));
    const organization = await findOrg(request.params.org);
    const body = organization && (await form(view, organization, undefined, {}, []));
    return body ? personal(request, reply, 200, body) : notFound(request, reply, view);
  });

  app.get<{ Params: OrgParams & { change: string } }>('/:org/veranderingen/:change/volgen', async (request, reply) => {
    const view = viewOf(site, langOf(request.query));
    const organization = await findOrg(request.params.org);
    const body = organization && isSlug(request.params.change) && (await form(view, organization, request.params.change, {}, []));
    return body ? personal(request, reply, 200, body) : notFound(request, reply, view);
  });

  const errorsOf = (refusal: Refusal): FieldError[] => {
    if (refusal.reason === 'too_fast') return [{ target: 'veld-email', field: 'form', message: 'U was erg snel. Wacht een paar seconden en verstuur het opnieuw.' }];
    if (TOKEN_REASONS.includes(refusal.reason)) return [{ target: 'veld-email', field: 'form', message: 'Het formulier is verlopen. Verstuur het opnieuw.' }];
    if (refusal.fields.includes('email')) return [{ target: 'veld-email', field: 'email', message: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.' }];
    return [{ target: 'veld-email', field: 'form', message: 'Er ging iets mis met het formulier. Probeer het opnieuw.' }];
  };

  // The id of a change is in the form; its slug is what the form page needs.
  const findChangeSlug = async (organizationId: string, changeId: string): Promise<string | undefined> => {
    const change = /^[0-9a-f-]{36}$/i.test(changeId) ? await findChange(deps, changeId) : undefined;
    return change?.organizationId === organizationId ? change.slug : undefined;
  };

  app.post<{ Params: OrgParams }>('/:org/volgen', async (request, reply) => {
    const view = viewOf(site, langOf(request.query));
    const organization = await findOrg(request.params.org);
    if (!organization) return notFound(request, reply, view);
    const body = request.body;
    const groupIds = listField(body, 'groupIds');
    const changeId = field(body, 'changeId');
    const scope = field(body, 'scope') === 'change' ? 'change' : groupIds.length > 0 ? 'group' : 'organization';
    const input: SubscribeForm = { email: field(body, 'email') ?? '', scope, groupIds, frequency: field(body, 'frequency') === 'weekly' ? 'weekly' : 'immediate', token: field(body, 'token'), website: field(body, 'website') };
    if (changeId) input.changeId = changeId;
    const refuse = async (status: number, errors: FieldError[]) => {
      const change = scope === 'change' && changeId ? (await findChangeSlug(organization.id, changeId)) : undefined;
      const page = await form(view, organization, change, { email: input.email, groupIds, frequency: input.frequency }, errors);
      return page ? personal(request, reply, status, page) : notFound(request, reply, view);
    };
    if (!fromOurSite(request, kit.baseUrl)) return refuse(403, [{ target: 'veld-email', field: 'form', message: 'Dit formulier kwam van een andere website. Vul het hier opnieuw in.' }]);
    try {
      await requestSubscription(deps, organization.id, input, await clientOf(deps, request));
    } catch (error) {
      const refusal = refusalOf(error);
      request.log.info({ event: 'citizen_voice.rejected', kind: 'subscribe', reason: refusal.reason ?? refusal.code }, 'citizen write refused');
      if (refusal.code === 'not_found') return notFound(request, reply, view);
      if (refusal.code === 'rate_limited') {
        reply.header('retry-after', String(RETRY_AFTER_SECONDS));
        return personal(request, reply, 429, renderFollowMessage(view, { organization, path: followPath(organization.slug), title: 'Te vaak geprobeerd', lines: ['U heeft dit te vaak gedaan. Probeer het later opnieuw.'] }));
      }
      return refuse(422, errorsOf(refusal));
    }
    return reply.redirect(view.href(`${followPath(organization.slug)}/verstuurd`), 303);
  });

  app.get<{ Params: OrgParams }>('/:org/volgen/verstuurd', async (request, reply) => {
    const view = viewOf(site, langOf(request.query));
    const organization = await findOrg(request.params.org);
    if (!organization) return notFound(request, reply, view);
    return personal(
      request,
      reply,
      200,
      renderFollowMessage(view, {
        organization,
        path: `${followPath(organization.slug)}/verstuurd`,
        title: 'Kijk in uw mailbox',
        lines: [
          'Als dit adres nog geen berichten krijgt, sturen wij u een mail met een link.',
          'Klik op die link om te bevestigen. Pas dan krijgt u berichten. De link werkt drie dagen.',
          'Geen mail gekregen? Kijk ook bij de ongewenste mail.',
        ],
        links: [{ label: `Terug naar ${organization.name}`, href: view.href(orgPath(organization.slug)) }],
      }),
    );
  });

  app.get<{ Params: TokenParams }>('/:org/volgen/bevestigen/:token', async (request, reply) => {
    const view = viewOf(site, langOf(request.query));
    const organization = await findOrg(request.params.org);
    if (!organization) return notFound(request, reply, view);
    // A page with a button, not a confirmation on GET: mail scanners open links, people click buttons.
    return personal(
      request,
      reply,
      200,
      renderFollowMessage(view, {
        organization,
        path: `${followPath(organization.slug)}/bevestigen/${request.params.token}`,
        title: 'Bevestig uw aanmelding',
        lines: ['Klik op de knop. Dan krijgt u vanaf nu berichten.'],
        form: { action: view.href(`${followPath(organization.slug)}/bevestigen/${request.params.token}`), button: 'Ja, stuur mij berichten' },
      }),
    );
  });

  app.post<{ Params: TokenParams }>('/:org/volgen/bevestigen/:token', async (request, reply) => {
    const view = viewOf(site, langOf(request.query));
    const organization = await findOrg(request.params.org);
    if (!organization) return notFound(request, reply, view);
    const result = await confirmSubscriptions(deps, request.params.token);
    const path = `${followPath(organization.slug)}/bevestigen/${request.params.token}`;
    const links = result.manage ? [{ label: 'Bekijk wat u volgt', href: view.href(`${followPath(organization.slug)}/beheer/${result.manage}`) }] : [];
    return personal(
      request,
      reply,
      result.confirmed > 0 || result.manage ? 200 : 404,
      result.confirmed > 0
        ? renderFollowMessage(view, { organization, path, title: 'U krijgt nu berichten', lines: ['Dank u wel. Uw aanmelding is bevestigd.', 'In elke mail staat een link om te stoppen.'], links })
        : renderFollowMessage(view, { organization, path, title: 'Deze link werkt niet meer', lines: ['Misschien heeft u al bevestigd. Of de link is ouder dan drie dagen. Meld u dan opnieuw aan.'], links: [...links, { label: 'Opnieuw aanmelden', href: view.href(followPath(organization.slug)) }] }),
    );
  });

  const unsubscribePage = (view: View, organization: Organization, token: string) =>
    renderFollowMessage(view, {
      organization,
      path: `${followPath(organization.slug)}/afmelden/${token}`,
      title: 'Stoppen met deze berichten',
      lines: ['Klik op de knop. Dan krijgt u over dit onderwerp geen mail meer.'],
      form: { action: view.href(`${followPath(organization.slug)}/afmelden/${token}`), button: 'Stop met deze berichten' },
    });

  app.get<{ Params: TokenParams }>('/:org/volgen/afmelden/:token', async (request, reply) => {
    const view = viewOf(site, langOf(request.query));
    const organization = await findOrg(request.params.org);
    if (!organization) return notFound(request, reply, view);
    return personal(request, reply, 200, unsubscribePage(view, organization, request.params.token));
  });

  app.post<{ Params: TokenParams }>('/:org/volgen/afmelden/:token', async (request, reply) => {
    const view = viewOf(site, langOf(request.query));
    const organization = await findOrg(request.params.org);
    if (!organization) return notFound(request, reply, view);
    const result = await unsubscribe(deps, request.params.token);
    if (!result) return notFound(request, reply, view);
    const links = result.manage ? [{ label: 'Bekijk wat u nog volgt', href: view.href(`${followPath(organization.slug)}/beheer/${result.manage}`) }] : [];
    return personal(
      request,
      reply,
      200,
      renderFollowMessage(view, {
        organization,
        path: `${followPath(organization.slug)}/afmelden/${request.params.token}`,
        title: 'U bent afgemeld',
        lines: result.manage ? ['U krijgt hierover geen mail meer.'] : ['U krijgt hierover geen mail meer. U volgt niets meer, dus wij hebben uw e-mailadres gewist.'],
        links: [...links, { label: `Terug naar ${organization.name}`, href: view.href(orgPath(organization.slug)) }],
      }),
    );
  });

  app.get<{ Params: TokenParams }>('/:org/volgen/beheer/:token', async (request, reply) => {
    const view = viewOf(site, langOf(request.query));
    const organization = await findOrg(request.params.org);
    const page = organization && (await getManagePage(deps, request.params.token));
    if (!organization || !page || page.subscriber.organizationId !== organization.id) {
      return personal(request, reply, 404, renderFollowMessage(view, organization ? { organization, path: followPath(request.params.org), title: 'Deze link werkt niet', lines: ['U volgt via dit adres niets meer. Of de link is niet goed overgenomen.'] } : { organization: { name: '', slug: '' } as Organization, path: '/', title: 'Niet gevonden', lines: [] }));
    }
    const path = `${followPath(organization.slug)}/beheer/${request.params.token}`;
    return personal(request, reply, 200, renderManagePage(view, { organization, path, email: page.subscriber.email, items: page.items, unsubscribeHref: (t) => view.href(`${followPath(organization.slug)}/afmelden/${t}`) }));
  });

  // "Stop everything": the digest's List-Unsubscribe target too (RFC 8058 POST).
  app.post<{ Params: TokenParams }>('/:org/volgen/beheer/:token/afmelden', async (request, reply) => {
    const view = viewOf(site, langOf(request.query));
    const organization = await findOrg(request.params.org);
    if (!organization || !(await unsubscribeAll(deps, request.params.token))) return notFound(request, reply, view);
    return personal(
      request,
      reply,
      200,
      renderFollowMessage(view, {
        organization,
        path: `${followPath(organization.slug)}/beheer/${request.params.token}/afmelden`,
        title: 'U bent afgemeld',
        lines: ['U krijgt geen berichten meer. Wij hebben uw e-mailadres gewist.'],
        links: [{ label: `Terug naar ${organization.name}`, href: view.href(orgPath(organization.slug)) }],
      }),
    );
  });
};
