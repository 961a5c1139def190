import type { ChangeChain } from '../../../modules/chains';
import { isWeighed, lacksResponse } from '../../../modules/expectations';
import { Heading, Link, Paragraph } from '../../views/components';
import { editorUrls } from '../urls';

const date = (iso: string): string => new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeZone: 'Europe/Amsterdam' }).format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));

const Section = ({ id, title, addHref, addLabel, children, empty }: { id: string; title: string; addHref?: string | undefined; addLabel?: string; children: unknown[]; empty: string }) => (
  <section aria-labelledby={`kop-${id}`} id={id} class="helder-overview__section">
    <Heading level={3} id={`kop-${id}`}>{title}</Heading>
    {children.length === 0 ? <Paragraph>{empty}</Paragraph> : <ul class="utrecht-unordered-list">{children}</ul>}
    {addHref ? <Paragraph><Link href={addHref}>{addLabel}</Link></Paragraph> : null}
  </section>
);

const EXPECTATION_STATUS_WORDS: Record<string, string> = { supported: 'terecht', partly: 'deels terecht', unfounded: 'onterecht', contradicted: 'tegengesproken' };

const Item = ({ children }: { children: unknown }) => <li class="utrecht-unordered-list__item">{children as never}</li>;

/**
 * Every part of a change's chain with the forms that edit it: the editor's table of contents for a
 * change, beside the to-do list (which links only to what fails).
 */
export const ChainOverview = ({ org, chain }: { org: string; chain: ChangeChain }) => {
  const id = chain.change.id;
  const add = (entity: string) => editorUrls.add(org, 'change', id, entity);
  const groupName = (groupId: string) => chain.impacts.find((i) => i.group.id === groupId)?.group.name ?? 'doelgroep';
  return (
    <section aria-labelledby="onderdelen" class="helder-overview">
      <Heading level={2} id="onderdelen">Onderdelen</Heading>
      <Paragraph>
        <Link href={editorUrls.edit(org, 'change', id)}>Teksten en status bewerken</Link>
        {' · '}
        <Link href={editorUrls.publish(org, id)}>Publicatie</Link>
      </Paragraph>
      <Section id="doelen" title="Doelen" addHref={add('goal')} addLabel="Doel toevoegen" empty="Nog geen doelen.">
        {chain.goals.map((g) => (
          <Item>
            <Link href={editorUrls.edit(org, 'goal', g.goal.id)}>{g.goal.current.statement}</Link> (versie {g.goal.current.version}
            {g.anchored ? ', verankerd' : g.editedAfterAdoption ? ', gewijzigd na vaststelling' : ', niet verankerd'}) ·{' '}
            <Link href={`${editorUrls.entity(org, 'goal', g.goal.id)}/versies`}>Versies</Link> · <Link href={editorUrls.anchor(org, g.goal.id)}>Verankeren</Link> ·{' '}
            <Link href={editorUrls.newMeasurement(org, g.goal.id)}>Meting toevoegen</Link>
          </Item>
        ))}
      </Section>
      <Section id="maatregelen" title="Maatregelen" addHref={add('measure')} addLabel="Maatregel toevoegen" empty="Nog geen maatregelen.">
        {chain.measures.map((m) => (
          <Item>
            <Link href={editorUrls.edit(org, 'measure', m.measure.id)}>{m.measure.title}</Link> ({m.contributions.length === 1 ? '1 bijdrage' : `${m.contributions.length} bijdragen`})
          </Item>
        ))}
      </Section>
      <Section id="besluiten" title="Besluiten" addHref={add('decision')} addLabel="Besluit vastleggen" empty="Nog geen besluiten.">
        {chain.decisions.map((d) => (
          <Item>
            <Link href={editorUrls.edit(org, 'decision', d.id)}>{d.title}</Link> ({date(d.date)})
          </Item>
        ))}
      </Section>
      <Section id="gevolgen" title="Gevolgen voor doelgroepen" addHref={add('impact')} addLabel="Doelgroep toevoegen" empty="Nog geen doelgroepen.">
        {chain.impacts.map((i) => (
          <Item>
            <Link href={editorUrls.edit(org, 'impact', i.impact.id)}>{i.group.name}</Link>
          </Item>
        ))}
      </Section>
      <Section id="uitspraken" title="Uitspraken" addHref={add('statement')} addLabel="Uitspraak vastleggen" empty="Nog geen uitspraken.">
        {chain.statements.map((s) => (
          <Item>
            <Link href={editorUrls.edit(org, 'statement', s.id)}>{s.speaker}</Link> ({date(s.date)}) ·{' '}
            <Link href={`${add('expectation')}?uitspraak=${encodeURIComponent(s.id)}`}>Verwachting toevoegen</Link>
          </Item>
        ))}
      </Section>
      <Section id="verwachtingen" title="Verwachtingen" addHref={add('expectation')} addLabel="Verwachting toevoegen" empty="Nog geen verwachtingen.">
        {chain.expectations.map((e) => (
          <Item>
            <Link href={editorUrls.edit(org, 'expectation', e.id)}>{e.text}</Link> ({EXPECTATION_STATUS_WORDS[e.status] ?? e.status}
            {lacksResponse(e) ? ', nog zonder antwoord' : e.response ? ', beantwoord' : ''})
          </Item>
        ))}
      </Section>
      <Section id="belangenconflicten" title="Belangenconflicten" addHref={add('conflict')} addLabel="Belangenconflict vastleggen" empty="Nog geen belangenconflicten.">
        {chain.conflicts.map((c) => (
          <Item>
            <Link href={editorUrls.edit(org, 'conflict', c.id)}>{groupName(c.groupAId)} – {groupName(c.groupBId)}</Link> ({isWeighed(c) ? 'afgewogen' : 'nog niet afgewogen'})
          </Item>
        ))}
      </Section>
      <Section id="mijlpalen" title="Planning (mijlpalen)" addHref={add('milestone')} addLabel="Mijlpaal toevoegen" empty="Nog geen mijlpalen.">
        {chain.milestones.map((m) => (
          <Item>
            <Link href={editorUrls.edit(org, 'milestone', m.id)}>{m.title}</Link> ({date(m.date)}{m.done ? ', bereikt' : ''})
          </Item>
        ))}
      </Section>
    </section>
  );
};
