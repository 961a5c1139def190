/**
 * A second set of labelled sentences, written after the detectors were last changed and never
 * used to change them: the figures on this set are the honest estimate for unseen text.
 */
import type { LabelledSentence } from './sentences';

export const HOLDOUT_SENTENCES: LabelledSentence[] = [
  { text: 'De container wordt elke dinsdag geleegd.', passive: 1, officialese: [] },
  { text: 'Wij legen de container elke dinsdag.', passive: 0, officialese: [] },
  { text: 'Het geld wordt gebruikt voor nieuwe bankjes in het park.', passive: 1, officialese: [] },
  { text: 'Voordat de bomen worden gekapt, kijkt een ecoloog of er vogels nestelen.', passive: 1, officialese: [] },
  { text: 'De aanvraag moet uiterlijk vrijdag zijn ingediend.', passive: 1, officialese: [] },
  { text: 'Er zijn vorig jaar veel klachten binnengekomen over geluid.', passive: 0, officialese: [] },
  { text: 'De bus is vanmorgen te laat vertrokken.', passive: 0, officialese: [] },
  { text: 'Mijn buurvrouw is erg tevreden over de hulp.', passive: 0, officialese: [] },
  { text: 'Uw bezwaarschrift wordt behandeld door een onafhankelijke commissie.', passive: 1, officialese: [] },
  { text: 'Er wordt niet gebouwd in het natuurgebied.', passive: 1, officialese: [] },
  { text: 'De uitkomst werd gisteren aan de bewoners verteld.', passive: 1, officialese: [] },
  { text: 'Het verslag van de avond is op de website gezet.', passive: 1, officialese: [] },
  { text: 'Zij hebben het plan samen met de buurt gemaakt.', passive: 0, officialese: [] },
  { text: 'Het is belangrijk dat u op tijd betaalt.', passive: 0, officialese: [] },
  { text: 'De straat is sinds maandag weer open.', passive: 0, officialese: [] },
  { text: 'Omtrent de kosten is nog niets bekend.', passive: 0, officialese: ['omtrent'] },
  { text: 'Wij zullen u derhalve een nieuwe afspraak voorstellen.', passive: 0, officialese: ['derhalve'] },
  { text: 'Het bedrag zal middels een acceptgiro worden geïnd.', passive: 1, officialese: ['middels', 'geïnd'] },
  { text: 'Conform de afspraak sturen wij u de stukken.', passive: 0, officialese: ['conform', 'stukken'] },
  { text: 'Ten behoeve van de veiligheid zijn extra lampen geplaatst.', passive: 1, officialese: ['ten behoeve van'] },
  { text: 'Indien gewenst kunt u een tolk meenemen.', passive: 0, officialese: ['indien gewenst'] },
  { text: 'Wij hebben uw brief in goede orde ontvangen.', passive: 0, officialese: ['in goede orde'] },
  { text: 'Het college acht het niet wenselijk de weg te verbreden.', passive: 0, officialese: ['acht', 'wenselijk'] },
  { text: 'De betaling dient binnen dertig dagen te geschieden.', passive: 0, officialese: ['dient', 'geschieden'] },
  { text: 'Tevens ontvangt u een overzicht van de openingstijden.', passive: 0, officialese: ['tevens'] },
  { text: 'U kunt gebruikmaken van de regeling als uw inkomen laag is.', passive: 0, officialese: ['gebruikmaken van'] },
  { text: 'Alle bewoners zijn uitgenodigd voor de bijeenkomst in het buurthuis.', passive: 1, officialese: [] },
  { text: 'In verband met de feestdagen is het gemeentehuis gesloten.', passive: 1, officialese: ['in verband met'] },
  { text: 'De gemeente heeft ten aanzien van de huurprijzen geen bevoegdheid.', passive: 0, officialese: ['ten aanzien van', 'bevoegdheid'] },
  { text: 'Wij verzoeken u het formulier volledig in te vullen.', passive: 0, officialese: ['wij verzoeken u'] },
];
