import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServer, type TestServer } from '../testing';

describe('POST /api/v1/language/check', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await openTestServer('sqlite');
  });
  afterAll(() => server.close());

  const check = (payload: unknown) => server.app.inject({ method: 'POST', url: '/api/v1/language/check', payload: payload as object });

  it('flags officialese in a civil-service sentence, with its span', async () => {
    const text = 'Teneinde de dienstverlening te optimaliseren wordt middels een nieuwe werkwijze de afhandeling van aanvragen door de gemeente herzien.';
    const res = await check({ text });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const officialese = body.findings.filter((f: { rule: string }) => f.rule === 'officialese');
    expect(officialese.map((f: { excerpt: string }) => f.excerpt.toLowerCase())).toEqual(expect.arrayContaining(['teneinde', 'middels']));
    for (const f of officialese) expect(text.slice(f.span.start, f.span.end)).toBe(f.excerpt);
  });

  it('passes a B1 text', async () => {
    const res = await check({ text: 'De bibliotheek in Noord gaat dicht. U kunt naar de bibliotheek in het centrum. Die is langer open. Met de bus bent u er in tien minuten.' });
    expect(res.json().verdict).toBe('b1');
  });

  it('reports vague goal wording when asked to check a goal', async () => {
    const res = await check({ text: 'We gaan de leefbaarheid in de wijk verbeteren.', kind: 'goal' });
    expect(res.json().goalWording.vague).toBe(true);
  });

  it('refuses an empty or oversized text with a 400 problem', async () => {
    const empty = await check({ text: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'validation_failed', issues: [expect.objectContaining({ path: expect.stringContaining('text') })] });
    expect((await check({ text: 'woord '.repeat(5000) })).statusCode).toBe(400);
    expect((await check({})).statusCode).toBe(400);
  });

  it('refuses malformed JSON with a 400 problem, not a 500', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/language/check', headers: { 'content-type': 'application/json' }, payload: '{"text": ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
  });
});
