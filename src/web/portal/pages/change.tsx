import type { ChangeChain } from '../../../modules/chains';
import type { LegitimacyReport } from '../../../modules/legitimacy';
import { Alert, DataList, Heading, Link, ListItem, Paragraph, Prose, UnorderedList } from '../../views/components';
import { safeHref } from '../../views/render';
import { updatesOf, type ChangePageData, type Update } from '../data';
import { formatDate, formatValue } from '../i18n';
import { changePath, orgPath, type View } from '../site';
import { VOICE } from '../voice-i18n';
import { renderPage } from './frame';
import { Expectations } from './expectations';
import { Goals } from './goals';
import { Opinions, ReactionLinks } from './opinions';
import { ChangeStatusBadge, EffectBadge, excerpt } from './shared';

/** The sections of the change page, in the order of issue 3; the ids are Dutch because the URLs are. */
const SECTIONS = ['waarom', 'wat', 'wanneer', 'gevolgen', 'verwachtingen', 'doelen', 'besluiten', 'maatregelen', 'zekerheid', 'meningen', 'reacties', 'updates', 'delen'] as const;
type Section = (typeof SECTIONS)[number];
const sectionTitle = (view: View, s: Section): string =>
  ({ waarom: view.t.why, wat: view.t.what, wanneer: view.t.when, gevolgen: view.t.meaning, verwachtingen: VOICE[view.lang].expectations, doelen: view.t.goals, besluiten: view.t.decisions, maatregelen: view.t.measures, zekerheid: view.t.certainty, meningen: VOICE[view.lang].opinions, reacties: VOICE[view.lang].reactions, updates: view.t.updates, delen: view.t.share })[s];

const Timeline = ({ view, chain, today }: { view: View; chain: ChangeChain; today: string }) =>
  chain.milestones.length === 0 ? (
    <Paragraph>{view.t.noMilestones}</Paragraph>
  ) : (
    <ol class="helder-timeline">
      {chain.milestones.map((m) => {
        const done = m.done || m.date < today;
        return (
          <li class={`helder-timeline__item helder-timeline__item--${done ? 'done' : 'planned'}`}>
            <p class="utrecht-paragraph helder-timeline__date">
              <time datetime={m.date}>{formatDate(view.lang, m.date)}</time> <span class="helder-timeline__state">{done ? view.t.done : view.t.planned}</span>
            </p>
            <p class="utrecht-paragraph helder-timeline__title" lang="nl">{m.title}</p>
            {m.description ? <p class="utrecht-paragraph" lang="nl">{m.description}</p> : null}
          </li>
        );
      })}
    </ol>
  );

const Impacts = ({ view, chain }: { view: View; chain: ChangeChain }) =>
  chain.impacts.length === 0 ? (
    <Paragraph>{view.t.noImpacts}</Paragraph>
  ) : (
    <>
      {chain.impacts.map(({ impact, group }) => (
        <div class="helder-impact">
          <Heading level={3}><span lang="nl">{group.name}</span></Heading>
          <p class="utrecht-paragraph"><EffectBadge view={view} effect={impact.effect} /></p>
          {impact.meaning ? <Prose text={impact.meaning} lang="nl" /> : <Paragraph>{view.t.notDescribed}</Paragraph>}
          {impact.expectation ? (
            <>
              <Heading level={4}>{view.t.expectWhen}</Heading>
              <Prose text={impact.expectation} lang="nl" />
            </>
          ) : null}
        </div>
      ))}
    </>
  );

const Decisions = ({ view, chain, data }: { view: View; chain: ChangeChain; data: ChangePageData }) => {
  if (chain.decisions.length === 0) return <Paragraph>{view.t.noDecisions}</Paragraph>;
  const statements = new Map(chain.goals.map((g) => [g.goal.id as string, g.goal.current.statement]));
  return (
    <>
      {[...chain.decisions].sort((a, b) => a.date.localeCompare(b.date)).map((d) => {
        const adopted = [...new Set(data.allAnchors.filter((a) => a.decisionId === d.id).map((a) => a.goalId as string))].map((id) => statements.get(id)).filter(Boolean) as string[];
        const href = safeHref(d.sourceUrl);
        const rows: [string, unknown][] = [
          [view.t.date, formatDate(view.lang, d.date)],
          [view.t.outcome, view.labels.outcome[d.outcome]],
        ];
        if (d.votes) rows.push([view.t.votesLabel, view.t.votes(d.votes.for, d.votes.against, d.votes.abstain)]);
        if (d.reference) rows.push([view.t.reference, <span lang="nl">{d.reference}</span>]);
        return (
          <div class="helder-decision">
            <Heading level={3}><span lang="nl">{d.title}</span></Heading>
            <p class="utrecht-paragraph utrecht-paragraph--small">{view.labels.decisionKind[d.kind]} · <span lang="nl">{d.body}</span></p>
            <DataList rows={rows as [string, string][]} />
            {d.summary ? <Prose text={d.summary} lang="nl" /> : null}
            {adopted.length > 0 ? (
              <>
                <p class="utrecht-paragraph">{view.t.adoptedGoals}:</p>
                <UnorderedList>{adopted.map((s) => <ListItem><span lang="nl">{s}</span></ListItem>)}</UnorderedList>
              </>
            ) : null}
            {href ? <p class="utrecht-paragraph"><Link href={href} external>{view.t.readDecision(d.title)}</Link></p> : null}
          </div>
        );
      })}
    </>
  );
};

