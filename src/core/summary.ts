// The Markdown a user copies or appends to their notes for one paper. Pure, so the CLI and tests share it.
import { Paper } from './model';

/** Escapes characters Markdown would treat as markup, so a card's text stays text in the user's notes. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|~]/g, (c) => `\\${c}`);
}

export interface SummaryOptions {
  /** The seed file as the user knows it (a workspace-relative path). */
  source: string;
}

export function paperSummaryMarkdown(paper: Paper, options: SummaryOptions): string {
  const lines = [`## ${escapeMarkdown(paper.title.text)}`, ''];
  lines.push(`- Citations: ${paper.citations.value}`);
  lines.push(`- Source: ${escapeMarkdown(options.source)}, line ${paper.title.range.line + 1}`);
  if (paper.numbers) lines.push(`- Numbers: ${escapeMarkdown(paper.numbers.text)}`);
  lines.push('');
  if (paper.summary) lines.push(escapeMarkdown(paper.summary.text), '');
  if (paper.keyFinding) lines.push(`**Key finding:** ${escapeMarkdown(paper.keyFinding.text)}`, '');
  return lines.join('\n');
}

/**
 * Joins a summary onto existing notes: one blank line between them, whatever the notes end with, and the
 * existing text kept byte for byte.
 */
export function appendNote(existing: string, note: string): string {
  if (existing.length === 0) return note.endsWith('\n') ? note : `${note}\n`;
  const separator = existing.endsWith('\n\n') ? '' : existing.endsWith('\n') ? '\n' : '\n\n';
  return `${existing}${separator}${note.endsWith('\n') ? note : `${note}\n`}`;
}

/** What must be inserted after `existing` to get `appendNote(existing, note)`. */
export function noteSuffix(existing: string, note: string): string {
  return appendNote(existing, note).slice(existing.length);
}
