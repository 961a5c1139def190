/**
 * The messages the modules' zod schemas write themselves, in Dutch. The schemas speak English (they
 * serve the API and the CLI too); the editor's forms (editor/messages.ts) and the API's Dutch problem
 * documents (errors.ts) say the same thing in Dutch. A message missing here reaches a Dutch API
 * client in English, so add the translation with the message.
 */
export const DUTCH_MESSAGES: Record<string, string> = {
  'a goal needs a unit (e.g. "procent", "bezoekers", "dagen")': 'Vul de eenheid in, bijvoorbeeld "procent", "bezoekers" of "dagen"',
  'the deadline must come after the baseline date': 'De einddatum moet na de datum van de nulmeting liggen',
  'a baseline needs both a value and a date': 'Een nulmeting heeft een waarde én een datum nodig',
  'with direction "keep" the target equals the baseline': 'Bij de richting "gelijk houden" is de streefwaarde gelijk aan de nulmeting',
  'the target is not an increase from the baseline': 'De streefwaarde moet hoger zijn dan de nulmeting, want de richting is "stijgen"',
  'the target is not a decrease from the baseline': 'De streefwaarde moet lager zijn dan de nulmeting, want de richting is "dalen"',
  'say in a sentence how the measure helps the goal': 'Schrijf in een zin hoe de maatregel het doel helpt',
  'the end date comes before the start date': 'De einddatum ligt voor de startdatum',
  'give the totals when giving votes per party': 'Vul de totalen in als u stemmen per partij geeft',
  'lies in the future': 'De datum ligt in de toekomst',
  // References that are not of this organization or change, or do not exist (core/reference.ts).
  'choose a group of this organization': 'Kies een doelgroep van deze organisatie',
  'choose a decision of this organization': 'Kies een besluit van deze organisatie',
  'choose a change of this organization': 'Kies een verandering van deze organisatie',
  'choose a goal of this change': 'Kies een doel van deze verandering',
  'choose a statement about this change': 'Kies een uitspraak over deze verandering',
  'a conflict is between two different groups': 'Kies twee verschillende doelgroepen',
  'say in a sentence how it was decided and why': 'Schrijf in een zin hoe er is besloten en waarom',
  'say in a sentence what we tell people': 'Schrijf in een zin wat we mensen vertellen',
  'already in use': 'Deze waarde is al in gebruik',
  'each id only once': 'Kies elk onderdeel maar één keer',
};
