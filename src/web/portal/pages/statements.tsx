import { Heading, Link, Paragraph, UnorderedList, ListItem } from '../../views/components';
import type { View } from '../site';
import { renderPage } from './frame';

/**
 * The accessibility statement (toegankelijkheidsverklaring, required of Dutch public bodies by the
 * Besluit digitale toegankelijkheid overheid) and the privacy page. Both state what the software
 * does; the organization adds its own formal statement on toegankelijkheidsverklaring.nl.
 */
const TEXT = {
  nl: {
    a11yTitle: 'Toegankelijkheid',
    a11y: [
      'Wij willen dat iedereen deze website kan gebruiken. Daarom volgt de website de toegankelijkheidseisen WCAG 2.1 op niveau AA.',
      'De website werkt zonder JavaScript, met alleen een toetsenbord, met een schermlezer en op een telefoon. Elke grafiek staat er ook als tabel.',
      'Bij elke nieuwe versie testen wij de pagina’s automatisch in een echte browser met axe-core, en met alleen het toetsenbord.',
    ],
    a11yProblem: 'Ziet u een probleem? Laat het ons weten. Wij antwoorden binnen vijf werkdagen.',
    contact: 'Neem contact op',
    privacyTitle: 'Privacy',
    privacy: [
      'Deze website gebruikt geen cookies.',
      'Wij volgen u niet. Er staan geen statistiek-, reclame- of deelknoppen van andere bedrijven op de website. De deellinks zijn gewone links: pas als u erop klikt, gaat u naar die andere website.',
      'Onze server houdt voor de beveiliging korte tijd technische gegevens bij, zoals het IP-adres en de opgevraagde pagina. Wij gebruiken die alleen om storingen en misbruik op te sporen.',
      'Volgt u een verandering per e-mail? Dan bewaren wij alleen uw e-mailadres en wat u volgt. Wij gebruiken dat alleen om u die berichten te sturen. Wij geven het aan niemand anders.',
      'U krijgt eerst een mail om te bevestigen. Bevestigt u niet binnen drie dagen? Dan wissen wij uw adres. In elke mail staat een link om te stoppen. Stopt u met alles, dan wissen wij uw adres meteen. Wij bewaren daarna ook niet welke mails wij u stuurden.',
      'Onze mails hebben geen plaatjes die bijhouden of u de mail opent. De links gaan direct naar onze website; wij houden niet bij of u erop klikt.',
    ],
  },
  en: {
    a11yTitle: 'Accessibility',
    a11y: [
      'We want everyone to be able to use this website. That is why it follows the accessibility requirements WCAG 2.1 at level AA.',
      'The website works without JavaScript, with only a keyboard, with a screen reader and on a phone. Every chart is also shown as a table.',
      'With every new version we test the pages automatically in a real browser with axe-core, and with the keyboard only.',
    ],
    a11yProblem: 'Do you see a problem? Let us know. We answer within five working days.',
    contact: 'Contact us',
    privacyTitle: 'Privacy',
    privacy: [
      'This website uses no cookies.',
      'We do not track you. There are no statistics, advertising or share buttons of other companies on this website. The share links are plain links: only when you click one do you go to that other website.',
      'For security, our server keeps technical data such as the IP address and the requested page for a short time. We use it only to detect failures and abuse.',
      'If you follow a change by e-mail, we keep only your e-mail address and what you follow. We use it only to send you those messages and give it to no one else.',
      'You first get a mail to confirm. If you do not confirm within three days, we delete your address. Every mail has a link to stop. If you stop everything, we delete your address at once, and with it the record of the mails we sent you.',
      'Our mails have no images that track whether you open them. Links go straight to our website; we do not track whether you click them.',
    ],
  },
} as const;

export const renderAccessibilityPage = (view: View, contact: string | undefined): string => {
  const x = TEXT[view.lang];
  return renderPage({
    view,
    path: '/toegankelijkheid',
    title: x.a11yTitle,
    description: x.a11y[0],
    breadcrumbs: [{ label: view.t.home, href: view.href('/') }, { label: x.a11yTitle }],
    children: (
      <>
        <Heading level={1}>{x.a11yTitle}</Heading>
        {x.a11y.map((p) => <Paragraph>{p}</Paragraph>)}
        <Paragraph>{x.a11yProblem}</Paragraph>
        {contact ? <UnorderedList><ListItem><Link href={contact}>{x.contact}</Link></ListItem></UnorderedList> : null}
      </>
    ),
  });
};

export const renderPrivacyPage = (view: View): string => {
  const x = TEXT[view.lang];
  return renderPage({
    view,
    path: '/privacy',
    title: x.privacyTitle,
    description: x.privacy[0],
    breadcrumbs: [{ label: view.t.home, href: view.href('/') }, { label: x.privacyTitle }],
    children: (
      <>
        <Heading level={1}>{x.privacyTitle}</Heading>
        {x.privacy.map((p) => <Paragraph>{p}</Paragraph>)}
      </>
    ),
  });
};
