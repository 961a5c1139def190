/** Dutch words of the editor (DOMAIN.md glossary). */
export const STATUS_LABELS: Record<string, string> = {
  draft: 'Concept',
  proposed: 'Voorgesteld',
  decided: 'Besloten',
  in_progress: 'In uitvoering',
  completed: 'Afgerond',
  stopped: 'Gestopt',
};

export const ENTITY_LABELS: Record<string, string> = {
  change: 'Verandering',
  goal: 'Doel',
  measure: 'Maatregel',
  impact: 'Gevolg voor doelgroep',
  decision: 'Besluit',
  group: 'Doelgroep',
  milestone: 'Mijlpaal',
  conflict: 'Belangenconflict',
  expectation: 'Verwachting',
  statement: 'Uitspraak',
  user: 'Gebruiker',
  api_token: 'API-sleutel',
  organization: 'Organisatie',
};

/** What to do about each problem code of the legitimacy check, as an instruction. */
export const PROBLEM_LABELS: Record<string, string> = {
  missing: 'Vul deze tekst in',
  too_short: 'Schrijf deze tekst uit: hij is te kort om te begrijpen',
  above_b1: 'Herschrijf deze tekst in eenvoudige taal (B1)',
  unclear: 'Maak deze tekst duidelijker',
  no_indicator: 'Geef aan wat u meet (indicator)',
  no_unit: 'Geef de eenheid van de indicator',
  no_baseline: 'Vul de nulmeting in (waarde en datum)',
  no_target: 'Vul de streefwaarde in',
  no_deadline: 'Vul de datum in waarop het doel gehaald moet zijn',
  target_not_in_direction: 'Zet de streefwaarde in de gekozen richting (hoger of lager dan de nulmeting)',
  not_measurable: 'Maak dit doel meetbaar',
  vague_wording: 'Vervang vage woorden door een getal',
  not_adopted: 'Koppel dit doel aan het besluit dat het vaststelde',
  edited_after_adoption: 'Dit doel is gewijzigd na vaststelling: leg de nieuwe versie voor aan een besluit',
  serves_no_goal: 'Leg vast aan welk doel deze maatregel bijdraagt, en hoe',
  no_measure: 'Voeg een maatregel toe voor dit doel',
  no_measurement: 'Voeg een meting toe',
  measurement_outdated: 'Voeg een nieuwe meting toe: de laatste is te oud',
  no_groups: 'Leg vast voor welke doelgroepen dit verandert',
  conflict_not_recorded: 'Leg het belangenconflict tussen deze groepen vast',
  not_weighed: 'Schrijf de afweging op',
  no_settling_decision: 'Koppel het besluit dat de afweging maakte',
  no_response: 'Schrijf een antwoord op deze verwachting',
  not_published: 'Publiceer de verandering op de website',
  no_goals: 'Voeg een doel toe',
};

export const problemLabel = (problem: string): string => PROBLEM_LABELS[problem] ?? `Los op: ${problem}`;

export const KIND_LABELS: Record<string, string> = {
  regulation: 'Regelgeving',
  budget_cut: 'Bezuiniging',
  service_change: 'Verandering in dienstverlening',
  reorganization: 'Reorganisatie',
  policy: 'Beleid',
  infrastructure: 'Infrastructuur',
};

/** Options of a select from a closed list and its Dutch labels, in the list's order. */
export const optionsOf = (values: readonly string[], labels: Record<string, string>, empty?: string): { value: string; label: string }[] => [
  ...(empty === undefined ? [] : [{ value: '', label: empty }]),
  ...values.map((v) => ({ value: v, label: labels[v] ?? v })),
];

export const LEVEL_LABELS: Record<string, string> = { impact: 'Maatschappelijk effect (impact)', outcome: 'Resultaat (outcome)', output: 'Prestatie (output)' };
export const DIRECTION_LABELS: Record<string, string> = { increase: 'Stijgen', decrease: 'Dalen', keep: 'Gelijk houden' };
export const INTERVAL_LABELS: Record<string, string> = { monthly: 'Elke maand', quarterly: 'Elk kwartaal', half_yearly: 'Elk halfjaar', yearly: 'Elk jaar' };
export const OUTCOME_LABELS: Record<string, string> = { adopted: 'Aangenomen', rejected: 'Verworpen', withdrawn: 'Ingetrokken', pending: 'Nog niet besloten' };
export const DECISION_KIND_LABELS: Record<string, string> = {
  raadsbesluit: 'Raadsbesluit',
  motie: 'Motie',
  amendement: 'Amendement',
  collegebesluit: 'Collegebesluit',
  coalitieakkoord: 'Coalitieakkoord',
  statenbesluit: 'Statenbesluit',
  toezegging: 'Toezegging',
  kamerbrief: 'Kamerbrief',
  wet: 'Wet',
  amvb: 'AMvB',
};
export const MEASURE_STATUS_LABELS: Record<string, string> = { planned: 'Gepland', in_progress: 'In uitvoering', done: 'Klaar', stopped: 'Gestopt' };
export const EVIDENCE_LABELS: Record<string, string> = { assumed: 'Aangenomen (nog geen bewijs)', plausible: 'Aannemelijk', evaluated: 'Geëvalueerd', measured: 'Gemeten' };
export const EFFECT_LABELS: Record<string, string> = { gains: 'Gaat erop vooruit', loses: 'Gaat erop achteruit', mixed: 'Gemengd', neutral: 'Merkt er weinig van' };

/** The goal fields in the order of the form, with their Dutch names (labels, the versions diff). */
export const GOAL_FIELD_LABELS: Record<string, string> = {
  statement: 'Doel',
  level: 'Niveau',
  indicator: 'Indicator',
  unit: 'Eenheid',
  baselineValue: 'Nulmeting: waarde',
  baselineDate: 'Nulmeting: datum',
  targetValue: 'Streefwaarde',
  targetDate: 'Streefdatum',
  direction: 'Richting',
  owner: 'Eigenaar',
  dataSource: 'Gegevensbron',
  reportingInterval: 'Hoe vaak meten',
};
