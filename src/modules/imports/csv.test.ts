import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv, parseDate, parseDecimal } from './csv';

describe('CSV reading', () => {
  it('detects semicolon and comma files, strips a BOM, keeps line numbers', () => {
    const semi = parseCsv('\uFEFFdoel;datum;waarde\r\nfiets/1;31-03-2026;"52,5"\r\n\r\nfiets/1;30-06-2026;53\r\n');
    expect(semi.delimiter).toBe(';');
    expect(semi.records).toEqual([
      { line: 1, fields: ['doel', 'datum', 'waarde'] },
      { line: 2, fields: ['fiets/1', '31-03-2026', '52,5'] },
      { line: 4, fields: ['fiets/1', '30-06-2026', '53'] },
    ]);
    const comma = parseCsv('goal,date,value\nx,2026-03-31,"1,5"\n');
    expect(comma.delimiter).toBe(',');
    expect(comma.records[1]!.fields).toEqual(['x', '2026-03-31', '1,5']);
    expect(detectDelimiter('a;b,c;d')).toBe(';');
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    const table = parseCsv('a;b\n"x;y";"zei ""ja""\nen nee"\nlast;1');
    expect(table.records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x;y', 'zei "ja"\nen nee'] },
      { line: 4, fields: ['last', '1'] },
    ]);
    expect(parseCsv('a;b\n"open;1').unterminatedAt).toBe(2);
  });

  it('reads Dutch and international numbers', () => {
    expect(parseDecimal('1,5', ';')).toBe(1.5);
    expect(parseDecimal('1.234,5', ';')).toBe(1234.5);
    expect(parseDecimal('1.234,5', ',')).toBe(1234.5);
    expect(parseDecimal('1.234', ';')).toBe(1234);
    expect(parseDecimal('1.234', ',')).toBe(1.234);
    expect(parseDecimal('1.5', ';')).toBe(1.5);
    expect(parseDecimal('1,234.5', ',')).toBe(1234.5);
    expect(parseDecimal('-12 345,67', ';')).toBe(-12345.67);
    expect(parseDecimal('1\u00A0000', ';')).toBe(1000);
    for (const bad of ['', 'veel', '1,2,3', '1.2.3', '12%', '0x10', '1e5', 'NaN', 'Infinity']) expect(parseDecimal(bad, ';'), bad).toBeUndefined();
  });

  it('reads ISO and Dutch dates, and refuses days that do not exist', () => {
    expect(parseDate('2026-03-31')).toBe('2026-03-31');
    expect(parseDate('31-03-2026')).toBe('2026-03-31');
    expect(parseDate('1-4-2026')).toBe('2026-04-01');
    expect(parseDate('29/02/2024')).toBe('2024-02-29');
    for (const bad of ['2026-02-30', '31-04-2026', '03/31/2026', '2026-3-1', 'maart']) expect(parseDate(bad), bad).toBeUndefined();
  });
});
