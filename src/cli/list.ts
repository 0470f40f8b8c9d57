// `paper-claims list`: the papers of each file, for people (text) or programs (json).
import type { LoadedFile } from './cli';
import { safeJson, sanitize, style } from './terminal';

export function listText(files: LoadedFile[], options: { color: boolean }): string {
  const s = style(options.color);
  const out: string[] = [];
  for (const { path, seed } of files) {
    const declared = seed.declaredCount ? `, header declares ${seed.declaredCount.value}` : '';
    out.push(s.bold(`${sanitize(path)}: ${seed.papers.length} ${seed.papers.length === 1 ? 'paper' : 'papers'}${declared}`));
    for (const paper of seed.papers) {
      const line = String(paper.title.range.line + 1).padStart(5);
      const citations = String(paper.citations.value).padStart(6);
      out.push(`${s.dim(line)}  ${s.cyan(citations)}  ${sanitize(paper.title.text)}`);
    }
    for (const problem of seed.problems) out.push(s.yellow(`${sanitize(path)}:${problem.line + 1}: ${sanitize(problem.message)}`));
  }
  return `${out.join('\n')}\n`;
}

export function listJson(files: LoadedFile[]): string {
  const report = {
    files: files.map(({ path, seed }) => ({
      path,
      declaredCount: seed.declaredCount?.value ?? null,
      papers: seed.papers.map((p) => ({
        index: p.index,
        title: p.title.text,
        line: p.title.range.line + 1,
        scores: p.scores.map((s) => s.value),
        citations: p.citations.value,
        summary: p.summary?.text ?? null,
        keyFinding: p.keyFinding?.text ?? null,
        numbers: p.numbers?.text ?? null,
      })),
      problems: seed.problems.map((p) => ({ line: p.line + 1, column: p.column + 1, message: p.message })),
    })),
  };
  return `${safeJson(report)}\n`;
}
