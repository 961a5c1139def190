import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The editor's stylesheets, served by the editor itself from memory (CSP `style-src 'self'`, no CDN):
 * the open Voorbeeld design tokens, Utrecht's component CSS and a small layout sheet. Loaded once at
 * start; the content hash in the URL lets browsers cache them for a year.
 */
export interface EditorAsset {
  name: string;
  body: Buffer;
  hash: string;
}

const require = createRequire(import.meta.url);

const load = (name: string, file: string | URL): EditorAsset => {
  const body = readFileSync(file);
  return { name, body, hash: createHash('sha1').update(body).digest('hex').slice(0, 12) };
};

let assets: EditorAsset[] | undefined;

export const editorAssets = (): EditorAsset[] =>
  (assets ??= [
    load('theme.css', require.resolve('@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css')),
    load('utrecht.css', require.resolve('@utrecht/component-library-css/dist/index.css')),
    load('editor.css', new URL('./assets/editor.css', import.meta.url)),
  ]);

export const stylesheetUrls = (): string[] => editorAssets().map((a) => `/editor/assets/${a.name}?v=${a.hash}`);
