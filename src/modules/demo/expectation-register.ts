import { recordConflict, recordExpectation, recordStatement } from '../expectations';
import { councilUrl } from './council';
import type { SeedContext } from './seed-context';

/**
 * The expectation registers of the demo (docs/expectations.md): what politicians and the
 * newspaper promised, what groups expect, whether a goal or decision backs it, what the
 * municipality answers, and how the council weighed groups that gain against groups that lose
 * (legitimacy rules 10 and 11). Each change file calls its own register once its goals,
 * decisions and impacts exist.
 */

// The local newspaper and radio of the demo; like the municipality, they do not exist.
const STADSKRANT = 'Stadskrant Voorbeeldstad';
const newsUrl = (path: string): string => `https://stadskrant.voorbeeldstad.example/${path}`;

/**
 * Paid parking: residents gain, drivers from elsewhere and informal carers lose, and the council
 * weighed both in the regulation it adopted. An alderman's campaign promise of free parking on
 * Saturdays is unfounded (the council rejected the motie asking for it) and answered in public.
 */
export const seedParkingRegister = async (
  ctx: SeedContext,
  ids: { changeId: string; regulation: string; permitAmendment: string; pressureGoal: string },
): Promise<void> => {
  const { deps, actor, cal, groups } = ctx;
  const { changeId } = ids;
  const debateUrl = 'https://radio.voorbeeldstad.example/verkiezingsdebat';
  const promise = await recordStatement(deps, actor, changeId, {
    speaker: 'Peter van Dam',
    speakerKind: 'alderman',
    role: 'wethouder Economie (VVD)',
    medium: 'Verkiezingsdebat van Radio Voorbeeldstad',
    date: cal.month(-19, 12),
    quote: 'Betaald parkeren in de Parkwijk komt er misschien. Maar parkeren op zaterdag blijft gratis. Daar zorg ik voor.',
    url: debateUrl,
  });
  // Unfounded, not contradicted: no goal says otherwise, and an unfounded expectation links
  // nothing. The rejected motie "Gratis parkeren op zaterdag" (M-…-088-3) is named in the answer.
  await recordExpectation(deps, actor, changeId, {
    text: 'Parkeren op zaterdag blijft gratis in de Parkwijk.',
    kind: 'predictive',
    source: 'political_statement',
    groupId: groups.automobilisten,
    statementId: promise.id,
    raisedBy: 'Peter van Dam, wethouder Economie',
    raisedWhere: 'Verkiezingsdebat van Radio Voorbeeldstad',
    raisedOn: promise.date,
    sourceUrl: debateUrl,
    status: 'unfounded',
    response: {
      text: 'Op zaterdag betaalt u in de Parkwijk voor parkeren, net als op andere dagen. Alleen op zondag is parkeren gratis. De raad stemde tegen de motie "Gratis parkeren op zaterdag".',
      channel: 'Pagina van de verandering en de Stadskrant',
      date: cal.month(-13, 1),
    },
  });
  await recordExpectation(deps, actor, changeId, {
    text: 'Bewoners vinden straks weer een plek bij hun huis.',
    kind: 'predictive',
    source: 'consultation',
    groupId: groups.parkwijk,
    raisedBy: 'Bewoners van de Parkwijk',
    raisedWhere: 'Avond voor bewoners en ondernemers',
    raisedOn: cal.month(-17, 5),
    status: 'supported',
    goalIds: [ids.pressureGoal],
    decisionIds: [ids.regulation],
  });
  const articleUrl = newsUrl('parkwijk-betaald-parkeren');
  const article = await recordStatement(deps, actor, changeId, {
    speaker: 'Sanne Visser',
    speakerKind: 'journalist',
    role: 'verslaggever',
    medium: STADSKRANT,
    date: cal.month(-14, 12),
    quote: 'Bewoners van de Parkwijk parkeren straks gratis in hun eigen straat.',
    url: articleUrl,
  });
  await recordExpectation(deps, actor, changeId, {
    text: 'Bewoners van de Parkwijk parkeren gratis in hun eigen wijk.',
    kind: 'predictive',
    source: 'media',
    groupId: groups.parkwijk,
    statementId: article.id,
    raisedBy: STADSKRANT,
    raisedWhere: 'Artikel over het besluit van de raad',
    raisedOn: article.date,
    sourceUrl: articleUrl,
    status: 'partly',
    decisionIds: [ids.permitAmendment],
    response: {
      text: 'Met een vergunning betaalt u niet per uur. Maar de vergunning kost wel geld: de eerste kost 60 euro per jaar.',
      channel: 'Pagina van de verandering',
      date: cal.month(-13, 1),
    },
  });

  await recordConflict(deps, actor, changeId, {
    groupAId: groups.parkwijk,
    groupBId: groups.automobilisten,
    description: 'Bewoners willen een vrije plek bij hun huis. Forenzen en bezoekers willen gratis parkeren dicht bij het centrum.',
    weighing:
      'De raad vond een plek voor bewoners belangrijker, omdat zij elke dag bij hun huis moeten kunnen parkeren. Wie van buiten komt, parkeert gratis op het P+R-terrein Stationsweg. De pendelbus rijdt elke tien minuten naar het centrum.',
    decisionId: ids.regulation,
  });
  // Weighed in the council, but nobody wrote down for the carers what it means for them: that is
  // the parking change's rule 9 gap, not a rule 10 one.
  await recordConflict(deps, actor, changeId, {
    groupAId: groups.parkwijk,
    groupBId: groups.mantelzorgers,
    description: 'Bewoners willen een vrije plek bij hun huis. Mantelzorgers komen vaak en lang bij iemand in de wijk, en willen daar niet voor betalen.',
    weighing:
      'De raad vond een vrije plek voor bewoners belangrijker, omdat de wijk anders vol blijft staan. Een aparte regeling voor mantelzorgers kwam er niet. Bij de evaluatie kijkt de gemeente of die toch nodig is.',
    decisionId: ids.regulation,
  });
};

