/**
 * Word lists for the passive detector: auxiliaries, participles that do not follow the regular
 * pattern, and the words that look like participles after "is/zijn" but are not passive.
 */
const set = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

export const WORDEN = set('worden word wordt werd werden');
export const ZIJN = set('is zijn was waren ben bent');
export const HEBBEN = set('heeft hebben heb hebt had hadden');

export const PARTICLE_PREFIX =
  '(?:aan|af|bij|door|in|mee|na|om|onder|op|over|terug|toe|uit|vast|voor|weg|samen|goed|vrij|tegen|achter|neer|rond|los|vol|dicht|kennis|plaats|bekend|teweeg)?';

/** Strong participles without ge- (besloten, ontvangen…): the regular pattern cannot see them. */
export const STRONG_PARTICIPLES = set(`
besloten besproken beschreven bevonden bedreven begrepen behouden bevolen bewezen bedrogen
verboden verbonden vergeten verkregen vervangen verzonden verschoven verworven verweven verheven
ontvangen ontworpen ontnomen ontslagen onderzocht ondernomen onderschreven onderbroken overwogen
overgenomen herschreven herzien erkend ontheven vrijgesteld
`);

/** Verbs whose perfect tense takes "zijn": "is gegaan" is active, not passive. */
export const ZIJN_VERBS = set(`
gegaan gekomen geweest gebleven geworden gestorven geboren gevallen gebeurd gelukt mislukt gestopt
begonnen gestegen gedaald verdwenen vertrokken verhuisd ontstaan gegroeid toegenomen afgenomen
verschenen overleden gebleken geslaagd gelopen gereden gefietst gevlogen gezwommen opgegroeid
aangekomen teruggekomen binnengekomen uitgekomen meegegaan doorgegaan weggegaan opgehouden
veranderd geëindigd ingestort ontsnapt opgestaan gezakt geland gestart gerezen geschrokken
verlopen afgelopen overgegaan ingegaan uitgegaan thuisgekomen vooruitgegaan achteruitgegaan
`);

/** Adjectives that look like participles: "is bekend", "bent verzekerd", "is gevestigd in". */
export const ADJECTIVES = set(`
bekend gezond gewoon geschikt gereed gewend benieuwd bezorgd beroemd bevoegd verliefd verplicht
verkeerd gerust geliefd betrokken bereid gemiddeld verantwoord getrouwd gescheiden geïnteresseerd
gemotiveerd verbaasd verrast gespannen opgelucht verslaafd gevestigd gelegen verwant verschuldigd
verzekerd verhinderd bewust gehandicapt tevreden geacht gewenst gepast bedreigd gelijk
`);

/** Nouns and infinitives that look like participles (gebied, beleid, gebruiken). */
export const NOT_PARTICIPLES = set(`
gebied beleid verbod bestand verband verstand geluid gebed gezicht gewicht gericht gedicht bericht
gevecht gerecht gewest bezit verzet gebit gemeente gebouwen gebruiken gebeuren geloven genieten
gewennen gelden getuigen geheugen gebieden gedeelten gewoonten gebreken gezinnen beleven bestaat
verkeert besteden verleden geleden gedurende genoeg geheel gezond besluit
`);

/** Words after which the next word is a noun or adjective, not a participle ("het gebied"). */
export const DETERMINERS = set(`
de het een dit dat deze die zijn haar hun ons onze mijn uw je jouw elk elke ieder iedere geen veel
weinig alle enkele sommige meer minder twee drie vier vijf nieuwe nieuw ander andere
`);
