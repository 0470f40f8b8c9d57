// `paper-claims verify` for people: each flagged claim with its place, verdict, arithmetic and fix, written paper by
// paper as the checking goes (see ReportWriter), then a summary line.
import { Check } from '../core/check';
import { Paper } from '../core/model';
import { ReportWriter, SummaryCounter, Write } from '../core/report';
import { sanitize, Style, style } from './terminal';

const MARK: Record<Check['severity'], string> = { error: '✗', warning: '⚠', info: '✓' };

/** Plain text; ANSI colour only when asked. `verbose` lists info checks too. */
export class TextWriter extends SummaryCounter implements ReportWriter {
  private readonly styles: Style;
  private path = '';

  constructor(
    private readonly write: Write,
    private readonly options: { color: boolean; verbose?: boolean },
  ) {
    super();
    this.styles = style(options.color);
  }

  beginFile(path: string): void {
    this.path = path;
    this.write(`${this.styles.bold(sanitize(path))}\n`);
  }

  paper(paper: Paper, checks: Check[]): void {
    this.countPaper();
    this.countChecks(checks);
    if (!checks.some((c) => this.shows(c))) return;
    const title = paper.title.text.length > 80 ? `${paper.title.text.slice(0, 79)}…` : paper.title.text;
    this.write(`  #${paper.index + 1} ${sanitize(title)}\n${checks.map((c) => this.check(c)).join('')}`);
  }

  endFile(fileChecks: Check[]): void {
    this.countChecks(fileChecks);
    this.write(fileChecks.map((c) => this.check(c)).join(''));
  }

  end(): void {
    const s = this.summary;
    const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
    const line = `${count(s.papers, 'paper')}, ${count(s.checks, 'check')}: ${count(s.errors, 'error')}, ${count(s.warnings, 'warning')}`;
    this.write(`${this.styles[s.errors ? 'red' : s.warnings ? 'yellow' : 'green'](line)}\n`);
  }

  private shows(c: Check): boolean {
    return c.severity !== 'info' || Boolean(this.options.verbose);
  }

  private check(c: Check): string {
    if (!this.shows(c)) return '';
    const paint = (code: keyof Style, s: string): string => this.styles[code](s);
    const colour: keyof Style = c.severity === 'error' ? 'red' : c.severity === 'warning' ? 'yellow' : 'green';
    const where = `${sanitize(this.path)}:${c.range.line + 1}:${c.range.column + 1}`;
    let text = `${where}: ${paint(colour, `${MARK[c.severity]} ${c.severity} ${c.verdict}`)} ${paint('dim', `[${c.kind}]`)} ${sanitize(c.message)}\n`;
    if (c.explanation.formula) text += `    ${paint('dim', [c.explanation.formula, ...c.explanation.inputs].map(sanitize).join('; '))}\n`;
    if (c.fix) text += `    fix: replace with ${sanitize(c.fix.replacement)}\n`;
    return text;
  }
}
