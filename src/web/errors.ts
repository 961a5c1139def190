import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isAppError, type ErrorCode, type FieldIssue } from '../core';
import { isRequestValidationError } from './http/validation';
import { DUTCH_MESSAGES } from './messages';

/**
 * THE table from error code to HTTP status (STYLE.md: exactly one place maps codes to HTTP).
 * Dutch titles first: they are what a citizen or civil servant reads. `detail` is the sentence a
 * problem document carries when the error itself has nothing more precise to say in that language.
 */
export const ERROR_TABLE: Record<ErrorCode, { status: number; nl: string; en: string; detail: { nl: string; en: string } }> = {
  not_found: { status: 404, nl: 'Niet gevonden', en: 'Not found', detail: { nl: 'Wat u zoekt bestaat niet, of u mag het niet zien.', en: 'What you asked for does not exist, or you may not see it.' } },
  forbidden: { status: 403, nl: 'Geen toegang', en: 'Forbidden', detail: { nl: 'U mag dit niet doen.', en: 'You may not do this.' } },
  unauthorized: { status: 401, nl: 'Inloggen nodig', en: 'Unauthorized', detail: { nl: 'Hiervoor is een geldige API-sleutel nodig.', en: 'This needs a valid API token.' } },
  conflict: { status: 409, nl: 'Conflict met bestaande gegevens', en: 'Conflict', detail: { nl: 'Dit botst met wat er al is opgeslagen.', en: 'This conflicts with what is already stored.' } },
  // Optimistic concurrency (core/revision.ts): the write was based on a revision that is no longer
  // stored (If-Match did not match, RFC 9110 13.1.1), or an edit came without saying which it read.
  edit_conflict: { status: 412, nl: 'Iemand anders heeft dit intussen gewijzigd', en: 'Precondition failed: changed by someone else', detail: { nl: 'Iemand anders heeft dit gewijzigd nadat u het las. Lees het opnieuw en stuur uw wijziging opnieuw.', en: 'Someone else changed this after you read it. Read it again and send your change again.' } },
  precondition_required: { status: 428, nl: 'Zeg welke versie u bewerkt (If-Match)', en: 'Precondition required: send If-Match', detail: { nl: 'Stuur If-Match mee met de ETag van wat u las.', en: 'Send If-Match with the ETag of what you read.' } },
  invalid_state: { status: 409, nl: 'Dit kan niet in de huidige stand', en: 'Invalid state', detail: { nl: 'Dit kan niet in de stand waarin het nu is.', en: 'This is not possible in its current state.' } },
  validation_failed: { status: 422, nl: 'De invoer klopt niet', en: 'Validation failed', detail: { nl: 'De invoer klopt niet.', en: 'The input is not valid.' } },
  rate_limited: { status: 429, nl: 'Te veel verzoeken, probeer het later opnieuw', en: 'Too many requests', detail: { nl: 'Te veel verzoeken; probeer het later opnieuw.', en: 'Too many requests; try again later.' } },
  unavailable: { status: 503, nl: 'Tijdelijk niet beschikbaar', en: 'Temporarily unavailable', detail: { nl: 'De database is tijdelijk niet bereikbaar. Probeer het over een paar seconden opnieuw.', en: 'The database cannot be reached right now. Try again in a moment.' } },
  internal: { status: 500, nl: 'Er ging iets mis aan onze kant', en: 'Internal error', detail: { nl: 'Er ging iets mis. Probeer het later opnieuw.', en: 'Something went wrong. Try again later.' } },
};

/** The languages of problem documents: Dutch unless the client asks for English. */
export type ProblemLanguage = 'nl' | 'en';

/**
 * Retry-After (RFC 9110 10.2.3) per code, sent with every response of that code (API, portal,
 * editor): a storage outage, a timeout or a full disk is worth retrying after a few seconds.
 */
export const RETRY_AFTER_SECONDS: Partial<Record<ErrorCode, number>> = { unavailable: 5 };

/** Sets the headers a problem's code asks for (Retry-After); every error renderer calls this. */
export const setProblemHeaders = (reply: FastifyReply, code: ErrorCode): void => {
  const retry = RETRY_AFTER_SECONDS[code];
  if (retry === undefined) return;
  if (!reply.hasHeader('retry-after')) reply.header('retry-after', String(retry));
  // A shared cache must not keep serving the outage page after the outage.
  reply.header('cache-control', 'no-store');
};

/** Whether an error is already logged where it arose (storage logs its faults once per burst, not per request). */
export const loggedAtSource = (problem: Problem): boolean => problem.code === 'unavailable';

