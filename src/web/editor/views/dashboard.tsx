import { Heading, Link, Paragraph, StatusBadge, Table } from '../../views/components';
import { STATUS_LABELS } from '../labels';
import { editorUrls } from '../urls';

export interface DashboardRow {
  id: string;
  title: string;
  status: string;
  published: boolean;
  score: number;
  failed: number;
  ready: boolean;
}

export interface DashboardProps {
  organization: { name: string; slug: string };
  roles: string[];
  rows: DashboardRow[];
  /** Links to the workplace's other pages the user may use (new change, imports, moderation, audit, users). */
  tools: { href: string; label: string }[];
}

export const Verdict = ({ ready, failed }: { ready: boolean; failed: number }) =>
  ready ? (
    <StatusBadge tone="success">Klaar om te communiceren</StatusBadge>
  ) : (
    <StatusBadge tone="warning">{failed === 1 ? 'Nog 1 punt open' : `Nog ${failed} punten open`}</StatusBadge>
  );

/**
 * One organization's changes, drafts included, each with its legitimacy score and verdict, the
 * least ready first: the list a change professional starts the day with.
 */
export const DashboardPage = (p: DashboardProps) => {
  const ready = p.rows.filter((r) => r.ready).length;
  const mean = p.rows.length === 0 ? 0 : Math.round(p.rows.reduce((n, r) => n + r.score, 0) / p.rows.length);
  const rows = [...p.rows].sort((a, b) => Number(a.ready) - Number(b.ready) || a.score - b.score || a.title.localeCompare(b.title, 'nl'));
  return (
    <>
      <Heading level={1}>{p.organization.name}</Heading>
      <Paragraph>Uw rol: {p.roles.join(', ')}.</Paragraph>
      {p.tools.length > 0 ? (
        <nav aria-label="Werkplaats">
          <ul>
            {p.tools.map((t) => (
              <li>
                <Link href={t.href}>{t.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {p.rows.length === 0 ? (
        <Paragraph>Deze organisatie heeft nog geen veranderingen.</Paragraph>
      ) : (
        <>
          <Paragraph lead>
            {p.rows.length} {p.rows.length === 1 ? 'verandering' : 'veranderingen'}, waarvan {ready} klaar om te communiceren. Gemiddelde score: {mean}%.
          </Paragraph>
          <Table
            caption="Veranderingen met hun legitimiteitscheck"
            head={['Verandering', 'Status', 'Op de website', 'Score', 'Oordeel']}
            numeric={[3]}
            rows={rows.map((r) => [
              <Link href={editorUrls.change(p.organization.slug, r.id)}>{r.title}</Link>,
              STATUS_LABELS[r.status] ?? r.status,
              r.published ? 'Ja' : 'Nee',
              `${r.score}%`,
              <Verdict ready={r.ready} failed={r.failed} />,
            ])}
          />
        </>
      )}
    </>
  );
};
