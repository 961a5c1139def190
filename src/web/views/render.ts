import type { JSX } from 'hono/jsx/jsx-runtime';

/**
 * Renders a JSX tree to an HTML string. hono/jsx escapes every text and attribute value by default;
 * the only way to emit raw HTML would be `raw()`/`dangerouslySetInnerHTML`, which the views never use.
 * Components must stay synchronous: the string of a tree with an async component is a Promise.
 */
export const renderHtml = (node: JSX.Element): string => {
  if (node instanceof Promise) throw new Error('views must be synchronous');
  const html: unknown = (node as { toString(): unknown }).toString();
  if (html instanceof Promise) throw new Error('views must be synchronous');
  return String(html);
};

/** A whole document, with the doctype hono/jsx does not emit. */
export const renderDocument = (node: JSX.Element): string => `<!doctype html>${renderHtml(node)}`;

/** Only http(s) and mailto links leave the site: a `javascript:` URL stored in the register is never an href. */
export const safeHref = (url: string | null | undefined): string | undefined => {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' || u.protocol === 'mailto:' ? u.href : undefined;
  } catch {
    return undefined;
  }
};
