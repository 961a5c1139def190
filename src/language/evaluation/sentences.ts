/**
 * Labelled sentences for the passive and officialese (jargon) detectors, written for Helder. Each
 * sentence lists how many passive constructions it has and which officialese terms (lower case)
 * a careful editor would replace. Labels were written before the detectors were run on them, and
 * include terms the officialese list does not cover and look-alikes that are not passive.
 */
export interface LabelledSentence {
  text: string;
  passive: number;
  officialese: string[];
}

export const SENTENCES: LabelledSentence[] = [
  { text: 'De weg wordt in maart opnieuw geasfalteerd.', passive: 1, officialese: [] },
  { text: 'Wij asfalteren de weg in maart opnieuw.', passive: 0, officialese: [] },
  { text: 'Uw aanvraag is door ons ontvangen en wordt binnen acht weken behandeld.', passive: 2, officialese: [] },
  { text: 'Er wordt hard gewerkt aan een oplossing.', passive: 1, officialese: [] },
  { text: 'Er is besloten de bibliotheek te sluiten.', passive: 1, officialese: [] },
  { text: 'De kosten worden door de gemeente betaald.', passive: 1, officialese: [] },
  { text: 'Hij is vorig jaar naar Utrecht verhuisd.', passive: 0, officialese: [] },
  { text: 'De prijs van een paspoort is dit jaar gestegen.', passive: 0, officialese: [] },
  { text: 'Zijn moeder heeft de brief gisteren verstuurd.', passive: 0, officialese: [] },
  { text: 'Het gebied is bekend om de mooie natuur.', passive: 0, officialese: [] },
  { text: 'De buurt wordt steeds drukker.', passive: 0, officialese: [] },
  { text: 'Omdat de brief te laat is verstuurd, krijgt u uitstel.', passive: 1, officialese: [] },
  { text: 'Het plan kan worden ingezien in het gemeentehuis.', passive: 1, officialese: [] },
  { text: 'Indien u het niet eens bent met dit besluit, kunt u bezwaar maken.', passive: 0, officialese: ['indien'] },
  { text: 'Teneinde de veiligheid te vergroten, worden er camera\'s geplaatst.', passive: 1, officialese: ['teneinde'] },
  { text: 'Wij informeren u middels deze brief over de wijziging.', passive: 0, officialese: ['middels'] },
  { text: 'Ten aanzien van uw vraag over de huur kunnen wij het volgende melden.', passive: 0, officialese: ['ten aanzien van'] },
  { text: 'Derhalve kunnen wij uw verzoek niet honoreren.', passive: 0, officialese: ['derhalve', 'honoreren'] },
  { text: 'U dient het formulier uiterlijk 1 mei in te leveren.', passive: 0, officialese: ['dient'] },
  { text: 'De gegevens worden verstrekt aan de Belastingdienst.', passive: 1, officialese: ['verstrekt'] },
  { text: 'Gelieve het bedrag binnen veertien dagen over te maken.', passive: 0, officialese: ['gelieve'] },
  { text: 'Wij verzoeken u vriendelijk de bijgevoegde formulieren in te vullen.', passive: 0, officialese: ['wij verzoeken u', 'bijgevoegde'] },
  { text: 'In het kader van de Wmo ontvangt u een eigen bijdrage van het CAK.', passive: 0, officialese: ['in het kader van'] },
  { text: 'Het college heeft reeds besloten over de aanleg van het fietspad.', passive: 0, officialese: ['reeds'] },
  { text: 'Wij streven ernaar uw aanvraag zo spoedig mogelijk af te handelen.', passive: 0, officialese: ['zo spoedig mogelijk'] },
  { text: 'Met betrekking tot uw klacht hebben wij contact opgenomen met de aannemer.', passive: 0, officialese: ['met betrekking tot'] },
  { text: 'De subsidie wordt verleend onder de voorwaarde dat het werk voor 1 juli gereed is.', passive: 1, officialese: ['verleend', 'gereed'] },
  { text: 'Betrokkene is woonachtig op het genoemde adres.', passive: 0, officialese: ['woonachtig'] },
  { text: 'Hetgeen u in uw brief schrijft, hebben wij besproken met de wethouder.', passive: 0, officialese: ['hetgeen'] },
  { text: 'De vergunning wordt geweigerd, aangezien de aanvraag onvolledig is.', passive: 1, officialese: ['aangezien'] },
  { text: 'Wij hebben de aanvraag tevens doorgestuurd naar de provincie.', passive: 0, officialese: ['tevens'] },
  { text: 'U ontvangt het geld alsmede een overzicht van de kosten.', passive: 0, officialese: ['alsmede'] },
  { text: 'De woning is gelegen aan de rand van het dorp.', passive: 0, officialese: ['is gelegen'] },
  { text: 'Inzake uw verzoek om kwijtschelding delen wij u het volgende mede.', passive: 0, officialese: ['inzake', 'delen mede'] },
  { text: 'Voor vragen omtrent de afvalinzameling kunt u bellen met 14 020.', passive: 0, officialese: ['omtrent'] },
  { text: 'Het zwembad is gisteren na de verbouwing weer geopend.', passive: 1, officialese: [] },
  { text: 'De raad werd door de burgemeester geïnformeerd over de brand.', passive: 1, officialese: [] },
  { text: 'Wij gaan de speeltuin volgend jaar uitbreiden.', passive: 0, officialese: [] },
  { text: 'Uw gegevens zijn bij ons veilig.', passive: 0, officialese: [] },
  { text: 'Dit geld is bedoeld voor inwoners met een laag inkomen.', passive: 1, officialese: [] },
  { text: 'Wij zijn blij dat zoveel mensen hebben meegedaan.', passive: 0, officialese: [] },
  { text: 'Aanvragen die te laat worden ingediend, nemen wij niet in behandeling.', passive: 1, officialese: ['in behandeling'] },
  { text: 'De kosten van de reparatie komen voor rekening van de huurder.', passive: 0, officialese: ['komen voor rekening van'] },
  { text: 'Wij doen u hierbij de beschikking toekomen.', passive: 0, officialese: ['doen toekomen', 'beschikking'] },
  { text: 'Alvorens wij een besluit nemen, vragen wij advies aan de wijkraad.', passive: 0, officialese: ['alvorens'] },
  { text: 'De werkzaamheden vinden plaats gedurende de zomermaanden.', passive: 0, officialese: ['vinden plaats', 'gedurende'] },
  { text: 'Uw bezwaar is ongegrond verklaard.', passive: 1, officialese: ['ongegrond'] },
  { text: 'Ik ben gisteren naar de markt gegaan.', passive: 0, officialese: [] },
  { text: 'De nieuwe regels worden per 1 januari van kracht.', passive: 0, officialese: ['van kracht'] },
  { text: 'Er worden dit jaar driehonderd nieuwe woningen gebouwd.', passive: 1, officialese: [] },
  { text: 'De aanvrager dient een kopie van zijn identiteitsbewijs te overleggen.', passive: 0, officialese: ['dient', 'overleggen'] },
  { text: 'Het besluit is genomen door het college van burgemeester en wethouders.', passive: 1, officialese: [] },
];