const Measures = ({ view, chain }: { view: View; chain: ChangeChain }) => {
  if (chain.measures.length === 0) return <Paragraph>{view.t.noMeasures}</Paragraph>;
  const statements = new Map(chain.goals.map((g) => [g.goal.id as string, g.goal.current.statement]));
  return (
    <>
      {chain.measures.map(({ measure, contributions }) => (
        <div class="helder-measure">
          <Heading level={3}><span lang="nl">{measure.title}</span></Heading>
          <p class="utrecht-paragraph utrecht-paragraph--small">{view.labels.measureStatus[measure.status]}</p>
          {measure.description ? <Prose text={measure.description} lang="nl" /> : null}
          {contributions.length === 0 ? <Alert type="warning">{view.t.servesNoGoal}</Alert> : null}
          {contributions.map((c) => (
            <div class="helder-contribution">
              <Heading level={4}>{view.t.helpsGoal('')}<span lang="nl">{statements.get(c.goalId) ?? ''}</span></Heading>
              {c.mechanism ? <Prose text={c.mechanism} lang="nl" /> : <Paragraph>{view.t.notDescribed}</Paragraph>}
              <p class="utrecht-paragraph utrecht-paragraph--small">{view.t.evidence}: {view.labels.evidence[c.evidenceStrength]}</p>
            </div>
          ))}
        </div>
      ))}
    </>
  );
};

const Certainty = ({ view, report }: { view: View; report: LegitimacyReport }) => {
  const group = (status: string) => report.rules.filter((r) => r.status === status);
  const assessed = report.passed + report.failed;
  const list = (rules: LegitimacyReport['rules'], withReason: boolean) => (
    <UnorderedList>
      {rules.map((r) => (
        <ListItem>
          {withReason ? <strong>{r.title[view.lang]}</strong> : r.title[view.lang]}
          {withReason && r.reason[view.lang] ? <>. {r.reason[view.lang]}</> : null}
        </ListItem>
      ))}
    </UnorderedList>
  );
  return (
    <>
      <Paragraph>{view.t.certaintyIntro}</Paragraph>
      <p class="utrecht-paragraph"><strong>{view.t.certaintyScore(report.passed, assessed)}</strong></p>
      {group('failed').length > 0 ? <><Heading level={3}>{view.t.notYet}</Heading>{list(group('failed'), true)}</> : null}
      {group('passed').length > 0 ? <><Heading level={3}>{view.t.inOrder}</Heading>{list(group('passed'), false)}</> : null}
      {group('not_assessed').length > 0 ? <><Heading level={3}>{view.t.notAssessed}</Heading>{list(group('not_assessed'), true)}</> : null}
    </>
  );
};

export const updateText = (view: View, u: Update): string => {
  if (u.kind === 'published') return view.t.updatePublished;
  if (u.kind === 'milestone') return view.t.updateMilestone(u.subject);
  if (u.kind === 'decision') return `${view.t.updateDecision(u.subject)} (${view.labels.outcome[u.decisionOutcome as keyof typeof view.labels.outcome] ?? ''})`;
  return `${view.t.updateMeasurement(u.subject)}: ${formatValue(view.lang, u.measurement!.value, u.measurement!.unit)}`;
};

const Updates = ({ view, updates }: { view: View; updates: Update[] }) =>
  updates.length === 0 ? (
    <Paragraph>{view.t.noUpdates}</Paragraph>
  ) : (
    <ol class="helder-updates">
      {updates.map((u) => (
        <li class="helder-updates__item">
          <time class="helder-updates__date" datetime={u.date}>{formatDate(view.lang, u.date)}</time> <span>{updateText(view, u)}</span>
        </li>
      ))}
    </ol>
  );

