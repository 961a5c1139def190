import type { Actor } from '../../core';
import type { Deps } from '../../storage';
import { createOrganization } from '../organizations';
import { createGroup } from '../groups';

/** The slug of the demo municipality: its presence means the demo was seeded. */
export const DEMO_ORGANIZATION_SLUG = 'voorbeeldstad';

/**
 * The citizen groups of Voorbeeldstad (about 87,000 inhabitants). Sizes are rough estimates, as a
 * municipality would make them from its own figures; groups overlap, as real ones do.
 */
const GROUPS = {
  noord: {
    name: 'Inwoners van Noord',
    description: 'Mensen die wonen in de wijken ten noorden van het spoor.',
    estimatedSize: 14_200,
  },
  ouderen: {
    name: 'Ouderen',
    description: 'Inwoners van 75 jaar en ouder. Veel van hen lopen of fietsen minder ver.',
    estimatedSize: 8_600,
  },
  gezinnen: {
    name: 'Gezinnen met jonge kinderen',
    description: 'Huishoudens met kinderen tot en met 12 jaar.',
    estimatedSize: 9_100,
  },
  ondernemers: {
    name: 'Ondernemers in het centrum',
    description: 'Winkels, horeca en andere bedrijven in de binnenstad.',
    estimatedSize: 640,
  },
  parkwijk: {
    name: 'Bewoners van de Parkwijk',
    description: 'Mensen die wonen in de Parkwijk, naast het centrum.',
    estimatedSize: 5_300,
  },
  automobilisten: {
    name: 'Automobilisten van buiten',
    description: 'Forenzen en bezoekers die met de auto naar Voorbeeldstad komen.',
    estimatedSize: 11_000,
  },
  huurders: {
    name: 'Huurders',
    description: 'Mensen die een huis huren van een woningcorporatie of een verhuurder.',
    estimatedSize: 17_500,
  },
  studenten: {
    name: 'Studenten',
    description: 'Jongeren die in Voorbeeldstad naar het mbo of hbo gaan.',
    estimatedSize: 3_900,
  },
  vrijwilligers: {
    name: 'Vrijwilligers',
    description: 'Mensen die zonder loon helpen in de bibliotheek, het buurthuis of de sport.',
    estimatedSize: 1_100,
  },
  mantelzorgers: {
    name: 'Mantelzorgers',
    description: 'Mensen die zorgen voor een zieke of oude partner, ouder, kind of buur.',
    estimatedSize: 7_200,
  },
  digitaal: {
    name: 'Inwoners die weinig digitaal doen',
    description: 'Mensen die liever niet of niet goed met de computer of telefoon werken.',
    estimatedSize: 10_400,
  },
  hondenbezitters: {
    name: 'Hondenbezitters',
    description: 'Inwoners die één of meer honden hebben.',
    estimatedSize: 6_800,
  },
} as const;

export type GroupKey = keyof typeof GROUPS;

/** Creates the municipality and its citizen groups; returns the ids the change files need. */
export const seedOrganization = async (
  deps: Deps,
  actor: Actor,
): Promise<{ organizationId: string; groups: Record<GroupKey, string> }> => {
  const organization = await createOrganization(deps, actor, {
    slug: DEMO_ORGANIZATION_SLUG,
    name: 'Gemeente Voorbeeldstad',
    kind: 'gemeente',
    description:
      'Voorbeeldstad is een gemeente met ongeveer 87.000 inwoners. Deze gemeente bestaat niet echt. ' +
      'U ziet hier hoe Helder werkt: wat de gemeente verandert, waarom, en wat dat voor u betekent.',
    website: 'https://voorbeeldstad.example/',
  });
  const groups = {} as Record<GroupKey, string>;
  for (const [key, group] of Object.entries(GROUPS) as [GroupKey, (typeof GROUPS)[GroupKey]][]) {
    groups[key] = (await createGroup(deps, actor, organization.id, group)).id;
  }
  return { organizationId: organization.id, groups };
};
