// `paper-claims verify` for people: each flagged claim with its place, verdict, arithmetic and fix.
import { Check } from '../core/check';
import { ReportInput, toJsonReport } from '../core/report';
import { sanitize, Style, style } from './terminal';

const MARK: Record<Check['severity'], string> = { error: '✗', warning: '⚠', info: '✓' };

/** Plain text for people; ANSI colour only when asked. `verbose` lists info checks too. */
export function toText(files: ReportInput[], options: { color: boolean; verbose?: boolean }): string {
  const styles = style(options.color);
  const paint = (code: keyof Style, s: string): string => styles[code](s);
  const sevColor = (s: Check['severity']): keyof Style => (s === 'error' ? 'red' : s === 'warning' ? 'yellow' : 'green');
  const lines: string[] = [];
  const report = toJsonReport(files);
  const show = (path: string, c: Check): void => {
    if (c.severity === 'info' && !options.verbose) return;
    const where = `${sanitize(path)}:${c.range.line + 1}:${c.range.column + 1}`;
    const head = `${MARK[c.severity]} ${c.severity} ${c.verdict}`;
    lines.push(`${where}: ${paint(sevColor(c.severity), head)} ${paint('dim', `[${c.kind}]`)} ${sanitize(c.message)}`);
    if (c.explanation.formula) lines.push(`    ${paint('dim', `${sanitize(c.explanation.formula)}; ${c.explanation.inputs.map(sanitize).join('; ')}`)}`);
    if (c.fix) lines.push(`    fix: replace with ${sanitize(c.fix.replacement)}`);
  };
  for (const f of files) {
    lines.push(paint('bold', sanitize(f.path)));
    for (const c of f.result.fileChecks) show(f.path, c);
    for (const p of f.result.papers) {
      const flagged = p.checks.filter((c) => c.severity !== 'info' || options.verbose);
      if (flagged.length === 0) continue;
      lines.push(`  #${p.paper.index + 1} ${sanitize(p.paper.title.text.length > 80 ? `${p.paper.title.text.slice(0, 79)}…` : p.paper.title.text)}`);
      for (const c of p.checks) show(f.path, c);
    }
  }
  const s = report.summary;
  const summary = `${s.papers} papers, ${s.checks} checks: ${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}`;
  lines.push(paint(s.errors ? 'red' : s.warnings ? 'yellow' : 'green', summary));
  return `${lines.join('\n')}\n`;
}
