import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Child } from 'hono/jsx';
import { csrfToken } from '../http/csrf';
import { renderEditorPage, type EditorPageProps } from './views/frame';

export interface PageOptions extends Omit<EditorPageProps, 'baseUrl' | 'path' | 'viewer' | 'children'> {
  status?: number;
}

/**
 * Sends one editor page: the viewer (name and a logout form) from the session, a fresh CSRF token
 * for every form on it, and `Cache-Control: no-store` (set for the whole editor), so nothing of it
 * stays in a shared cache or in the back button after logout.
 */
export const sendPage = (
  request: FastifyRequest,
  reply: FastifyReply,
  baseUrl: string,
  options: PageOptions,
  body: (csrf: string) => Child,
): FastifyReply => {
  const csrf = csrfToken(reply);
  const auth = request.auth;
  const viewer = auth ? { name: auth.user.name, csrf, full: auth.session.stage === 'active' } : undefined;
  const path = request.url.split('?')[0] ?? request.url;
  const html = renderEditorPage({ ...options, baseUrl, path, viewer, children: body(csrf) });
  return reply.status(options.status ?? 200).type('text/html; charset=utf-8').send(html);
};

/** A return path after login must stay inside the editor: never an open redirect. */
export const safeReturnPath = (value: unknown): string | undefined =>
  typeof value === 'string' && /^\/editor(\/[A-Za-z0-9\-._~%/]*)?(\?[A-Za-z0-9\-._~%=&]*)?$/.test(value) && !value.includes('//') && !value.startsWith('/editor/inloggen') ? value : undefined;

/** A form field as one string (a form body gives arrays for repeated names). */
export const field = (body: unknown, name: string): string => {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
};

/** A repeated form field (checkboxes) as a list. */
export const fields = (body: unknown, name: string): string[] => {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};
