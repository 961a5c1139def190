import { Heading, Paragraph, StatusBadge, Table } from '../../views/components';

export interface MemberRow {
  name: string;
  email: string;
  roles: string[];
  totp: 'on' | 'pending' | 'off';
  disabled: boolean;
}

/** The users of one organization with their roles and two-factor status: what an admin manages. */
export const MembersPage = (p: { organization: { name: string }; rows: MemberRow[] }) => (
  <>
    <Heading level={1}>Gebruikers van {p.organization.name}</Heading>
    <Paragraph>
      Nieuwe gebruikers en rollen voegt u voorlopig toe met <code>npx helder user create</code> (zie de handleiding voor de redactie).
    </Paragraph>
    <Table
      caption="Gebruikers en hun rollen"
      head={['Naam', 'E-mailadres', 'Rollen', 'Tweestapsverificatie']}
      rows={p.rows.map((r) => [
        r.disabled ? `${r.name} (geblokkeerd)` : r.name,
        r.email,
        r.roles.join(', '),
        r.totp === 'on' ? <StatusBadge tone="success">Aan</StatusBadge> : r.totp === 'pending' ? <StatusBadge tone="warning">Nog niet bevestigd</StatusBadge> : <StatusBadge tone="neutral">Uit</StatusBadge>,
      ])}
    />
  </>
);
