import type { Child } from 'hono/jsx';
import { Alert, DataList, Heading, Link, Paragraph, Table } from '../../views/components';
import { ENTITY_LABELS, problemLabel, STATUS_LABELS } from '../labels';
import { fixHref, type FixRef } from '../urls';
import { Verdict } from './dashboard';

export interface RuleView {
  rule: number;
  title: string;
  status: 'passed' | 'failed' | 'not_assessed' | 'not_applicable';
  reason: string;
  fixes: FixRef[];
}

export interface AuditView {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  data: string;
}

export interface ChangePageProps {
  organization: { slug: string; name: string };
  change: { id: string; title: string; status: string; publishedAt: string | null; updatedAt: string };
  score: number;
  ready: boolean;
  failed: number;
  rules: RuleView[];
  /** Names of the entities the fixes point at (goal statement, measure title, group name…). */
  names: Map<string, string>;
  /** Present only for auditors and admins. */
  audit?: AuditView[] | undefined;
  /** The parts of the chain with links to their forms (editing the chain). */
  overview?: Child;
  /** Set after a form saved and came back here. */
  saved?: boolean;
}

const dateTime = (iso: string): string =>
  new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));

const Fixes = ({ p, fixes }: { p: ChangePageProps; fixes: FixRef[] }) => (
  <ul class="utrecht-unordered-list helder-todo__fixes">
    {fixes.map((f) => (
      <li class="utrecht-unordered-list__item">
        <Link href={fixHref(p.organization.slug, p.change.id, f)}>{problemLabel(f.problem)}</Link>
        {' — '}
        {ENTITY_LABELS[f.entity] ?? f.entity} {p.names.get(f.id) ? <q>{p.names.get(f.id)}</q> : null} <span class="utrecht-paragraph--small">(id {f.id})</span>
      </li>
    ))}
  </ul>
);

/**
 * The change page: the legitimacy check as a to-do list — each failing rule with its reason and a
 * link to the exact form that fixes each problem — then what is already in order, and, for
 * auditors and admins, the audit log of the change and everything in its chain.
 */
export const ChangePage = (p: ChangePageProps) => {
  const failing = p.rules.filter((r) => r.status === 'failed');
  const unassessed = p.rules.filter((r) => r.status === 'not_assessed');
  const fine = p.rules.filter((r) => r.status === 'passed');
  const notApplicable = p.rules.filter((r) => r.status === 'not_applicable');
  return (
    <>
      {p.saved ? <Alert type="ok"><Paragraph>Opgeslagen. De legitimiteitscheck hieronder is bijgewerkt.</Paragraph></Alert> : null}
      <Heading level={1}>{p.change.title}</Heading>
      <DataList
        rows={[
          ['Status', STATUS_LABELS[p.change.status] ?? p.change.status],
          ['Op de website', p.change.publishedAt ? `Ja, sinds ${dateTime(p.change.publishedAt)}` : 'Nee'],
          ['Laatst gewijzigd', dateTime(p.change.updatedAt)],
          ['Legitimiteitscheck', <><span class="helder-score">{p.score}%</span> <Verdict ready={p.ready} failed={p.failed} /></>],
        ]}
      />
      <Heading level={2} id="te-doen">{failing.length === 0 ? 'Niets meer te doen' : `Nog te doen (${failing.length})`}</Heading>
      {failing.length === 0 ? <Paragraph>Elke regel van de legitimiteitscheck is in orde.</Paragraph> : null}
      <ol class="helder-todo">
        {failing.map((r) => (
          <li class="helder-todo__item">
            <Heading level={3}>{r.rule}. {r.title}</Heading>
            <Paragraph>{r.reason}</Paragraph>
            {r.fixes.length > 0 ? <Fixes p={p} fixes={r.fixes} /> : null}
          </li>
        ))}
        {unassessed.map((r) => (
          <li class="helder-todo__item helder-todo__item--not-assessed">
            <Heading level={3}>{r.rule}. {r.title} (nog niet beoordeeld)</Heading>
            <Paragraph>{r.reason}</Paragraph>
          </li>
        ))}
      </ol>
      {fine.length > 0 ? (
        <details>
          <summary>Wat al in orde is ({fine.length})</summary>
          <ul class="utrecht-unordered-list">
            {fine.map((r) => <li class="utrecht-unordered-list__item">{r.rule}. {r.title}: {r.reason}</li>)}
          </ul>
        </details>
      ) : null}
      {notApplicable.length > 0 ? (
        <details>
          <summary>Nog niet van toepassing ({notApplicable.length})</summary>
          <ul class="utrecht-unordered-list">
            {notApplicable.map((r) => <li class="utrecht-unordered-list__item">{r.rule}. {r.title}: {r.reason}</li>)}
          </ul>
        </details>
      ) : null}
      {p.overview ?? null}
      {p.audit ? (
        <section aria-labelledby="auditlog">
          <Heading level={2} id="auditlog">Auditlog</Heading>
          {p.audit.length === 0 ? <Paragraph>Nog geen wijzigingen vastgelegd.</Paragraph> : (
            <Table
              caption="Wijzigingen aan deze verandering en haar keten, nieuwste eerst"
              head={['Nr.', 'Wanneer', 'Wie', 'Wat', 'Onderdeel', 'Gegevens']}
              numeric={[0]}
              rows={p.audit.map((a) => [String(a.seq), dateTime(a.at), a.actor, a.action, a.entity, <span class="helder-audit-data">{a.data}</span>])}
            />
          )}
        </section>
      ) : null}
    </>
  );
};