/** An RFC 9457 problem document with Helder's stable `code`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  issues: FieldIssue[];
  /** The detail in each language when it is known in both (`sendProblem` picks one). */
  details?: { nl: string; en: string };
}

/** What a problem document says on the wire: one language throughout. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  issues: { path: string; message: string }[];
}

/**
 * A problem of `code`. Give the detail in both languages (`{ nl, en }`) whenever you can: a string
 * is taken as Dutch, and an English client then gets the code's general English sentence.
 */
export const problemOf = (code: ErrorCode, detail: string | { nl: string; en: string }, issues: FieldIssue[] = []): Problem => {
  const entry = ERROR_TABLE[code];
  const both = typeof detail === 'string' ? undefined : detail;
  return { type: `urn:helder:problem:${code}`, title: entry.nl, status: entry.status, code, detail: both ? both.nl : (detail as string), issues, ...(both ? { details: both } : {}) };
};

// Names of the entities `notFound(entity, id)` reports, so a 404 can say what was missing in Dutch.
const ENTITY_NL: Record<string, string> = {
  change: 'wijziging',
  goal: 'doel',
  measure: 'maatregel',
  decision: 'besluit',
  group: 'groep',
  organization: 'organisatie',
  milestone: 'mijlpaal',
  reaction: 'reactie',
  poll: 'peiling',
  measurement: 'meting',
};

/** What a storage fault (storage/faults.ts, `details.fault`) means, in Dutch; the English is the error's message. */
const UNAVAILABLE_NL: Record<string, string> = {
  connection: 'De database is tijdelijk niet bereikbaar. Probeer het over een paar seconden opnieuw.',
  timeout: 'De database antwoordde niet op tijd. Probeer het over een paar seconden opnieuw.',
  busy: 'De database is bezet. Probeer het over een paar seconden opnieuw.',
  disk_full: 'Er kan nu niets worden opgeslagen: de opslag van de database is vol. Lezen werkt nog wel.',
  read_only: 'Er kan nu niets worden opgeslagen: de database is alleen-lezen. Lezen werkt nog wel.',
  io: 'Er kan nu niets worden opgeslagen: de database kan niet naar haar opslag schrijven. Lezen werkt nog wel.',
  shutdown: 'Helder wordt gestopt. Probeer het over een paar seconden opnieuw.',
};

/** An issue's message in one language: zod's own in that language, a schema's own translated to Dutch. */
const messageIn = (issue: FieldIssue, lang: ProblemLanguage): string => {
  const own = Object.hasOwn(DUTCH_MESSAGES, issue.message) ? DUTCH_MESSAGES[issue.message] : undefined;
  if (lang === 'nl' && own) return own;
  return issue.messages?.[lang] ?? issue.message;
};

/** The detail in both languages, from what the error knows (entity and id, field issues). */
const detailsOf = (code: ErrorCode, message: string, issues: FieldIssue[], facts: Record<string, unknown>): { nl: string; en: string } => {
  const generic = ERROR_TABLE[code].detail;
  const first = issues[0];
  if (first) {
    const more = issues.length > 1 ? { nl: ` (en ${issues.length - 1} meer)`, en: ` (and ${issues.length - 1} more)` } : { nl: '', en: '' };
    const at = first.path || 'input';
    return {
      nl: `${generic.nl} ${at}: ${messageIn(first, 'nl')}${more.nl}`,
      en: code === 'validation_failed' ? `${generic.en} ${at}: ${messageIn(first, 'en')}${more.en}` : message,
    };
  }
  if (code === 'not_found' && typeof facts.entity === 'string' && typeof facts.id === 'string') {
    const entity = ENTITY_NL[facts.entity];
    return { nl: entity ? `De ${entity} ${facts.id} bestaat niet, of u mag hem niet zien.` : generic.nl, en: message };
  }
  if (code === 'unavailable' && typeof facts.fault === 'string' && UNAVAILABLE_NL[facts.fault]) return { nl: UNAVAILABLE_NL[facts.fault]!, en: message };
  // The code's own messages are written for developers, in English (core/errors.ts).
  return { nl: generic.nl, en: message };
};

const isBilingual = (value: unknown): value is { nl: string; en: string } =>
  typeof value === 'object' && value !== null && typeof (value as { nl?: unknown }).nl === 'string' && typeof (value as { en?: unknown }).en === 'string';

