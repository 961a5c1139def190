/**
 * The editor's URL scheme (docs/editor.md). Dutch path segments, like the portal. Forms that other
 * parts of the editor build later live at these addresses, so the legitimacy to-do list can link to
 * them today:
 *
 *   /editor/{org}                                      dashboard of one organization
 *   /editor/{org}/{entity}/{id}                        one entity (veranderingen: the change page)
 *   /editor/{org}/{entity}/{id}/bewerken#veld-{field}  the form that edits it, at the field
 *   /editor/{org}/{parent}/{id}/{entity}/nieuw         a form that adds a child entity
 *   /editor/{org}/doelen/{id}/metingen/nieuw           record a measurement
 *   /editor/{org}/doelen/{id}/verankeren               link the current goal version to a decision
 *   /editor/{org}/veranderingen/{id}/publiceren        publish a change
 *
 * Form fields carry `id="veld-{field}"` with the field name of the module's schema, so `#veld-why`
 * lands on the right input.
 */
export const ENTITY_SEGMENTS = {
  change: 'veranderingen',
  goal: 'doelen',
  measure: 'maatregelen',
  impact: 'gevolgen',
  decision: 'besluiten',
  group: 'doelgroepen',
  milestone: 'mijlpalen',
  conflict: 'belangenconflicten',
  expectation: 'verwachtingen',
  statement: 'uitspraken',
} as const;
export type EditorEntity = keyof typeof ENTITY_SEGMENTS;

const segmentOf = (entity: string): string => ENTITY_SEGMENTS[entity as EditorEntity] ?? encodeURIComponent(entity);
const base = (org: string) => `/editor/${encodeURIComponent(org)}`;

export const editorUrls = {
  home: () => '/editor',
  login: () => '/editor/inloggen',
  totp: () => '/editor/inloggen/code',
  logout: () => '/editor/uitloggen',
  account: () => '/editor/account',
  startTotp: () => '/editor/account/tweestapsverificatie',
  confirmTotp: () => '/editor/account/tweestapsverificatie/bevestigen',
  tokens: () => '/editor/account/sleutels',
  revokeToken: (id: string) => `/editor/account/sleutels/${encodeURIComponent(id)}/intrekken`,
  dashboard: (org: string) => base(org),
  members: (org: string) => `${base(org)}/gebruikers`,
  entity: (org: string, entity: string, id: string) => `${base(org)}/${segmentOf(entity)}/${encodeURIComponent(id)}`,
  change: (org: string, id: string) => `${base(org)}/veranderingen/${encodeURIComponent(id)}`,
  edit: (org: string, entity: string, id: string, field?: string) => `${base(org)}/${segmentOf(entity)}/${encodeURIComponent(id)}/bewerken${field ? `#veld-${field}` : ''}`,
  add: (org: string, parent: string, parentId: string, entity: string) => `${base(org)}/${segmentOf(parent)}/${encodeURIComponent(parentId)}/${segmentOf(entity)}/nieuw`,
  newMeasurement: (org: string, goalId: string) => `${base(org)}/doelen/${encodeURIComponent(goalId)}/metingen/nieuw`,
  anchor: (org: string, goalId: string) => `${base(org)}/doelen/${encodeURIComponent(goalId)}/verankeren`,
  publish: (org: string, changeId: string) => `${base(org)}/veranderingen/${encodeURIComponent(changeId)}/publiceren`,
};

/** A failing rule's fix as the legitimacy check reports it. */
export interface FixRef {
  entity: string;
  id: string;
  problem: string;
  field?: string | undefined;
}

/**
 * The exact form that fixes one problem: an edit form at the field when something is wrong with an
 * entity, a "new" form when something is missing.
 */
export const fixHref = (org: string, changeId: string, fix: FixRef): string => {
  switch (fix.problem) {
    case 'no_goals':
      return editorUrls.add(org, 'change', changeId, 'goal');
    case 'no_groups':
      return editorUrls.add(org, 'change', changeId, 'impact');
    case 'no_measure':
      return `${editorUrls.add(org, 'change', changeId, 'measure')}?doel=${encodeURIComponent(fix.id)}`;
    case 'serves_no_goal':
      return editorUrls.edit(org, 'measure', fix.id, 'contributions');
    case 'no_measurement':
    case 'measurement_outdated':
      return editorUrls.newMeasurement(org, fix.id);
    case 'not_adopted':
    case 'edited_after_adoption':
      return editorUrls.anchor(org, fix.id);
    case 'conflict_not_recorded':
      return editorUrls.add(org, 'change', changeId, 'conflict');
    case 'not_published':
      return editorUrls.publish(org, changeId);
    default:
      return editorUrls.edit(org, fix.entity, fix.id, fix.field ?? fieldOfProblem(fix.problem));
  }
};

/** The goal field a measurability gap points at. */
const fieldOfProblem = (problem: string): string | undefined =>
  ({ no_indicator: 'indicator', no_unit: 'unit', no_baseline: 'baselineValue', no_target: 'targetValue', no_deadline: 'targetDate', target_not_in_direction: 'targetValue' })[problem];
