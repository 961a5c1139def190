import type { Child } from 'hono/jsx';

/**
 * Thin wrappers around NL Design System (Utrecht) CSS components: plain classes on semantic HTML,
 * no React components needed. Only what the portal and editor use; each keeps the HTML element that
 * carries the meaning (h1–h4, a, table, dl) so assistive technology reads the structure.
 */
type Children = { children?: Child };

export const Heading = ({ level, id, children, class: extra }: Children & { level: 1 | 2 | 3 | 4; id?: string; class?: string }) => {
  const cls = `utrecht-heading-${level}${extra ? ` ${extra}` : ''}`;
  if (level === 1) return <h1 class={cls} id={id}>{children}</h1>;
  if (level === 2) return <h2 class={cls} id={id}>{children}</h2>;
  if (level === 3) return <h3 class={cls} id={id}>{children}</h3>;
  return <h4 class={cls} id={id}>{children}</h4>;
};

export const Paragraph = ({ children, lead, small, lang }: Children & { lead?: boolean; small?: boolean; lang?: string }) => (
  <p class={`utrecht-paragraph${lead ? ' utrecht-paragraph--lead' : ''}${small ? ' utrecht-paragraph--small' : ''}`} lang={lang}>
    {children}
  </p>
);

/** Multi-paragraph text written by an organization: blank lines separate paragraphs. */
export const Prose = ({ text, lang }: { text: string; lang?: string }) => (
  <div class="helder-prose" lang={lang}>
    {text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => (
        <p class="utrecht-paragraph">{p}</p>
      ))}
  </div>
);

export const Link = ({ href, children, external, current, rel, lang, hreflang, label }: Children & { href: string; external?: boolean; current?: boolean; rel?: string; lang?: string; hreflang?: string; label?: string }) => (
  <a
    class={`utrecht-link utrecht-link--html-a${current ? ' utrecht-link--current' : ''}`}
    href={href}
    aria-current={current ? 'page' : undefined}
    rel={external ? 'noopener noreferrer external' : rel}
    lang={lang}
    hreflang={hreflang}
    aria-label={label}
  >
    {children}
  </a>
);

export type BadgeTone = 'neutral' | 'success' | 'warning' | 'danger' | 'active' | 'inactive';

export const StatusBadge = ({ tone, children }: Children & { tone: BadgeTone }) => (
  <span class={`utrecht-status-badge utrecht-status-badge--${tone}`}>{children}</span>
);

export const Alert = ({ type, children, heading }: Children & { type: 'info' | 'ok' | 'warning' | 'error'; heading?: string }) => (
  <div class={`utrecht-alert utrecht-alert--${type}`} role={type === 'error' ? 'alert' : undefined}>
    <div class="utrecht-alert__content">
      <div class="utrecht-alert__message">
        {heading ? <p class="utrecht-paragraph helder-alert-heading">{heading}</p> : null}
        {children}
      </div>
    </div>
  </div>
);

export const UnorderedList = ({ children, class: extra }: Children & { class?: string }) => (
  <ul class={`utrecht-unordered-list${extra ? ` ${extra}` : ''}`}>{children}</ul>
);
export const ListItem = ({ children, class: extra }: Children & { class?: string }) => <li class={`utrecht-unordered-list__item${extra ? ` ${extra}` : ''}`}>{children}</li>;

/** A description list of key/value rows (utrecht-data-list). */
export const DataList = ({ rows }: { rows: [Child, Child][] }) => (
  <dl class="utrecht-data-list utrecht-data-list--rows">
    {rows.map(([k, v]) => (
      <div class="utrecht-data-list__item">
        <dt class="utrecht-data-list__item-key">{k}</dt>
        <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{v}</dd>
      </div>
    ))}
  </dl>
);

/** A data table with a caption (WCAG 1.3.1): header cells are `th scope="col"`; numeric columns align right. */
export const Table = ({ caption, head, rows, numeric = [], captionHidden }: { caption: string; head: string[]; rows: Child[][]; numeric?: number[]; captionHidden?: boolean }) => (
  <div class="utrecht-table-container utrecht-table-container--overflow-inline">
    <table class="utrecht-table utrecht-table--html-table">
      <caption class={`utrecht-table__caption${captionHidden ? ' helder-visually-hidden' : ''}`}>{caption}</caption>
      <thead class="utrecht-table__header">
        <tr class="utrecht-table__row">
          {head.map((h, i) => (
            <th scope="col" class={`utrecht-table__header-cell${numeric.includes(i) ? ' utrecht-table__header-cell--numeric-column' : ''}`}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody class="utrecht-table__body">
        {rows.map((r) => (
          <tr class="utrecht-table__row">
            {r.map((c, i) => (
              <td class={`utrecht-table__cell${numeric.includes(i) ? ' utrecht-table__cell--numeric-data' : ''}`}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

export const Separator = () => <hr class="utrecht-separator" />;