// Fastify's own 4xx (body parsing, limits) come with English messages only; these say it in Dutch.
const HTTP_DETAILS: Record<number, string> = {
  400: 'Het verzoek klopt niet (bijvoorbeeld: de JSON is ongeldig).',
  413: 'De inhoud van het verzoek is te groot.',
  414: 'Het adres is te lang.',
  415: 'Dit soort inhoud wordt niet ondersteund: stuur application/json.',
};

/** Maps anything thrown to a problem: AppError by code, request validation to 400, the rest to 500. */
export const toProblem = (error: unknown): Problem => {
  if (isAppError(error)) {
    return { ...problemOf(error.code, error.message, error.issues), details: detailsOf(error.code, error.message, error.issues, error.details) };
  }
  if (isRequestValidationError(error)) {
    const issues = error.issues.map((i) => ({ ...i, path: i.path || (error.validationContext ?? 'request') }));
    const base = problemOf('validation_failed', 'De verzoekparameters kloppen niet.', issues);
    const first = issues[0];
    const tail = first ? { nl: ` ${first.path}: ${messageIn(first, 'nl')}`, en: ` ${first.path}: ${messageIn(first, 'en')}` } : { nl: '', en: '' };
    return { ...base, status: 400, details: { nl: `De verzoekparameters kloppen niet.${tail.nl}`, en: `The request parameters are not valid.${tail.en}` } };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      path: [v.instancePath.replace(/^\//, '').replace(/\//g, '.'), ...((v.params as { issue?: { path?: unknown[] } })?.issue?.path ?? []).map(String)].filter(Boolean).join('.') || String(error.validationContext ?? 'request'),
      message: v.message ?? 'invalid',
    }));
    return { ...problemOf('validation_failed', 'De verzoekparameters kloppen niet.', issues), status: 400 };
  }
  const fe = error as Partial<FastifyError> & { details?: unknown };
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code: ErrorCode = fe.statusCode === 404 ? 'not_found' : fe.statusCode === 429 ? 'rate_limited' : 'validation_failed';
    const message = fe.message ?? 'bad request';
    const details = isBilingual(fe.details) ? fe.details : { nl: HTTP_DETAILS[fe.statusCode] ?? ERROR_TABLE[code].detail.nl, en: message };
    return { ...problemOf(code, details), status: fe.statusCode };
  }
  return { ...problemOf('internal', 'Er ging iets mis. Probeer het later opnieuw.'), details: ERROR_TABLE.internal.detail };
};

/**
 * The language of a problem document: `?lang=en` or an `Accept-Language` that prefers English over
 * Dutch; Dutch otherwise (the default of every surface).
 */
export const problemLanguageOf = (request: FastifyRequest): ProblemLanguage => {
  const query = request.query as Record<string, unknown> | undefined;
  if (query?.lang === 'en' || query?.lang === 'nl') return query.lang;
  const header = request.headers['accept-language'];
  if (typeof header !== 'string' || header === '') return 'nl';
  let best: { lang: ProblemLanguage; q: number } = { lang: 'nl', q: 0 };
  for (const part of header.split(',')) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    const primary = range.split('-')[0];
    const lang = primary === 'en' ? 'en' : primary === 'nl' ? 'nl' : undefined;
    // A tie keeps the earlier range: the client listed it first.
    if (lang && Number.isFinite(q) && q > best.q) best = { lang, q };
  }
  return best.lang;
};

/** The problem as sent in one language: title, detail and every issue message in that language. */
export const problemBodyOf = (problem: Problem, lang: ProblemLanguage): ProblemBody => ({
  type: problem.type,
  title: ERROR_TABLE[problem.code][lang],
  status: problem.status,
  code: problem.code,
  detail: problem.details?.[lang] ?? (lang === 'nl' ? problem.detail : ERROR_TABLE[problem.code].detail.en),
  issues: problem.issues.map((i) => ({ path: i.path, message: messageIn(i, lang) })),
});

/** Renders a problem as JSON (API and non-HTML clients) or hands it to an HTML renderer. */
export const sendProblem = (
  request: FastifyRequest,
  reply: FastifyReply,
  problem: Problem,
  html?: (problem: Problem, request: FastifyRequest) => string,
): FastifyReply => {
  reply.status(problem.status);
  setProblemHeaders(reply, problem.code);
  const wantsHtml = html && !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
  if (wantsHtml) return reply.type('text/html; charset=utf-8').send(html(problem, request));
  const lang = problemLanguageOf(request);
  return reply
    .type('application/problem+json; charset=utf-8')
    .header('content-language', lang)
    .header('vary', 'Accept-Language')
    .send(problemBodyOf(problem, lang));
};
