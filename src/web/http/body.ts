import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isPlainText } from '../../core';
import { sendProblem, toProblem } from '../errors';

/**
 * What a request body may be, in one place (docs/api-write.md, "Input rules"): JSON bodies are
 * UTF-8 (invalid bytes are 400, never silently U+FFFD), nested at most `MAX_JSON_DEPTH` deep, free of
 * `__proto__`/`constructor.prototype` keys; form bodies are percent-encoded UTF-8; anything else
 * (text/plain, XML, …) is 415, because no route reads it. A URL with a control character is 400
 * before any route sees it: `%00` would reach a PostgreSQL query as a NUL.
 */

/** Deepest nesting of arrays and objects a JSON body may have; Helder's deepest body uses 3. */
export const MAX_JSON_DEPTH = 32;

/**
 * An error Fastify's error handler turns into a problem document with this status (web/errors.ts),
 * its detail in the client's language.
 */
export const httpError = (statusCode: number, detail: { nl: string; en: string }): Error & { statusCode: number; details: { nl: string; en: string } } =>
  Object.assign(new Error(detail.en), { statusCode, details: detail });

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The body as text, or undefined when its bytes are not UTF-8. */
const decodeUtf8 = (body: Buffer): string | undefined => {
  try {
    return utf8.decode(body);
  } catch {
    return undefined;
  }
};

/**
 * The nesting depth of a JSON text, counted without parsing (brackets inside strings skipped), so
 * a body of 10,000 nested arrays is refused before anything recurses over it.
 */
export const jsonDepthExceeds = (text: string, limit: number): boolean => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
};

/**
 * A form body (`application/x-www-form-urlencoded`) as fields, like @fastify/formbody (a repeated
 * name gives an array), but a percent-encoding that is not UTF-8 (`%FF`) is an error, not U+FFFD.
 */
export const parseFormBody = (text: string): Record<string, string | string[]> | undefined => {
  const fields: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent((at < 0 ? pair : pair.slice(0, at)).replace(/\+/g, ' '));
      value = at < 0 ? '' : decodeURIComponent(pair.slice(at + 1).replace(/\+/g, ' '));
    } catch {
      return undefined;
    }
    const before = fields[name];
    fields[name] = before === undefined ? value : Array.isArray(before) ? [...before, value] : [before, value];
  }
  return fields;
};

const NOT_UTF8 = { nl: 'De inhoud van het verzoek is geen geldige UTF-8.', en: 'The request body is not valid UTF-8.' };

/** Form bodies for a scope that has forms (editor, portal), with the same rules as JSON. */
export const registerFormBodies = (scope: FastifyInstance, bodyLimit: number): void => {
  scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => {
    const text = decodeUtf8(body as Buffer);
    const fields = text === undefined ? undefined : parseFormBody(text);
    if (fields === undefined) return done(httpError(400, NOT_UTF8), undefined);
    return done(null, fields);
  });
};

// A URL whose decoded form holds a control character, or whose percent-encoding is not UTF-8.
const urlIsPlain = (url: string): boolean => {
  try {
    return isPlainText(decodeURIComponent(url));
  } catch {
    return false;
  }
};

/**
 * Installs the body rules on the whole application: the JSON parser (UTF-8, depth, poisoning via
 * Fastify's own parser), no `text/plain` parser (Fastify's default would hand a string to a route
 * that expects an object), and the URL check.
 */
export const registerInputLimits = (app: FastifyInstance): void => {
  const defaultJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const text = decodeUtf8(body as Buffer);
    if (text === undefined) return done(httpError(400, NOT_UTF8), undefined);
    if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
      return done(httpError(400, { nl: `De JSON is te diep genest: hoogstens ${MAX_JSON_DEPTH} niveaus.`, en: `The JSON is nested deeper than ${MAX_JSON_DEPTH} levels.` }), undefined);
    }
    return defaultJson(request, text, done);
  });
  // Answered here, not thrown: a part's own error handler (the editor's page) would need the
  // session and the route's parameters, which a refused URL never gets.
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (urlIsPlain(request.url)) return undefined;
    return sendProblem(request, reply, toProblem(httpError(400, { nl: 'Het adres bevat een stuurteken of een ongeldige codering.', en: 'The URL holds a control character or is not UTF-8.' })));
  });
};
