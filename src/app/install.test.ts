import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/**
 * `npm ci` on the oldest Node that package.json promises must install without an EBADENGINE
 * warning: every package the lock file installs accepts that Node version. And every dependency we
 * declare is used (a dependency nobody imports still pulls in its own engine demands).
 */
const root = process.cwd();
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; optional?: boolean }>;
};

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(ts|tsx|js)$/.test(name) ? [path] : [];
  });

describe('installing Helder', () => {
  const floor = semver.minVersion(manifest.engines.node)!;

  it('promises a Node version that every installed package accepts (no EBADENGINE on npm ci)', () => {
    expect(floor.major).toBeGreaterThanOrEqual(20);
    const refusing = Object.entries(lock.packages)
      // Optional packages are platform builds (e.g. rolldown's per-OS binaries) that npm skips when they do not fit.
      .filter(([path, p]) => path !== '' && !p.optional && p.engines && !Array.isArray(p.engines) && p.engines.node)
      .filter(([, p]) => !semver.satisfies(floor, (p.engines as { node: string }).node))
      .map(([path, p]) => `${path.replace(/^.*node_modules\//, '')}@${p.version} wants node ${(p.engines as { node: string }).node}`);
    expect(refusing).toEqual([]);
  });

  it('runs on the Node it is tested with, which is within the promise', () => {
    expect(semver.satisfies(process.versions.node, manifest.engines.node)).toBe(true);
  });

  const code = ['src', 'bin', 'scripts', 'e2e'].flatMap((d) => filesUnder(join(root, d))).map((f) => readFileSync(f, 'utf8')).join('\n');

  it('declares every package the code imports (none arrives only as another package\'s dependency)', () => {
    const imported = new Set(
      [...code.matchAll(/^\s*(?:import|export)\b[^;'"]*?\bfrom\s*'([^'./][^']*)'|^\s*import\s*'([^'./][^']*)'/gm)]
        .map((m) => (m[1] ?? m[2])!)
        .filter((name) => !name.startsWith('node:'))
        .map((name) => name.split('/').slice(0, name.startsWith('@') ? 2 : 1).join('/')),
    );
    const declared = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)]);
    expect([...imported].filter((name) => !declared.has(name))).toEqual([]);
  });

  it('declares only dependencies the code imports', () => {
    const unused = Object.keys(manifest.dependencies).filter((name) => !code.includes(`'${name}`) && !code.includes(`"${name}`));
    expect(unused).toEqual([]);
  });
});
