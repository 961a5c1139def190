import type { FieldIssue } from '../../core';

/**
 * Joins path segments the way a reader of the document points at a field:
 * `changes[2].goals[0].versions[1].unit`. Numbers are array positions, strings are keys.
 */
export const pathOf = (base: string, ...segments: readonly PropertyKey[]): string =>
  segments.reduce<string>((path, s) => (typeof s === 'number' ? `${path}[${s}]` : path ? `${path}.${String(s)}` : String(s)), base);

/** Collects issues in document order; `add` keeps call sites one line each. */
export class IssueList {
  readonly issues: FieldIssue[] = [];

  add(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  get empty(): boolean {
    return this.issues.length === 0;
  }
}
