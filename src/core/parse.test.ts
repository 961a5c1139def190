import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isAppError } from './errors';
import { parseInput } from './parse';

describe('parseInput', () => {
  const schema = z.object({ title: z.string().min(3), count: z.number(), name: z.string().min(1, 'vul een naam in') });

  it('gives every issue in Dutch and English, keeping a message the schema sets itself', () => {
    let caught: unknown;
    try {
      parseInput(schema, { title: 'ab', count: 'x', name: '' }, 'change');
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught) && caught.code).toBe('validation_failed');
    const issues = isAppError(caught) ? caught.issues : [];
    expect(issues.map((i) => [i.path, i.messages])).toEqual([
      ['change.title', { nl: 'Te kort: verwacht dat string >=3 tekens heeft', en: 'Too small: expected string to have >=3 characters' }],
      ['change.count', { nl: 'Ongeldige invoer: verwacht getal, ontving string', en: 'Invalid input: expected number, received string' }],
      ['change.name', { nl: 'vul een naam in', en: 'vul een naam in' }],
    ]);
  });
});
