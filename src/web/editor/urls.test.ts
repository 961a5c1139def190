import { describe, expect, it } from 'vitest';
import { RULES } from '../../modules/legitimacy';
import { PROBLEM_LABELS } from './labels';
import { editorUrls, fixHref } from './urls';

const C = 'c-1';

describe('editor URL scheme', () => {
  it('links each problem of the legitimacy check to the form that fixes it', () => {
    const cases: [Parameters<typeof fixHref>[2], string][] = [
      [{ entity: 'change', id: C, field: 'why', problem: 'above_b1' }, `/editor/gem/veranderingen/${C}/bewerken#veld-why`],
      [{ entity: 'change', id: C, problem: 'no_goals' }, `/editor/gem/veranderingen/${C}/doelen/nieuw`],
      [{ entity: 'goal', id: 'g-1', problem: 'no_baseline' }, '/editor/gem/doelen/g-1/bewerken#veld-baselineValue'],
      [{ entity: 'goal', id: 'g-1', field: 'statement', problem: 'vague_wording' }, '/editor/gem/doelen/g-1/bewerken#veld-statement'],
      [{ entity: 'goal', id: 'g-1', problem: 'edited_after_adoption' }, '/editor/gem/doelen/g-1/verankeren'],
      [{ entity: 'goal', id: 'g-1', problem: 'no_measurement' }, '/editor/gem/doelen/g-1/metingen/nieuw'],
      [{ entity: 'goal', id: 'g-1', problem: 'no_measure' }, `/editor/gem/veranderingen/${C}/maatregelen/nieuw?doel=g-1`],
      [{ entity: 'measure', id: 'm-1', problem: 'serves_no_goal' }, '/editor/gem/maatregelen/m-1/bewerken#veld-contributions'],
      [{ entity: 'impact', id: 'i-1', field: 'meaning', problem: 'too_short' }, '/editor/gem/gevolgen/i-1/bewerken#veld-meaning'],
      [{ entity: 'impact', id: 'i-1', problem: 'conflict_not_recorded' }, `/editor/gem/veranderingen/${C}/belangenconflicten/nieuw`],
      [{ entity: 'conflict', id: 'k-1', field: 'weighing', problem: 'not_weighed' }, '/editor/gem/belangenconflicten/k-1/bewerken#veld-weighing'],
      [{ entity: 'expectation', id: 'e-1', field: 'response', problem: 'no_response' }, '/editor/gem/verwachtingen/e-1/bewerken#veld-response'],
      [{ entity: 'change', id: C, field: 'publishedAt', problem: 'not_published' }, `/editor/gem/veranderingen/${C}/publiceren`],
    ];
    for (const [fix, href] of cases) expect(fixHref('gem', C, fix)).toBe(href);
  });

  it('escapes path segments and has a Dutch instruction for every problem it links', () => {
    expect(editorUrls.change('a b', 'x/y')).toBe('/editor/a%20b/veranderingen/x%2Fy');
    expect(RULES).toHaveLength(12);
    for (const problem of ['missing', 'no_indicator', 'no_unit', 'no_target', 'no_deadline', 'not_adopted', 'no_groups']) expect(PROBLEM_LABELS[problem]).toBeDefined();
  });
});
