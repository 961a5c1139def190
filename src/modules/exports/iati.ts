import type { OrganizationDocument } from '../transfer';
import { sectorsOf } from './iati-sectors';

/**
 * IATI 2.03 activity XML for the results of published changes (https://iatistandard.org/en/iati-standard/203/activity-standard/):
 * each change is an `iati-activity`, each goal a `result` with one `indicator` (DOMAIN.md: a goal
 * maps onto IATI result/indicator/baseline/period). Elements come in the order the 2.03 schema's
 * sequences require. Codes come from the IATI codelists named at each use.
 */
type Change = OrganizationDocument['changes'][number];
type Goal = Change['goals'][number];

/** XML 1.0 allows tab, line feed and carriage return among the control characters, nothing else (section 2.2). */
const allowedInXml = (c: string): boolean => c.charCodeAt(0) >= 0x20 || c === '\t' || c === '\n' || c === '\r';

const escape = (s: string): string =>
  [...s].filter(allowedInXml).join('').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

const narrative = (text: string): string => `<narrative>${escape(text)}</narrative>`;

/** ResultType codelist: 1 Output, 2 Outcome, 3 Impact. */
const RESULT_TYPE = { output: '1', outcome: '2', impact: '3' } as const;

/** ActivityStatus codelist: 1 Pipeline/identification, 2 Implementation, 4 Closed, 5 Cancelled. */
const ACTIVITY_STATUS: Record<Change['status'], string> = { draft: '1', proposed: '1', decided: '1', in_progress: '2', completed: '4', stopped: '5' };

/** IndicatorMeasure codelist: 1 Unit, 2 Percentage. A goal counted in percent is a percentage. */
const measureOf = (unit: string): string => (/^(%|procent|percent|percentage|procentpunt(en)?)$/i.test(unit.trim()) ? '2' : '1');

/** The organization identifier: a placeholder under Helder's own prefix until organizations record an org-id (e.g. NL-OIN). */
export const iatiOrganizationRef = (slug: string): string => `XI-HELDER-${slug}`;

const indicatorOf = (goal: Goal): string => {
  const v = goal.versions.find((x) => x.version === goal.currentVersion) ?? goal.versions[goal.versions.length - 1]!;
  // `ascending`: whether a higher value is better; "keep" has no better side, the default (1) stays.
  const ascending = v.direction === 'decrease' ? ' ascending="0"' : v.direction === 'increase' ? ' ascending="1"' : '';
  const title = `${v.indicator || v.statement} (${v.unit})`;
  const baseline = v.baselineValue !== null && v.baselineDate ? `<baseline year="${v.baselineDate.slice(0, 4)}" iso-date="${v.baselineDate}" value="${v.baselineValue}"/>` : '';
  const latest = goal.measurements[goal.measurements.length - 1];
  const start = v.baselineDate ?? goal.measurements[0]?.date;
  let period = '';
  if (start && v.targetDate && v.targetValue !== null && v.targetDate > start) {
    const actual = latest && latest.date >= start && latest.date <= v.targetDate
      ? `<actual value="${latest.value}"><comment>${narrative(`Gemeten op ${latest.date}${latest.source ? ` (${latest.source})` : ''}`)}</comment></actual>`
      : '';
    period = `<period><period-start iso-date="${start}"/><period-end iso-date="${v.targetDate}"/><target value="${v.targetValue}"/>${actual}</period>`;
  }
  return `<indicator measure="${measureOf(v.unit)}"${ascending}><title>${narrative(title)}</title>${baseline}${period}</indicator>`;
};

const resultOf = (goal: Goal): string => {
  const v = goal.versions.find((x) => x.version === goal.currentVersion) ?? goal.versions[goal.versions.length - 1]!;
  return `<result type="${RESULT_TYPE[v.level]}" aggregation-status="0"><title>${narrative(v.statement)}</title>${indicatorOf(goal)}</result>`;
};

/** `sector` elements (docs/imports-exports.md#iati-sectors); vocabulary 99 carries the theme as a narrative (ruleset 2.2.1). */
const sectorElements = (change: Change): string[] =>
  sectorsOf(change.themes).map((s) =>
    s.narrative === undefined
      ? `<sector vocabulary="${s.vocabulary}" code="${s.code}" percentage="${s.percentage}"/>`
      : `<sector vocabulary="${s.vocabulary}" code="${escape(s.code)}" percentage="${s.percentage}">${narrative(s.narrative)}</sector>`,
  );

const activityOf = (doc: OrganizationDocument, change: Change): string => {
  const ref = iatiOrganizationRef(doc.organization.slug);
  const org = `ref="${escape(ref)}" type="10"`; // OrganisationType 10: Government
  const dates = change.milestones.map((m) => m.date).sort();
  const plannedStart = dates[0] ?? change.createdAt.slice(0, 10);
  const plannedEnd = dates.length > 1 ? dates[dates.length - 1] : undefined;
  return [
    `<iati-activity last-updated-datetime="${change.updatedAt}" xml:lang="nl" default-currency="EUR" hierarchy="1">`,
    `<iati-identifier>${escape(`${ref}-${change.id}`)}</iati-identifier>`,
    `<reporting-org ${org}>${narrative(doc.organization.name)}</reporting-org>`,
    `<title>${narrative(change.title)}</title>`,
    `<description type="1">${narrative(change.summary || change.what || change.title)}</description>`,
    change.why ? `<description type="2">${narrative(change.why)}</description>` : '',
    // OrganisationRole 4: Implementing.
    `<participating-org ${org} role="4">${narrative(doc.organization.name)}</participating-org>`,
    `<activity-status code="${ACTIVITY_STATUS[change.status]}"/>`,
    // ActivityDateType 1: planned start, 3: planned end.
    `<activity-date type="1" iso-date="${plannedStart}"/>`,
    plannedEnd ? `<activity-date type="3" iso-date="${plannedEnd}"/>` : '',
    // Helder serves Dutch public bodies: the activity takes place in the Netherlands (Country codelist NL; ruleset 3.7.1).
    '<recipient-country code="NL" percentage="100"/>',
    ...sectorElements(change),
    ...change.goals.map(resultOf),
    '</iati-activity>',
  ].join('');
};

/**
 * The IATI document of an organization: only **published** changes (an IATI file is meant for
 * publication; drafts stay in the register), in the JSON export's order.
 */
export const iatiXml = (doc: OrganizationDocument, generatedAt: string): string =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<iati-activities version="2.03" generated-datetime="${generatedAt}">`,
    ...doc.changes.filter((c) => c.publishedAt !== null).map((c) => activityOf(doc, c)),
    '</iati-activities>\n',
  ].join('');