const Share = ({ view, url, title }: { view: View; url: string; title: string }) => {
  const e = encodeURIComponent;
  const links = [
    [view.t.shareEmail, `mailto:?subject=${e(title)}&body=${e(url)}`],
    [view.t.shareLinkedIn, `https://www.linkedin.com/sharing/share-offsite/?url=${e(url)}`],
    [view.t.shareWhatsApp, `https://wa.me/?text=${e(`${title} ${url}`)}`],
    [view.t.shareMastodon, `https://mastodonshare.com/?text=${e(title)}&url=${e(url)}`],
  ];
  return (
    <>
      <Paragraph>{view.t.shareIntro}</Paragraph>
      <ul class="helder-share">
        {links.map(([label, href]) => (
          <li><Link href={href!} external={href!.startsWith('https:')}>{label}</Link></li>
        ))}
      </ul>
    </>
  );
};

export const renderChangePage = (view: View, data: ChangePageData): string => {
  const { organization: org, chain, report, today } = data;
  const c = chain.change;
  const path = changePath(org.slug, c.slug);
  const feed = `${path}/feed.atom`;
  const body: Record<Section, unknown> = {
    waarom: c.why ? <Prose text={c.why} lang="nl" /> : <Paragraph>{view.t.notDescribed}</Paragraph>,
    wat: c.what ? <Prose text={c.what} lang="nl" /> : <Paragraph>{view.t.notDescribed}</Paragraph>,
    wanneer: <Timeline view={view} chain={chain} today={today} />,
    gevolgen: <Impacts view={view} chain={chain} />,
    verwachtingen: <Expectations view={view} chain={chain} />,
    doelen: <Goals view={view} goals={chain.goals} decisions={chain.decisions} measurements={data.measurements} allAnchors={data.allAnchors} />,
    besluiten: <Decisions view={view} chain={chain} data={data} />,
    maatregelen: <Measures view={view} chain={chain} />,
    zekerheid: <Certainty view={view} report={report} />,
    meningen: <Opinions view={view} data={data} />,
    reacties: <ReactionLinks view={view} data={data} />,
    updates: (
      <>
        <Updates view={view} updates={updatesOf(chain, data.measurements, today)} />
        <p class="utrecht-paragraph"><Link href={view.href(`${path}/volgen`)}>{view.t.followChange}</Link></p>
        <p class="utrecht-paragraph"><Link href={feed}>{view.t.feed}</Link></p>
      </>
    ),
    delen: <Share view={view} url={view.site.baseUrl + path} title={c.title} />,
  };
  return renderPage({
    view,
    path,
    title: c.title,
    description: excerpt(c.summary || c.why),
    organization: org,
    ogType: 'article',
    breadcrumbs: [{ label: view.t.home, href: view.href('/') }, { label: org.name, href: view.href(orgPath(org.slug)) }, { label: c.title }],
    feed: { title: c.title, href: feed },
    children: (
      <article class="helder-change" lang={view.lang}>
        <Heading level={1}><span lang="nl">{c.title}</span></Heading>
        <p class="utrecht-paragraph helder-change__meta">
          <ChangeStatusBadge view={view} status={c.status} /> <span>{view.labels.kind[c.kind]}</span>
          {c.themes.length > 0 ? <> · <span lang="nl">{c.themes.join(', ')}</span></> : null}
        </p>
        <section class="helder-section helder-summary" aria-labelledby="samenvatting">
          <Heading level={2} id="samenvatting" class="helder-visually-hidden">{view.t.summary}</Heading>
          <p class="utrecht-paragraph utrecht-paragraph--lead" lang="nl">{c.summary}</p>
        </section>
        <nav class="utrecht-table-of-contents helder-toc" aria-labelledby="inhoud">
          <Heading level={2} id="inhoud" class="helder-toc__heading">{view.t.contents}</Heading>
          <ol class="helder-toc__list">
            {SECTIONS.map((s) => (
              <li><Link href={`#${s}`}>{sectionTitle(view, s)}</Link></li>
            ))}
          </ol>
        </nav>
        {SECTIONS.map((s) => (
          <section class={`helder-section helder-section--${s}`} aria-labelledby={s}>
            <Heading level={2} id={s}>{sectionTitle(view, s)}</Heading>
            {body[s]}
          </section>
        ))}
      </article>
    ),
  });
};
