// The card's content as a tree (vnode.ts): the webview turns it into DOM for each card it is sent, and the extension
// host turns the first card of a new webview into the HTML of the page itself (src/cardHtml.ts). Card text is
// always text; the only markup is markdown-it's output with raw HTML, links and images switched off (markdown-it
// escapes everything else), so a hostile card stays text either way.
import MarkdownIt from 'markdown-it';
import type { Check } from '../../src/core/check';
import type { Card, CardCommand, Mark } from './protocol';
import { chartFor } from './chart';
import { VElement, VNode, h, trusted } from './vnode';

let markdownIt: InstanceType<typeof MarkdownIt> | undefined;
function markdown(): InstanceType<typeof MarkdownIt> {
  return (markdownIt ??= new MarkdownIt({ html: false, linkify: false, typographer: false }).disable(['link', 'image', 'autolink']));
}

/** The attribute that names the command a button sends (the webview listens for clicks on the card as a whole). */
export const COMMAND_ATTRIBUTE = 'data-command';

function markdownBlock(className: string, text: string): VElement {
  return trusted('div', { class: `markdown ${className}` }, markdown().render(text)); // html, links and images are off
}

function button(label: string, command: CardCommand['type'], title: string, secondary = true): VElement {
  return h('vscode-button', { title, 'aria-label': title, [COMMAND_ATTRIBUTE]: command, ...(secondary ? { secondary: '' } : {}) }, label);
}

/** A symbol for each verdict, so the result never depends on colour alone. */
function symbolOf(check: Check): string {
  if (check.severity === 'error') return '✗';
  if (check.severity === 'warning') return '⚠';
  return check.verdict === 'unverifiable' ? '?' : '✓';
}

/**
 * A field's text with each checked claim wrapped in a focusable mark that points at its explanation (`#check-N`;
 * the webview moves the focus there on click).
 */
function markedText(tag: 'p' | 'h1', attributes: Record<string, string>, text: string, marks: Mark[], checks: Check[]): VElement {
  const node = h(tag, attributes);
  let at = 0;
  for (const mark of [...marks].sort((a, b) => a.start - b.start)) {
    if (mark.start < at) continue; // overlapping claims: the first one is marked, all are listed below
    const check = checks[mark.check];
    node.children.push(
      text.slice(at, mark.start),
      h(
        'a',
        { class: `claim severity-${check.severity} verdict-${check.verdict}`, href: `#check-${mark.check}`, title: `${check.verdict}: ${check.message}`, 'aria-label': `${text.slice(mark.start, mark.end)}, ${check.verdict}: ${check.message}` },
        text.slice(mark.start, mark.end),
        h('span', { class: 'claim-symbol', 'aria-hidden': 'true' }, symbolOf(check)),
      ),
    );
    at = mark.end;
  }
  node.children.push(text.slice(at));
  return node;
}

function fieldBlock(field: Mark['field'], className: string, text: string, card: Card): VElement {
  const marks = (card.marks ?? []).filter((m) => m.field === field);
  // Markdown for plain prose; text with marks when claims must be pointed at (marks cannot sit inside rendered markup).
  if (!marks.length && field !== 'numbers') return markdownBlock(className, text);
  return markedText('p', { class: className }, text, marks, card.checks ?? []);
}

function checksSection(checks: Check[]): VElement {
  const items = checks.map((check, i) => {
    const explanation = h(
      'dl',
      { class: 'explanation' },
      h('dt', {}, 'Formula'),
      h('dd', {}, check.explanation.formula),
      h('dt', {}, 'Inputs'),
      h('dd', {}, ...check.explanation.inputs.flatMap((input, k) => (k ? [h('br'), input] : [input]))),
      h('dt', {}, 'Result'),
      h('dd', {}, check.explanation.result),
      h('dt', {}, 'Stated'),
      h('dd', {}, check.stated),
      ...(check.explanation.closest ? [h('dt', {}, 'Closest consistent'), h('dd', {}, check.explanation.closest)] : []),
    );
    const chart = chartFor(check);
    return h(
      'li',
      { id: `check-${i}`, tabindex: '-1', class: `check severity-${check.severity}` },
      h('p', { class: 'check-head' }, h('span', { class: 'claim-symbol', 'aria-hidden': 'true' }, symbolOf(check)), ' ', h('strong', {}, check.verdict), ` · ${check.kind} · `, check.message),
      explanation,
      ...(chart ? [chart] : []),
    );
  });
  return h('section', { 'aria-labelledby': 'checks-heading' }, h('h2', { id: 'checks-heading' }, `Checks (${checks.length})`), h('ol', { class: 'checks' }, ...items));
}

/** The children of `<main id="card">` for a card (the card element itself is labelled by `#card-title`). */
export function renderCard(card: Card): VNode[] {
  const scores = h('dl', { class: 'scores' });
  for (const score of card.scores) scores.children.push(h('div', { class: 'score' }, h('dt', {}, score.label), h('dd', {}, score.raw)));
  scores.children.push(h('div', { class: 'score' }, h('dt', {}, 'Citations'), h('dd', {}, String(card.citations))));

  const titleMarks = (card.marks ?? []).filter((m) => m.field === 'title');
  const sections: VNode[] = [
    h('header', {}, markedText('h1', { id: 'card-title' }, card.title, titleMarks, card.checks ?? []), h('p', { class: 'source' }, `${card.source}, line ${card.line}`)),
    scores,
    h(
      'div',
      { class: 'actions', role: 'toolbar', 'aria-label': 'Card actions' },
      button('Copy Summary', 'copySummary', 'Copy a Markdown summary of this paper to the clipboard', false),
      button('Append to Notes', 'appendToNotes', 'Append a Markdown summary of this paper to your notes file'),
      button('Reveal in File', 'revealInFile', 'Open the seed file at this card'),
    ),
    h('vscode-divider', { role: 'separator' }),
  ];
  if (card.summary) sections.push(h('section', { 'aria-labelledby': 'summary-heading' }, h('h2', { id: 'summary-heading' }, 'Summary'), fieldBlock('summary', 'markdown summary', card.summary, card)));
  if (card.keyFinding) sections.push(h('section', { 'aria-labelledby': 'finding-heading' }, h('h2', { id: 'finding-heading' }, 'Key finding'), fieldBlock('keyFinding', 'markdown finding', card.keyFinding, card)));
  if (card.numbers) sections.push(h('section', { 'aria-labelledby': 'numbers-heading' }, h('h2', { id: 'numbers-heading' }, 'Numbers'), fieldBlock('numbers', 'numbers', card.numbers, card)));
  if (card.checks?.length) sections.push(checksSection(card.checks));
  else if (!card.checks) sections.push(h('p', { class: 'status' }, 'Checking claims…'));
  sections.push(h('p', { class: 'status', id: 'status', role: 'status' }));
  return sections;
}

/** The children of `<main id="card">` when the paper cannot be shown. */
export function renderMissing(title: string, reason: string): VNode[] {
  return [h('h1', {}, title), h('p', { class: 'status' }, reason)];
}
