/**
 * About 3,000 of the most common Dutch words, written for Helder from general knowledge of
 * everyday Dutch (no corpus was downloaded). Lemmas only where the inflection is regular: the
 * lookup in `words.ts` strips plural, verb and comparative endings before it looks a word up.
 * Irregular forms (ging, kwam, gedaan…) are listed as they are written.
 */
export const COMMON_WORDS = `
de het een en of maar want dus omdat als dan dat die dit deze wat wie waar wanneer hoe waarom welk welke
ik jij je u hij zij ze wij we het mij me jou jouw uw hem haar ons onze hen hun zich zelf elkaar men iemand
niemand iets niets alles allemaal ieder iedereen elk elke geen niet nooit altijd vaak soms weer nog al ook
wel toch zo heel erg zeer te tot van in op aan met voor door over uit bij naar om onder tussen na tegen
zonder sinds tijdens binnen buiten boven achter naast langs rond per via vanaf volgens ondanks dankzij
er hier daar ergens overal nergens nu toen straks later eerst daarna daarom daardoor daarvoor daarmee
hierover hiervoor hiermee waarover waarvoor waarmee waardoor waarbij waarin waarop erover ervoor ermee
zijn ben bent is was waren geweest hebben heb hebt heeft had hadden gehad worden word wordt werd werden
geworden kunnen kan kun kunt kon konden gekund zullen zal zul zult zou zouden moeten moet moest moesten
mogen mag mocht mochten willen wil wilt wilde wilden wou gaan ga gaat ging gingen gegaan komen kom komt
kwam kwamen gekomen doen doe doet deed deden gedaan zien zie ziet zag zagen gezien staan sta staat stond
stonden gestaan krijgen kreeg kregen gekregen geven gaf gaven gegeven nemen nam namen genomen zeggen zei
zeiden gezegd weten weet wist wisten geweten vinden vond vonden gevonden houden hield hielden gehouden
laten liet lieten gelaten blijven bleef bleven gebleven liggen lag lagen gelegen zitten zat zaten gezeten
lopen liep liepen gelopen brengen bracht brachten gebracht denken dacht dachten gedacht kopen kocht
kochten gekocht zoeken zocht zochten gezocht vragen vroeg vroegen gevraagd schrijven schreef schreven
geschreven lezen las lazen gelezen spreken sprak spraken gesproken beginnen begon begonnen eten at aten
gegeten drinken dronk gedronken slapen sliep geslapen helpen hielp hielpen geholpen sluiten sloot
gesloten kiezen koos kozen gekozen betalen betaald kennen kende gekend leren leerde geleerd maken maakte
gemaakt werken werkte gewerkt wonen woonde gewoond spelen speelde gespeeld zetten zette gezet leggen
legde gelegd horen hoorde gehoord praten praatte gepraat wachten wachtte gewacht bellen belde gebeld
sturen stuurde gestuurd openen opende geopend proberen probeerde geprobeerd gebruiken gebruikte
gebruikt veranderen verandert veranderd bouwen bouwde gebouwd betekenen betekent betekende besluiten
besloot besloten beslissen beslist bespreken besprak besproken bestaan bestond bestaat beloven belooft
beloofd bedoelen bedoeld bedenken bedacht bekijken bekeek bekeken bepalen bepaald bereiken bereikt
beschermen beschermd bestellen besteld bewaren bewaard bezoeken bezocht verbeteren verbeterd verdienen
verdiend vergeten vergat verhuizen verhuisd verkopen verkocht verliezen verloor verloren vertellen
verteld vertrekken vertrok vertrokken verwachten verwacht verwijderen verzamelen vervangen voelen voelde
gevoeld volgen volgde gevolgd antwoorden antwoordde aanvragen vroeg aan aangevraagd afspreken afgesproken
meedoen deed mee meegedaan ophalen opgehaald opnemen opgenomen invullen ingevuld inleveren ingeleverd
uitleggen uitgelegd uitvoeren uitgevoerd doorgaan doorgegaan meenemen meegenomen terugkomen
opbellen opgebeld aanmelden aangemeld afmelden afgemeld inschrijven ingeschreven uitschrijven
regelen geregeld controleren gecontroleerd kosten kostte gekost rijden reed reden gereden fietsen
gefietst lopen rennen vallen viel gevallen stoppen gestopt starten gestart groeien gegroeid stijgen steeg
gestegen dalen daalde gedaald zakken stappen stapte leven leefde geleefd sterven stierf gestorven
trouwen getrouwd scheiden gescheiden huren huurde gehuurd lenen leende geleend sparen spaarde gespaard
delen deelde gedeeld tellen telde geteld meten mat gemeten wegen woog gewogen passen paste gepast
missen miste gemist hopen hoopte gehoopt wensen wenste gewenst dromen geloven geloofde geloofd
vertrouwen vertrouwd twijfelen snappen begrijpen begreep begrepen leren onthouden vergelijken vergeleek
noemen noemde genoemd roepen riep geroepen lachen huilen zingen zong gezongen dansen koken kookte
gekookt wassen waste gewassen schoonmaken schoongemaakt opruimen opgeruimd repareren gerepareerd
dragen droeg gedragen trekken trok getrokken duwen slaan sloeg geslagen gooien gooide gegooid vangen
ving gevangen raken raakte geraakt breken brak gebroken vullen vulde gevuld tonen toonde getoond
laten lijken leek leken geleken blijken bleek bleken gebleken heten heette geheten bestaan hangen hing
gehangen steunen steunde gesteund beschrijven beschreef beschreven kloppen klopte geklopt toestaan
verbieden verbood verboden zorgen zorgde gezorgd letten lette gelet oefenen geoefend studeren
gestudeerd reizen reisde gereisd landen huilen winnen won gewonnen verliezen bezitten bezat
ontvangen ontving ontvangen ontmoeten ontmoet ontdekken ontdekt ontstaan ontstond ontwikkelen
ontwikkeld herhalen herhaald herkennen herkend erkennen erkend toevoegen toegevoegd aanpassen aangepast
afmaken afgemaakt beantwoorden beantwoord bijdragen bijgedragen meewerken meegewerkt samenwerken
samengewerkt oplossen opgelost uitgeven uitgegeven uitnodigen uitgenodigd voorstellen voorgesteld
plannen gepland organiseren georganiseerd informeren geïnformeerd melden gemeld klagen geklaagd
reageren gereageerd stemmen gestemd kiezen beslissen zorgen kijken keek keken gekeken luisteren
geluisterd gebeuren gebeurde gebeurd lukken lukte gelukt mislukken mislukt duren duurde geduurd
wijzen wees gewezen openen sluiten verdwijnen verdween verdwenen verschijnen verscheen verschenen
verplaatsen verplaatst verdelen verdeeld vergroten vergroot verkleinen verminderen verminderd verhogen
verhoogd verlagen verlaagd afnemen afgenomen toenemen toegenomen uitbreiden uitgebreid vernieuwen
vernieuwd herstellen hersteld onderhouden onderhoud aanleggen aangelegd afsluiten afgesloten
ophogen inrichten ingericht plaatsen geplaatst planten geplant maaien gemaaid vegen geveegd
verzorgen verzorgd behandelen behandeld opvangen opgevangen begeleiden begeleid ondersteunen
ondersteund vergoeden vergoed terugbetalen terugbetaald aanbieden aangeboden afhalen bezorgen bezorgd
ophouden uitzoeken uitgezocht nadenken nagedacht opletten opgelet oppassen doorsturen doorgestuurd
versturen verstuurd aankomen aangekomen aannemen aangenomen afwijzen afgewezen goedkeuren goedgekeurd
toestemming beslissing besluit antwoord vraag vragen brief mail e-mail bericht nieuws telefoon nummer
adres naam voornaam achternaam geboortedatum datum dag week maand jaar uur minuut seconde tijd moment
morgen middag avond nacht ochtend vandaag gisteren vanavond vannacht vanmorgen maandag dinsdag woensdag
donderdag vrijdag zaterdag zondag weekend januari februari maart april mei juni juli augustus september
oktober november december lente zomer herfst winter begin eind einde midden helft deel stuk keer
mens mensen man vrouw kind kinderen jongen meisje baby ouder ouders vader moeder zoon dochter broer
zus opa oma familie gezin vriend vriendin buurman buurvrouw buren buur collega baas klant leerling
student leraar juf meester dokter arts huisarts verpleegkundige politie agent brandweer ambulance
wethouder burgemeester minister koning koningin politiek partij regering overheid land stad dorp
wijk buurt straat weg laan plein park tuin huis woning flat appartement kamer keuken badkamer
slaapkamer wc toilet deur raam dak muur vloer trap lift garage schuur gebouw school kerk moskee winkel
supermarkt markt bank kantoor bedrijf fabriek ziekenhuis station bus trein tram metro auto fiets
scooter brommer motor boot vliegtuig taxi parkeerplaats parkeren stoep fietspad kruispunt verkeer
verkeerslicht zebrapad brug water rivier kanaal zee strand bos boom bloem gras plant dier hond kat
vogel paard koe vis natuur weer regen zon wind sneeuw lucht warm koud nat droog licht donker kleur
rood blauw groen geel wit zwart grijs bruin oranje roze paars geld euro cent prijs kosten betaling
rekening loon salaris inkomen pensioen werk baan beroep vak opleiding cursus les klas diploma examen
toets boek krant blad pagina tekst woord zin taal nederlands engels lijst formulier kaart pas foto film
muziek spel sport voetbal feest vakantie reis trip bezoek eten drinken brood kaas melk koffie thee
water bier wijn fruit appel groente vlees soep ontbijt lunch diner maaltijd restaurant café hotel
lichaam hoofd hand voet arm been oog oor neus mond tand haar hart buik rug gezondheid ziekte ziek
gezond pijn medicijn apotheek zorg hulp steun veiligheid veilig gevaar gevaarlijk ongeluk schade
probleem oplossing plan idee mening gedachte gevoel reden oorzaak gevolg resultaat doel manier vorm
soort type rol taak plicht recht regel regels wet afspraak afspraken belofte keuze kans risico
voordeel nadeel verschil verandering ontwikkeling situatie geval voorbeeld vraag punt onderwerp zaak
ding dingen kant plek plaats ruimte grond gebied terrein centrum ingang uitgang route richting afstand
kilometer meter centimeter kilo gram liter procent aantal nummer getal helft kwart miljoen miljard
duizend honderd een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien
twintig dertig veertig vijftig zestig zeventig tachtig negentig eerste tweede derde vierde vijfde
laatste volgende vorige ander andere zelfde hetzelfde dezelfde zulke zo'n veel meer meest weinig minder
minst genoeg beetje paar enkele sommige verschillende alle beide hele heel groot klein lang kort hoog
laag breed smal dik dun zwaar licht snel langzaam vroeg laat oud nieuw jong goed slecht beter best
mooi lelijk leuk fijn prettig vervelend rustig druk stil luid schoon vies duur goedkoop gratis rijk arm
sterk zwak blij boos bang moe verdrietig trots tevreden gelukkig ongelukkig eenzaam samen alleen
makkelijk gemakkelijk moeilijk lastig simpel eenvoudig duidelijk belangrijk nodig nuttig handig
mogelijk onmogelijk zeker onzeker waar echt eerlijk open dicht vrij bezet vol leeg klaar bekend
onbekend normaal gewoon bijzonder speciaal apart vreemd raar grappig serieus aardig vriendelijk
lief gemeen slim dom juist fout goed verkeerd precies ongeveer bijna helemaal vooral meestal
misschien natuurlijk eigenlijk gelukkig helaas graag liever zelfs alleen pas net even ineens opeens
direct meteen snel binnenkort vroeger later eerder daarna voordat nadat terwijl zodra hoewel zodat
totdat tenzij doordat behalve namelijk bijvoorbeeld ongeveer ook nog verder bovendien daarbij
ja nee oké dank bedankt alstublieft alsjeblieft sorry hallo dag groet groeten welkom succes
vriendelijk hartelijk beste geachte meneer mevrouw heer dame team afdeling medewerker
hoeven hoeft hoefde gehoeven durven durft durfde kunnen kende ken kent weet weten vind vindt lig ligt
zit zitten sta staat loop loopt gaat doet ziet zegt geeft neemt komt krijgt houdt laat blijft heet
wordt werd mocht moest kon zou wilde ging kwam deed zag zei gaf nam kreeg hield liet bleef lag zat
stond liep bracht dacht kocht zocht vroeg schreef las sprak begon at dronk sliep hielp sloot koos
aankunnen aanzetten afdoen afgeven afhandelen afleveren afkopen aflopen afspelen afwachten afwerken
ingaan ingrijpen inhalen inkopen inpakken inrijden invoeren inzetten inzien meebrengen meegaan
meekomen meemaken meerijden meetellen meevallen neerzetten omdraaien omgaan omkeren omrijden
onderbreken ondertekenen opbrengen opeten opgaan opkomen opmaken opruimen opschrijven opstaan
opzeggen opzetten overdragen overkomen overlopen overmaken overnemen overstappen oversteken
terugbellen teruggaan terugkijken terugsturen toelaten toezeggen uitdelen uitdoen uitgaan uithalen
uitkiezen uitkijken uitlenen uitpakken uitproberen uitrusten uitstellen uitzetten vastzetten
voorbereiden voordoen voorlezen voorzien wegbrengen weggaan weghalen wegleggen wegnemen
aanpassen afsluiten indienen ingediend diende dient omleiden ombouwen opknappen slopen vervangen
afbreken aanbrengen graven leggen snoeien kappen planten zaaien verven schilderen
aanvrager afsluiting omleiding omgeving wegdek asfalt stoeptegel tegels bestrating riool kabel
leiding lantaarnpaal bankje prullenbak speelplaats trapveld hek parkeergarage bushalte halte
perron dienstregeling vertraging file drukte spits snelheid drempel rotonde kruising oversteekplaats
voetganger fietser automobilist bestuurder chauffeur passagier reiziger bezoeker toerist
inwoner bewoner huurder eigenaar koper verkoper werkgever werknemer zzp'er vrijwilliger mantelzorger
patiënt cliënt leerling scholier docent ouder verzorger oppas kinderopvang peuter kleuter tiener
jongere volwassene oudere senior gepensioneerde weduwe gezin huishouden alleenstaande stel paar
buurtbewoner wijkagent medewerker adviseur deskundige specialist onderzoeker ambtenaar bestuurder
woonkamer zolder kelder balkon tuin schutting voordeur brievenbus bel sleutel slot verwarming
kachel ketel stroom gas elektriciteit meter rekening energierekening huurprijs hypotheek
verhuizer doos meubel bank stoel tafel bed kast lamp televisie radio computer laptop printer
papier pen envelop postzegel post pakket levering bon kassa pinpas contant betalen bankrekening
rekeningnummer saldo schuld lening rente spaargeld toeslag korting boete kosten bijdrage
ziektekosten zorgverzekering eigen risico huisarts tandarts ziekenhuis apotheek recept medicijnen
griep corona vaccin prik test uitslag afspraak wachtkamer spreekuur behandeling zorgverlener
thuiszorg verpleeghuis verzorgingshuis dagopvang dagbesteding begeleiding hulpverlener
school basisschool middelbare vmbo havo vwo mbo hbo universiteit studie stage diploma rapport
schoolplein gymzaal schoolreis huiswerk lesrooster vakantiedag
milieu natuur afval vuil rommel plastic glas blik karton gft restafval kringloop recycling
luchtkwaliteit geluid lawaai stank rook vuur brand storm overstroming droogte hitte
boom bomen struik heg bloemen gras grasveld plantsoen park vijver sloot dijk polder veld weiland
boer boerderij koe schaap varken kip paard hond kat konijn vogel eend meeuw muis rat insect bij
fietsenrek stalling deelfiets deelauto laadpaal zonnepaneel isolatie
sport sportclub vereniging training wedstrijd zwemmen voetbal hockey tennis fitness dansen
muziek concert festival markt braderie kermis feest viering optocht tentoonstelling museum theater
bioscoop bibliotheek boekwinkel kapper bakker slager groenteboer drogist tankstation garagebedrijf
horeca terras kroeg snackbar
veilig onveilig gevaarlijk druk rustig schoon vies kapot heel nieuw oud mooi lelijk groen grijs
breed smal diep ondiep zacht hard glad nat droog warm heet koel koud fris zonnig bewolkt
afgelopen komende vorige volgende huidige eerdere latere nieuwste oudste grootste kleinste
binnenkort straks vanaf tot en met uiterlijk uiterlijk ongeveer zowat precies telkens meestal
bovenaan onderaan vooraan achteraan bovenop binnenin buitenom rechtdoor linksaf rechtsaf links
rechts noord oost zuid west noorden oosten zuiden westen centrum dorpskern wijkje
kwijt terug weg thuis buiten binnen boven beneden onder achter voor naast tegenover tussen
eigenlijk gewoon echt heus zeker vast misschien wellicht hopelijk gelukkig jammer helaas graag
iedereen allemaal niemand sommigen velen weinigen anderen beiden
antwoordt vraagt belt schrijft stuurt maakt werkt woont speelt leert helpt betaalt koopt
aanwezig afwezig beschikbaar bereikbaar open gesloten geopend dicht vol leeg bezet vrij
toegankelijk rolstoelvriendelijk kindvriendelijk
rijbewijs kenteken auto parkeren parkeervak invalidenparkeerplaats boete wegsleep
wijziging aanpassing verandering verbouwing renovatie sloop nieuwbouw bouwproject bouwplaats
aannemer architect ontwerp tekening kaart plattegrond foto film filmpje video
bijeenkomst inloopavond avond informatieavond presentatie gesprek overleg vergadering uitnodiging
aanmelding inschrijving opgave deelname deelnemer
reactie mening idee wens zorg zorgen klacht compliment vraag antwoord uitleg advies tip
ingang uitgang doorgang route omweg afstand minuut kwartier halfuur
maandelijks wekelijks dagelijks jaarlijks elke iedere
ongeluk letsel slachtoffer getuige dader diefstal inbraak vandalisme overval geweld ruzie
boa handhaver toezicht camera controle waarschuwing
aanbod aandacht aanpak aanleiding aantal aanvang aard actie activiteit activiteiten advies afloop
afval akkoord algemeen alternatief ambitie analyse angst antwoord apparaat arbeid artikel auto avond
basis bedrag begroting behoefte belang belangstelling beleid bericht beroep bestuur betrokken bevolking
beweging bewijs bezoeker bijeenkomst bijlage blik bod bodem bord boete bouw breuk budget burger
categorie cijfer computer contact contract controle crisis cultuur dak data deadline debat deelnemer
dienst diensten discussie doelgroep donatie draagvlak drempel druk effect eigenaar eis eisen energie
ervaring evenement fase feit fout fractie functie gebruik gebruiker gedrag gegevens geheel gelegenheid
gemak gemeenschap gesprek gewoonte gezag grens groep groei grootte hal handtekening helft herinnering
hoeveelheid hoogte houding huur identiteit informatie initiatief inhoud inkomsten instantie instelling
internet invloed jeugd jongeren kaart kader kamer karakter kennis kern klacht kwaliteit kwestie
leeftijd leiding lid leden lijn locatie lucht maatregel maatregelen macht materiaal media middel
midden milieu moeite nieuws niveau nood notitie onderdeel onderwijs onderzoek ontwerp opdracht
openbaar organisatie overleg overzicht partner periode persoon personeel positie praktijk presentatie
principe prioriteit privacy procedure proces product programma project rapport reactie rechter
regio rekening richtlijn ronde ruimte samenleving samenwerking schema scholen sector signaal stap
stappen status steun stof stuk systeem techniek tekort termijn thema toekomst toegang toelichting
toename totaal traject uitleg uitnodiging uitslag uitzondering vak verbinding vereniging vergadering
verhaal verkeer verklaring verlies verslag verzoek voorstel voorwaarde voorwaarden voorziening vorm
vraag waarde wens werkgever werknemer werkplaats wijze winst woord zaak zekerheid zicht
aanwezig actief afhankelijk akkoord algemeen beschikbaar betaalbaar bewust blijvend centraal concreet
dagelijks definitief digitaal direct dringend echt eigen eind enorm extra flink gemiddeld geschikt
gelijk gezamenlijk hard hoofd huidig jaarlijks juist klaar kwetsbaar landelijk lokaal maandelijks
maatschappelijk medisch mogelijk nationaal noodzakelijk officieel openbaar oud passend persoonlijk
positief negatief praktisch prima publiek redelijk regelmatig schriftelijk sociaal tijdelijk totaal
uniek vast verantwoordelijk verplicht volledig voldoende volgend voorlopig vorig wekelijks wettelijk
zichtbaar zorgvuldig zwaar
aankondigen aanraden accepteren afhangen afstemmen bedanken beheren beïnvloeden belasten bellen
beoordelen beperken berekenen beschikken besparen bestrijden betrekken bevatten bewegen bieden
blijken botsen dalen danken dekken delen drukken eindigen ervaren gelden genieten groeten handelen
hebben herinneren instellen investeren kampen klinken kosten krijgen leiden letten leveren lijden
maken merken mengen nemen noteren omgaan onderzoeken ontbreken opbouwen opgeven opleveren oprichten
opstellen optreden opvallen opzoeken overleggen overwegen plaatsvinden realiseren rekenen richten
schatten scheppen schrappen signaleren slagen spelen stellen stimuleren storen straffen streven
stuiten tekenen toepassen trainen uitbreiden uitgaan uitkomen uitwerken vaststellen veroorzaken
verbinden verklaren verlengen verlenen vermijden verplichten verrichten verspreiden verstrekken
vertalen verwerken verzetten voeren voldoen voorkomen voorbereiden vormen waarderen waarschuwen
weigeren werven wijzigen winnen zoeken
achteraf allebei alsnog anders apart bijvoorbeeld binnenkort dichtbij elders eens eindelijk enkel
gauw gewoonlijk haast hoofdzakelijk inmiddels intussen jammer juist keer langer liefst maximaal
minimaal misschien mogelijk nauwelijks nergens nogal ongeveer ooit opnieuw overigens rechtstreeks
regelmatig samen sindsdien slechts steeds straks tegelijk telkens tenminste tevoren uiteindelijk
uiterlijk uitgebreid vaak vanzelf verder voortaan vooraf vooruit vroeger waarschijnlijk wellicht
zeker zelf zoveel zowel
`;

