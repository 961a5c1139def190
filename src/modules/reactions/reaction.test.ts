import { describe, expect, it } from 'vitest';
import { segmentsOf, textHashOf } from './reaction';

describe('segmentsOf', () => {
  const text = 'Zie https://example.nl/plan?a=1&b=2. En www.gemeente.nl (kaart) of javascript:alert(1) <b>vet</b>';

  it('shows links as text until a person approved them', () => {
    expect(segmentsOf(text, false)).toEqual([
      { kind: 'text', text: 'Zie ' },
      { kind: 'link', text: 'https://example.nl/plan?a=1&b=2', href: null },
      { kind: 'text', text: '. En ' },
      { kind: 'link', text: 'www.gemeente.nl', href: null },
      { kind: 'text', text: ' (kaart) of javascript:alert(1) <b>vet</b>' },
    ]);
  });

  it('gives http(s) hrefs once clickable, never another scheme', () => {
    const links = segmentsOf(text, true).filter((s) => s.kind === 'link');
    expect(links.map((l) => l.href)).toEqual(['https://example.nl/plan?a=1&b=2', 'https://www.gemeente.nl/']);
    expect(segmentsOf('(zie https://example.nl/a)', true)[1]).toEqual({ kind: 'link', text: 'https://example.nl/a', href: 'https://example.nl/a' });
  });

  it('keeps every character: the segments join back into the text', () => {
    for (const t of [text, '', 'geen links', 'https://a.nl', '"><script>alert(1)</script>https://x.nl/"onmouseover=alert(1)']) {
      expect(segmentsOf(t, true).map((s) => s.text).join('')).toBe(t);
    }
  });
});

describe('textHashOf', () => {
  it('ignores case, spacing and Unicode forms in the duplicate check', () => {
    expect(textHashOf('Goed  plan!\nEcht')).toBe(textHashOf('goed plan! echt'));
    expect(textHashOf('café')).toBe(textHashOf('cafe\u0301'));
    expect(textHashOf('goed plan')).not.toBe(textHashOf('slecht plan'));
  });
});
