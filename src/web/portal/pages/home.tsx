import type { Organization } from '../../../modules/organizations';
import { Heading, Link, ListItem, Paragraph, UnorderedList } from '../../views/components';
import { orgPath, type View } from '../site';
import { renderPage } from './frame';

/** `/` when the installation hosts several organizations (with one, `/` redirects to it). */
export const renderHomePage = (view: View, organizations: Organization[]): string =>
  renderPage({
    view,
    path: '/',
    title: view.t.organizations,
    description: view.t.footerAbout,
    breadcrumbs: [{ label: view.t.home }],
    children: (
      <>
        <Heading level={1}>{view.t.organizations}</Heading>
        <Paragraph lead>{view.t.organizationsIntro}</Paragraph>
        <UnorderedList>
          {organizations.map((o) => (
            <ListItem>
              <Link href={view.href(orgPath(o.slug))}><span lang="nl">{o.name}</span></Link>
            </ListItem>
          ))}
        </UnorderedList>
      </>
    ),
  });
