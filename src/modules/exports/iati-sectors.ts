/**
 * A change's themes → IATI `sector`s (docs/imports-exports.md#iati-sectors). Every activity needs a
 * sector (IATI ruleset 6.2.2). We report in vocabulary 1, the OECD DAC 5-digit purpose codes, because
 * that is the vocabulary the Standard and its ruleset expect (102.1.1 warns when only another one is
 * used) and the one IATI tools aggregate by; and we keep the themes themselves in vocabulary 99
 * (Reporting Organisation), so nothing of the organization's own words is lost. Themes are free
 * text: a theme not in this table counts as 15110 (public sector policy and administrative
 * management), what every change in Helder is at the least.
 */
const DAC: Record<string, string> = {};
const map = (code: string, themes: string[]) => themes.forEach((t) => (DAC[t] = code));
// Codes from the IATI Sector codelist (DAC 5-digit), chosen for what a Dutch public body means by the word.
map('21010', ['verkeer', 'mobiliteit', 'vervoer', 'openbaar vervoer', 'ov']); // Transport policy and administrative management
map('21020', ['parkeren', 'wegen', 'verkeersveiligheid', 'fiets', 'fietsen', 'fietspaden', 'infrastructuur']); // Road transport
map('14050', ['afval', 'afvalinzameling', 'recycling', 'grondstoffen']); // Waste management/disposal
map('14010', ['water', 'waterbeheer', 'waterveiligheid']); // Water sector policy and administrative management
map('14020', ['riolering', 'riool']); // Water supply and sanitation - large systems
map('41010', ['duurzaamheid', 'milieu', 'klimaat', 'lucht', 'luchtkwaliteit', 'geluid', 'groen']); // Environmental policy and administrative management
map('41030', ['natuur', 'biodiversiteit']); // Biodiversity
map('23110', ['energie', 'energietransitie', 'warmtetransitie']); // Energy policy and administrative management
map('16030', ['wonen', 'huisvesting', 'woningbouw']); // Housing policy and administrative management
map('43030', ['wijken', 'openbare ruimte', 'ruimtelijke ordening', 'stadsontwikkeling', 'omgevingswet', 'ruimte']); // Urban development and management
map('43040', ['platteland']); // Rural development
map('15111', ['geld', 'financien', 'financiën', 'begroting']); // Public finance management (PFM)
map('15114', ['belastingen', 'belasting', 'heffingen', 'lokale lasten']); // Domestic revenue mobilisation
map('16066', ['cultuur', 'bibliotheek', 'bibliotheken', 'erfgoed', 'kunst']); // Culture
map('16065', ['sport', 'recreatie', 'spelen', 'speeltuinen']); // Recreation and sport
map('16010', ['jeugd', 'jeugdzorg', 'zorg', 'wmo', 'welzijn', 'sociaal domein', 'armoede', 'minima', 'ouderen']); // Social Protection
map('12110', ['gezondheid', 'volksgezondheid']); // Health policy and administrative management
map('11110', ['onderwijs', 'scholen']); // Education policy and administrative management
map('16020', ['werk', 'werkgelegenheid']); // Employment creation
map('25010', ['economie', 'ondernemers', 'bedrijven', 'winkels']); // Business policy and administration
map('15210', ['veiligheid', 'openbare orde', 'handhaving']); // Security system management and reform
map('15185', ['dienstverlening', 'bestuur', 'digitalisering', 'gemeentehuis', 'loket']); // Local government administration
map('15150', ['democratie', 'inspraak', 'burgerparticipatie']); // Democratic participation and civil society
map('15190', ['migratie', 'asiel', 'inburgering']); // Facilitation of orderly, safe, regular and responsible migration and mobility
map('31110', ['landbouw']); // Agricultural policy and administrative management

/** The DAC code of a theme without one of its own. */
export const FALLBACK_SECTOR = '15110';

/** A theme as the table knows it: lower case, `-`/`_` and runs of spaces as one space. */
export const themeKey = (theme: string): string => theme.trim().toLowerCase().replace(/[-_\s]+/g, ' ');

/** One `sector` element's content: vocabulary, code, share in percent and, for vocabulary 99, the theme. */
export interface Sector {
  vocabulary: '1' | '99';
  code: string;
  percentage: string;
  narrative?: string;
}

/**
 * Equal shares that add up to exactly 100 with at most two decimals (ruleset 2.1.2): the first
 * shares take the leftover hundredths, so three give 33.34, 33.33, 33.33.
 */
const shares = (n: number): string[] => {
  const base = Math.floor(10_000 / n);
  return Array.from({ length: n }, (_, i) => String((base + (i < 10_000 - base * n ? 1 : 0)) / 100));
};

/** The sectors of a change with these themes: DAC codes (at least one) and the themes as vocabulary 99. */
export const sectorsOf = (themes: readonly string[]): Sector[] => {
  const own = new Map<string, string>();
  for (const theme of themes) {
    const key = themeKey(theme);
    if (key && !own.has(key)) own.set(key, theme.trim());
  }
  const dac = [...new Set([...own.keys()].map((k) => DAC[k] ?? FALLBACK_SECTOR))];
  if (dac.length === 0) dac.push(FALLBACK_SECTOR);
  const dacShares = shares(dac.length);
  const ownShares = shares(own.size);
  return [
    ...dac.map((code, i): Sector => ({ vocabulary: '1', code, percentage: dacShares[i]! })),
    ...[...own].map(([key, theme], i): Sector => ({ vocabulary: '99', code: key.replace(/ /g, '-'), percentage: ownShares[i]!, narrative: theme })),
  ];
};
