/**
 * `npx helder taalcheck <file|->`: checks a text for plain Dutch (B1) and prints a readable report
 * or, with --json, the LanguageReport. Exit codes: 0 = B1 of eenvoudiger, 1 = boven B1,
 * 2 = usage error, missing file or empty text — so a script or CI step can gate on the verdict.
 */
import { readFile } from 'node:fs/promises';
import { checkText, splitSentences, type Finding, type Lang, type LanguageReport, type Rule } from '../../language/index';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}

const USAGE = `Gebruik: helder taalcheck <bestand|-> [--json] [--lang nl|en]

Controleert of een tekst in eenvoudig Nederlands (taalniveau B1) is geschreven.
  <bestand>    tekstbestand (UTF-8); "-" leest van standaardinvoer
  --json       het volledige rapport als JSON
  --lang nl|en taal van de tekst (standaard: automatisch herkend)
  --help       deze uitleg

Exitcode: 0 = B1 of eenvoudiger, 1 = boven B1, 2 = fout in de invoer.
`;

const RULE_LABEL: Record<Rule, string> = {
  officialese: 'ambtelijke taal', passive: 'lijdende vorm', nominalisation: 'naamwoordstijl',
  long_sentence: 'lange zin', very_long_sentence: 'zeer lange zin', nested_sentence: 'ingewikkelde zin',
  impersonal: 'lezer niet aangesproken', long_word: 'lang woord', infrequent_word: 'weinig gebruikt woord',
  vague_goal: 'vaag doel',
};

interface Options { source?: string; json: boolean; lang?: Lang; help: boolean; error?: string }

const parseArgs = (args: readonly string[]): Options => {
  const options: Options = { json: false, help: false };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg.includes('=') ? arg.slice('--lang='.length) : args[(i += 1)];
      if (value !== 'nl' && value !== 'en') return { ...options, error: `Onbekende taal "${value ?? ''}": kies nl of en.` };
      options.lang = value;
    } else if (arg.startsWith('--')) return { ...options, error: `Onbekende optie ${arg}.` };
    else if (options.source === undefined) options.source = arg;
    else return { ...options, error: 'Geef één bestand op.' };
  }
  return options;
};

const readAll = async (stream: NodeJS.ReadableStream): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
};

const nl = (value: number, digits = 1) => value.toLocaleString('nl-NL', { maximumFractionDigits: digits });
const pct = (share: number) => `${Math.round(share * 100)}%`;

/** The sentence of a finding with the span marked: ANSI underline on a terminal, [[…]] elsewhere. */
const marked = (text: string, f: Finding, start: number, end: number, tty: boolean): string => {
  const [open, close] = tty ? ['\x1b[4m', '\x1b[24m'] : ['[[', ']]'];
  return (text.slice(start, f.span.start) + open + text.slice(f.span.start, f.span.end) + close + text.slice(f.span.end, end)).replace(/\s+/g, ' ');
};

/** Formats a report for people: verdict, score, reasons, metrics, then every finding in context. */
export const formatReport = (text: string, report: LanguageReport, tty = false): string => {
  const m = report.metrics;
  const formula = report.lang === 'en' ? 'Flesch reading ease' : 'Flesch-Douma';
  const lines = [
    `Taalcheck: ${report.verdictLabel} (score ${report.score} van 100)${report.lang === 'en' ? ' — Engelse tekst' : ''}`,
    '',
    'Redenen:',
    ...report.reasons.map((r) => `  - ${r}`),
    '',
    `Cijfers: ${m.sentences} zinnen, ${m.words} woorden, ${nl(m.wordsPerSentence)} woorden per zin, ` +
      `${nl(m.syllablesPerWord, 2)} lettergrepen per woord, ${formula} ${nl(m.fleschDouma)}.`,
    `         Lange zinnen ${pct(m.longSentenceShare)}, lange woorden ${pct(m.longWordShare)}, weinig gebruikte woorden ${pct(m.infrequentWordShare)}.`,
  ];
  const sentences = splitSentences(text);
  if (report.findings.length > 0) lines.push('', `Bevindingen (${report.findings.length}):`);
  for (const f of report.findings) {
    const s = sentences[f.sentence];
    lines.push(
      '',
      `  Zin ${f.sentence + 1} · ${RULE_LABEL[f.rule]}`,
      `    ${s ? marked(text, f, s.start, s.end, tty) : f.excerpt}`,
      `    ${f.message}`,
      `    → ${f.suggestion}`,
    );
  }
  return lines.join('\n') + '\n';
};

/** Runs the command; returns the exit code (0 = B1, 1 = above B1, 2 = input error). */
export async function taalcheckCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseArgs(args);
  if (options.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (options.error || options.source === undefined) {
    io.stderr.write(`${options.error ?? 'Geef een bestand op, of "-" voor standaardinvoer.'}\n\n${USAGE}`);
    return 2;
  }
  let text: string;
  try {
    text = options.source === '-' ? await readAll(io.stdin) : await readFile(options.source, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr.write(code === 'ENOENT' ? `Bestand niet gevonden: ${options.source}\n` : `Kan ${options.source} niet lezen (${code ?? 'onbekende fout'}).\n`);
    return 2;
  }
  if (text.trim() === '') {
    io.stderr.write('De tekst is leeg: er is niets te controleren.\n');
    return 2;
  }
  const report = checkText(text, options.lang ? { lang: options.lang } : {});
  const tty = (io.stdout as NodeJS.WriteStream).isTTY === true;
  io.stdout.write(options.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(text, report, tty));
  return report.verdict === 'b1' ? 0 : 1;
}
