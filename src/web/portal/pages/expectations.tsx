import type { ChangeChain } from '../../../modules/chains';
import type { Expectation, ExpectationStatus } from '../../../modules/expectations';
import { Heading, Link, ListItem, Paragraph, Prose, StatusBadge, UnorderedList, type BadgeTone } from '../../views/components';
import { safeHref } from '../../views/render';
import { formatDate } from '../i18n';
import type { View } from '../site';
import { VOICE } from '../voice-i18n';

/**
 * "Wat u wel en niet kunt verwachten" (issue 4): what politicians and the media said, the
 * expectations nothing decided backs (or a goal contradicts) with our public answer, the ones a goal
 * or decision does back, and how conflicts between groups were weighed. All of it comes from the
 * chain, so it is part of the cached change page: it changes only with a register write.
 */
const TONE: Record<ExpectationStatus, BadgeTone> = { supported: 'success', partly: 'warning', unfounded: 'danger', contradicted: 'danger' };

const names = (chain: ChangeChain) => {
  const groups = new Map(chain.impacts.map((i) => [i.group.id as string, i.group.name]));
  const goals = new Map(chain.goals.map((g) => [g.goal.id as string, g.goal.current.statement]));
  const decisions = new Map(chain.decisions.map((d) => [d.id as string, d]));
  return { groups, goals, decisions };
};

const ExpectationItem = ({ view, e, chain }: { view: View; e: Expectation; chain: ChangeChain }) => {
  const v = VOICE[view.lang];
  const { groups, goals, decisions } = names(chain);
  const who = e.groupId ? (groups.get(e.groupId) ?? v.aGroup) : v.everyone;
  const links = [
    ...e.goalIds.map((id) => goals.get(id)).filter((s): s is string => Boolean(s)),
    ...e.decisionIds.map((id) => decisions.get(id)).filter((d) => d !== undefined).map((d) => `${view.labels.decisionKind[d!.kind]} “${d!.title}”`),
  ];
  const against = e.status === 'contradicted' || e.status === 'unfounded';
  const source = safeHref(e.sourceUrl);
  return (
    <li class="helder-expectation">
      <p class="utrecht-paragraph helder-expectation__meta">
        <StatusBadge tone={TONE[e.status]}>{v[e.status]}</StatusBadge> <span>{v.expectedBy} {e.groupId ? <span lang="nl">{who}</span> : who}</span>
      </p>
      <blockquote class="helder-expectation__text" lang="nl"><p class="utrecht-paragraph">{e.text}</p></blockquote>
      {e.raisedBy ? (
        <p class="utrecht-paragraph utrecht-paragraph--small">
          {v.raisedBy}: <span lang="nl">{e.raisedBy}{e.raisedWhere ? `, ${e.raisedWhere}` : ''}</span>{e.raisedOn ? `, ${formatDate(view.lang, e.raisedOn)}` : ''}
          {source ? <> · <Link href={source} external>{v.readSource}</Link></> : null}
        </p>
      ) : null}
      {links.length > 0 ? (
        <>
          <p class="utrecht-paragraph helder-expectation__label">{against ? v.contradictedBy : v.backedBy}:</p>
          <UnorderedList>{links.map((l) => <ListItem><span lang="nl">{l}</span></ListItem>)}</UnorderedList>
        </>
      ) : null}
      {against ? (
        e.response?.text.trim() ? (
          <div class="helder-expectation__response">
            <p class="utrecht-paragraph helder-expectation__label">{v.ourResponse}:</p>
            <Prose text={e.response.text} lang="nl" />
            {e.response.channel ? (
              <p class="utrecht-paragraph utrecht-paragraph--small">
                {v.responseWhere} <span lang="nl">{e.response.channel}</span>{e.response.date ? `, ${formatDate(view.lang, e.response.date)}` : ''}.
              </p>
            ) : null}
          </div>
        ) : (
          <p class="utrecht-paragraph helder-expectation__response">{v.noResponseYet}</p>
        )
      ) : null}
    </li>
  );
};

export const Expectations = ({ view, chain }: { view: View; chain: ChangeChain }) => {
  const v = VOICE[view.lang];
  const { groups, decisions } = names(chain);
  if (chain.statements.length + chain.expectations.length + chain.conflicts.length === 0) return <Paragraph>{v.expectationsEmpty}</Paragraph>;
  const cannot = chain.expectations.filter((e) => e.status === 'unfounded' || e.status === 'contradicted');
  const can = chain.expectations.filter((e) => e.status === 'supported' || e.status === 'partly');
  const statements = [...chain.statements].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <>
      <Paragraph>{v.expectationsIntro}</Paragraph>
      {statements.length > 0 ? (
        <>
          <Heading level={3}>{v.statementsHeading}</Heading>
          <ul class="helder-statements">
            {statements.map((s) => {
              const href = safeHref(s.url);
              return (
                <li class="helder-statement">
                  <figure class="helder-statement__figure">
                    <blockquote class="helder-statement__quote" lang="nl"><p class="utrecht-paragraph">“{s.quote}”</p></blockquote>
                    <figcaption class="utrecht-paragraph utrecht-paragraph--small">
                      <span lang="nl">{s.role ? `${s.speaker}, ${s.role}` : s.speaker}</span>
                      {s.medium ? <> · <span lang="nl">{s.medium}</span></> : null} · <time datetime={s.date}>{formatDate(view.lang, s.date)}</time>
                      {href ? <> · <Link href={href} external>{v.readSource}</Link></> : null}
                    </figcaption>
                  </figure>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {cannot.length > 0 ? (
        <>
          <Heading level={3}>{v.cannotExpect}</Heading>
          <ul class="helder-expectations">{cannot.map((e) => <ExpectationItem view={view} e={e} chain={chain} />)}</ul>
        </>
      ) : null}
      {can.length > 0 ? (
        <>
          <Heading level={3}>{v.canExpect}</Heading>
          <ul class="helder-expectations">{can.map((e) => <ExpectationItem view={view} e={e} chain={chain} />)}</ul>
        </>
      ) : null}
      {chain.conflicts.length > 0 ? (
        <>
          <Heading level={3}>{v.conflictsHeading}</Heading>
          <Paragraph>{v.conflictsIntro}</Paragraph>
          {chain.conflicts.map((c) => {
            const decision = c.decisionId ? decisions.get(c.decisionId) : undefined;
            return (
              <div class="helder-conflict">
                <Heading level={4}>
                  <span lang="nl">{groups.get(c.groupAId) ?? v.aGroup}</span> {v.and} <span lang="nl">{groups.get(c.groupBId) ?? v.aGroup}</span>
                </Heading>
                <p class="utrecht-paragraph helder-expectation__label">{v.whatTheyWant}:</p>
                <Prose text={c.description} lang="nl" />
                <p class="utrecht-paragraph helder-expectation__label">{v.howWeChose}:</p>
                {c.weighing.trim() ? <Prose text={c.weighing} lang="nl" /> : <Paragraph>{v.notWeighedYet}</Paragraph>}
                {decision ? (
                  <p class="utrecht-paragraph utrecht-paragraph--small">
                    {v.settledBy}: <span lang="nl">{view.labels.decisionKind[decision.kind]} “{decision.title}”</span>, {formatDate(view.lang, decision.date)}
                  </p>
                ) : null}
              </div>
            );
          })}
        </>
      ) : null}
    </>
  );
};