/**
 * The library: students gain longer opening hours in the centre, residents of Noord lose their
 * branch; the budget decision weighed it. A council member's warning that elderly people in Noord
 * could no longer borrow books is contradicted by the goal "Bibliotheek aan huis voor 300 ouderen".
 */
export const seedLibraryRegister = async (
  ctx: SeedContext,
  ids: { changeId: string; budget: string; elderlyGoal: string; decidedOn: string },
): Promise<void> => {
  const { deps, actor, cal, groups } = ctx;
  const { changeId } = ids;
  const debateUrl = councilUrl('vergaderingen/begroting');
  const warning = await recordStatement(deps, actor, changeId, {
    speaker: 'Fatima El Amrani',
    speakerKind: 'politician',
    role: 'fractievoorzitter SP',
    medium: 'Debat over de begroting in de gemeenteraad',
    date: ids.decidedOn,
    quote: 'Als de bibliotheek in Noord dichtgaat, kunnen ouderen in Noord geen boek meer lenen.',
    url: debateUrl,
  });
  await recordExpectation(deps, actor, changeId, {
    text: 'Ouderen in Noord kunnen geen boeken meer lenen als de bibliotheek dichtgaat.',
    kind: 'predictive',
    source: 'political_statement',
    groupId: groups.ouderen,
    statementId: warning.id,
    raisedBy: 'Fatima El Amrani, fractievoorzitter SP',
    raisedWhere: 'Debat over de begroting in de gemeenteraad',
    raisedOn: warning.date,
    sourceUrl: debateUrl,
    status: 'contradicted',
    goalIds: [ids.elderlyGoal],
    response: {
      text: 'Kunt u niet naar de bibliotheek komen? Dan brengt een vrijwilliger de boeken bij u thuis. U kunt ook boeken lenen bij het boekenpunt in buurthuis De Schakel.',
      channel: 'Brief aan alle huizen in Noord',
      date: cal.month(-26, 1),
    },
  });
  await recordConflict(deps, actor, changeId, {
    groupAId: groups.studenten,
    groupBId: groups.noord,
    description: 'Inwoners van Noord willen hun eigen bibliotheek dichtbij houden. Studenten willen een bibliotheek die vaker en langer open is.',
    weighing:
      'De raad vond één bibliotheek die vaak open is belangrijker dan drie kleine, omdat de gemeente moest besparen. Het geld blijft zo over voor zorg en jeugd. Voor Noord kwam er een boekenpunt in buurthuis De Schakel.',
    decisionId: ids.budget,
  });
};

/**
 * The waste collection, the complete change: a worry from the pilot is contradicted by a goal, and
 * answered with what the measurements show. No group gains at another's cost, so no conflict.
 */
export const seedWasteRegister = async (ctx: SeedContext, ids: { changeId: string; dumpedGoal: string }): Promise<void> => {
  const { deps, actor, cal } = ctx;
  await recordExpectation(deps, actor, ids.changeId, {
    text: 'Als de grijze container minder vaak leeg gaat, zetten mensen meer afval naast de container.',
    kind: 'predictive',
    source: 'consultation',
    raisedBy: 'Bewoners van Zuid',
    raisedWhere: 'Bewonersavond over de proef in Zuid',
    raisedOn: cal.month(-23, 1),
    status: 'contradicted',
    goalIds: [ids.dumpedGoal],
    response: {
      text: 'In de eerste maanden kwamen er meer meldingen van afval naast de container. Nu zijn het er minder dan voor de verandering. Ziet u afval naast een container? Meld het via de website.',
      channel: 'Pagina van de verandering en de evaluatie voor de raad',
      date: cal.month(-3, 15),
    },
  });
};

/**
 * The playgrounds: the demo's one gap in the register (rule 11). The newspaper wrote that the
 * playgrounds will come for sure, before the council voted; nothing decided backs that, and the
 * municipality has not answered it yet.
 */
export const seedPlaygroundsRegister = async (ctx: SeedContext, ids: { changeId: string }): Promise<void> => {
  const { deps, actor, cal, groups } = ctx;
  const articleUrl = newsUrl('zes-nieuwe-speeltuinen-voor-noord');
  const article = await recordStatement(deps, actor, ids.changeId, {
    speaker: 'Ruud Kok',
    speakerKind: 'journalist',
    role: 'verslaggever',
    medium: STADSKRANT,
    date: cal.month(-1, 22),
    quote: 'Noord krijgt zes nieuwe speeltuinen. Kinderen kunnen er volgend jaar spelen.',
    url: articleUrl,
  });
  // The gap: unfounded (the council has not voted yet), and not answered yet.
  await recordExpectation(deps, actor, ids.changeId, {
    text: 'De zes nieuwe speelplekken in Noord komen er zeker.',
    kind: 'predictive',
    source: 'media',
    groupId: groups.gezinnen,
    statementId: article.id,
    raisedBy: STADSKRANT,
    raisedWhere: 'Artikel "Zes nieuwe speeltuinen voor Noord"',
    raisedOn: article.date,
    sourceUrl: articleUrl,
    status: 'unfounded',
  });
};