/** Everyday words for public services that B1 readers know from letters and websites. */
export const GOVERNMENT_WORDS = `
gemeente gemeentehuis stadhuis stadsdeel gemeenteraad raad raadslid college wethouder burgemeester
provincie waterschap rijk rijksoverheid overheid ministerie loket balie servicepunt klantcontactcentrum
uitkering bijstand toeslag toeslagen zorgtoeslag huurtoeslag kinderopvangtoeslag kindgebonden budget
kinderbijslag aow ww wia wajong wmo wet regeling subsidie vergoeding belasting belastingdienst heffing
aanslag aangifte kwijtschelding betalingsregeling schuld schulden schuldhulp schuldhulpverlening
digid mijnoverheid bsn burgerservicenummer paspoort identiteitskaart id-kaart rijbewijs uittreksel
verhuizing verhuismelding adreswijziging inschrijving brp basisregistratie geboorteaangifte
formulier aanvraag aanvragen aanvraagformulier bezwaar bezwaarschrift beroep klacht melding besluit
brief beschikking vergunning omgevingsvergunning parkeervergunning bouwvergunning evenementenvergunning
bestemmingsplan omgevingsplan afval restafval gft plastic papier glas container kliko milieustraat
grofvuil ophaaldag afvalkalender afvalstoffenheffing rioolheffing ozb parkeren parkeerplaats
parkeerkosten parkeerzone fietsenstalling speeltuin sportpark sporthal zwembad bibliotheek buurthuis
wijkcentrum huisvesting woningcorporatie huurwoning koopwoning sociale huur huurder verhuurder
mantelzorg mantelzorger huishoudelijke hulpmiddel hulpmiddelen rolstoel scootmobiel dagbesteding
jeugdzorg jeugdhulp wijkteam sociaal buurtteam consulent ambtenaar inwoner inwoners ondernemer
ondernemers bewoner bewoners vereniging stichting vrijwilliger vrijwilligers vrijwilligerswerk
participatiewet re-integratie werkzoekende uwv svb cak ggd veiligheidsregio politie handhaving boa
inspraak raadsvergadering verkiezing verkiezingen stempas stembureau gemeentelijk gemeentelijke
begroting kosten budget plan plannen project projecten werkzaamheden wegwerkzaamheden omleiding
verkeersbesluit bekendmaking bekendmakingen website online internet app account wachtwoord
inloggen inlogcode e-mailadres telefoonnummer telefonisch afspraak wachttijd openingstijden
energie energietoeslag isolatie zonnepanelen warmtepomp aardgas duurzaam klimaat groen
overlast geluidsoverlast zwerfafval onderhoud straatverlichting stoep riolering
`;
