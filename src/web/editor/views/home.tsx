import { Heading, Link, Paragraph, UnorderedList, ListItem } from '../../views/components';
import { editorUrls } from '../urls';

export interface HomeProps {
  name: string;
  organizations: { slug: string; name: string; roles: string[] }[];
}

/** The start page after login: the organizations the user works for, with their roles there. */
export const HomePage = (p: HomeProps) => (
  <>
    <Heading level={1}>Welkom, {p.name}</Heading>
    {p.organizations.length === 0 ? (
      <Paragraph>U heeft nog geen rol in een organisatie. Vraag een beheerder van uw organisatie om u toe te voegen.</Paragraph>
    ) : (
      <>
        <Paragraph>Kies de organisatie waarvoor u wilt werken.</Paragraph>
        <UnorderedList>
          {p.organizations.map((o) => (
            <ListItem>
              <Link href={editorUrls.dashboard(o.slug)}>{o.name}</Link> <span>({o.roles.join(', ')})</span>
            </ListItem>
          ))}
        </UnorderedList>
      </>
    )}
  </>
);

export const ErrorPage = (p: { title: string; detail: string; loginLink?: boolean }) => (
  <>
    <Heading level={1}>{p.title}</Heading>
    <Paragraph>{p.detail}</Paragraph>
    <Paragraph>
      {p.loginLink ? <Link href={editorUrls.login()}>Naar inloggen</Link> : <Link href={editorUrls.home()}>Naar het overzicht</Link>}
    </Paragraph>
  </>
);
