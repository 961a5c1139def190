import { describe, expect, it } from 'vitest';
import { isBetween, isWeighed, lacksResponse, linkIssues, needsResponse } from './expectation';

const response = { text: 'Dit vertellen we erover.', channel: 'website', date: '2026-05-01' };

describe('what each status of an expectation requires', () => {
  it('asks supported and partly for a goal or decision that backs them', () => {
    expect(linkIssues('supported', [], [])).toEqual([{ path: 'goalIds', message: expect.any(String) }]);
    expect(linkIssues('partly', [], [])).toEqual([{ path: 'goalIds', message: expect.any(String) }]);
    expect(linkIssues('supported', ['g'], [])).toEqual([]);
    expect(linkIssues('partly', [], ['d'])).toEqual([]);
  });

  it('asks contradicted for the goal that says otherwise; a decision alone is not enough', () => {
    expect(linkIssues('contradicted', [], ['d'])).toEqual([{ path: 'goalIds', message: expect.any(String) }]);
    expect(linkIssues('contradicted', ['g'], ['d'])).toEqual([]);
  });

  it('refuses links on an unfounded expectation, naming the field that has them', () => {
    expect(linkIssues('unfounded', [], [])).toEqual([]);
    expect(linkIssues('unfounded', ['g'], [])[0]?.path).toBe('goalIds');
    expect(linkIssues('unfounded', [], ['d'])[0]?.path).toBe('decisionIds');
  });
});

describe('responses (legitimacy rule 11)', () => {
  it('needs a response for unfounded and contradicted expectations only', () => {
    expect(['supported', 'partly', 'unfounded', 'contradicted'].map((status) => needsResponse({ status: status as 'partly' }))).toEqual([false, false, true, true]);
  });

  it('lacks a response when none is recorded or its text is blank', () => {
    expect(lacksResponse({ status: 'unfounded', response: null })).toBe(true);
    expect(lacksResponse({ status: 'contradicted', response: { ...response, text: '  ' } })).toBe(true);
    expect(lacksResponse({ status: 'contradicted', response })).toBe(false);
    expect(lacksResponse({ status: 'supported', response: null })).toBe(false);
  });
});

describe('conflicts (legitimacy rule 10)', () => {
  it('is weighed once the weighing says something', () => {
    expect(isWeighed({ weighing: '' })).toBe(false);
    expect(isWeighed({ weighing: ' \n' })).toBe(false);
    expect(isWeighed({ weighing: 'Veiligheid gaat voor.' })).toBe(true);
  });

  it('is between two groups in either order', () => {
    const c = { groupAId: 'a', groupBId: 'b' } as never;
    expect(isBetween(c, 'a', 'b')).toBe(true);
    expect(isBetween(c, 'b', 'a')).toBe(true);
    expect(isBetween(c, 'a', 'c')).toBe(false);
  });
});
