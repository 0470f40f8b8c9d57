// The card webview's script. It builds the DOM from validated messages: text goes through `textContent`, and the
// only HTML it inserts is markdown-it's output with raw HTML, links and images switched off (markdown-it escapes
// everything else), so a hostile card stays text.
import MarkdownIt from 'markdown-it';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-divider/index.js';
import type { Check } from '../../src/core/check';
import { Card, CardCommand, CardNotificationSchema, CardState, Mark } from './protocol';
import { chartFor } from './chart';

interface VsCodeApi {
  postMessage(message: CardCommand): void;
  setState(state: CardState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).disable(['link', 'image', 'autolink']);
const root = document.getElementById('card')!;

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = CardNotificationSchema.safeParse(event.data);
  if (!parsed.success) return;
  const message = parsed.data;
  switch (message.type) {
    case 'card/show':
      vscode.setState(message.state);
      render(message.card);
      break;
    case 'card/missing':
      root.replaceChildren(el('h1', {}, message.title), el('p', { class: 'status' }, message.reason));
      break;
    case 'card/status':
      setStatus(message.text);
      break;
  }
});

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes?: Record<string, string>, ...children: Array<Node | string>): HTMLElementTagNameMap[K];
function el(tag: string, attributes?: Record<string, string>, ...children: Array<Node | string>): HTMLElement;
function el(tag: string, attributes: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children); // strings become text nodes
  return node;
}

function markdownBlock(className: string, text: string): HTMLElement {
  const block = el('div', { class: `markdown ${className}` });
  block.innerHTML = markdown.render(text); // markdown-it escapes the text; html, links and images are off
  return block;
}

function button(label: string, command: CardCommand, title: string, secondary = true): HTMLElement {
  const b = el('vscode-button', { title, 'aria-label': title, ...(secondary ? { secondary: '' } : {}) }, label);
  b.addEventListener('click', () => vscode.postMessage(command));
  return b;
}

/** A symbol for each verdict, so the result never depends on colour alone. */
function symbolOf(check: Check): string {
  if (check.severity === 'error') return '✗';
  if (check.severity === 'warning') return '⚠';
  return check.verdict === 'unverifiable' ? '?' : '✓';
}

/** A field's text with each checked claim wrapped in a focusable mark that points at its explanation. */
function markedText(tag: 'p' | 'h1', attributes: Record<string, string>, text: string, marks: Mark[], checks: Check[]): HTMLElement {
  const node = el(tag, attributes);
  let at = 0;
  for (const mark of [...marks].sort((a, b) => a.start - b.start)) {
    if (mark.start < at) continue; // overlapping claims: the first one is marked, all are listed below
    const check = checks[mark.check];
    node.append(text.slice(at, mark.start));
    const link = el('a', { class: `claim severity-${check.severity} verdict-${check.verdict}`, href: `#check-${mark.check}`, title: `${check.verdict}: ${check.message}`, 'aria-label': `${text.slice(mark.start, mark.end)}, ${check.verdict}: ${check.message}` }, text.slice(mark.start, mark.end), el('span', { class: 'claim-symbol', 'aria-hidden': 'true' }, symbolOf(check)));
    link.addEventListener('click', (event) => {
      event.preventDefault();
      document.getElementById(`check-${mark.check}`)?.focus();
    });
    node.append(link);
    at = mark.end;
  }
  node.append(text.slice(at));
  return node;
}

function fieldBlock(field: Mark['field'], className: string, text: string, card: Card): HTMLElement {
  const marks = (card.marks ?? []).filter((m) => m.field === field);
  // Markdown for plain prose; text with marks when claims must be pointed at (marks cannot sit inside rendered markup).
  if (!marks.length && field !== 'numbers') return markdownBlock(className, text);
  return markedText('p', { class: className }, text, marks, card.checks ?? []);
}

function checksSection(checks: Check[]): HTMLElement {
  const list = el('ol', { class: 'checks' });
  checks.forEach((check, i) => {
    const explanation = el(
      'dl',
      { class: 'explanation' },
      el('dt', {}, 'Formula'),
      el('dd', {}, check.explanation.formula),
      el('dt', {}, 'Inputs'),
      el('dd', {}, ...check.explanation.inputs.flatMap((input, k) => (k ? [el('br'), input] : [input]))),
      el('dt', {}, 'Result'),
      el('dd', {}, check.explanation.result),
      el('dt', {}, 'Stated'),
      el('dd', {}, check.stated),
      ...(check.explanation.closest ? [el('dt', {}, 'Closest consistent'), el('dd', {}, check.explanation.closest)] : []),
    );
    const item = el(
      'li',
      { id: `check-${i}`, tabindex: '-1', class: `check severity-${check.severity}` },
      el('p', { class: 'check-head' }, el('span', { class: 'claim-symbol', 'aria-hidden': 'true' }, symbolOf(check)), ' ', el('strong', {}, check.verdict), ` · ${check.kind} · `, check.message),
      explanation,
    );
    const chart = chartFor(check);
    if (chart) item.append(chart);
    list.append(item);
  });
  return el('section', { 'aria-labelledby': 'checks-heading' }, el('h2', { id: 'checks-heading' }, `Checks (${checks.length})`), list);
}

function render(card: Card): void {
  const scores = el('dl', { class: 'scores' });
  for (const score of card.scores) scores.append(el('div', { class: 'score' }, el('dt', {}, score.label), el('dd', {}, score.raw)));
  scores.append(el('div', { class: 'score' }, el('dt', {}, 'Citations'), el('dd', {}, String(card.citations))));

  const titleMarks = (card.marks ?? []).filter((m) => m.field === 'title');
  const sections: Node[] = [
    el('header', {}, markedText('h1', { id: 'card-title' }, card.title, titleMarks, card.checks ?? []), el('p', { class: 'source' }, `${card.source}, line ${card.line}`)),
    scores,
    el(
      'div',
      { class: 'actions', role: 'toolbar', 'aria-label': 'Card actions' },
      button('Copy Summary', { type: 'copySummary' }, 'Copy a Markdown summary of this paper to the clipboard', false),
      button('Append to Notes', { type: 'appendToNotes' }, 'Append a Markdown summary of this paper to your notes file'),
      button('Reveal in File', { type: 'revealInFile' }, 'Open the seed file at this card'),
    ),
    el('vscode-divider', { role: 'separator' }),
  ];
  if (card.summary) sections.push(el('section', { 'aria-labelledby': 'summary-heading' }, el('h2', { id: 'summary-heading' }, 'Summary'), fieldBlock('summary', 'markdown summary', card.summary, card)));
  if (card.keyFinding) sections.push(el('section', { 'aria-labelledby': 'finding-heading' }, el('h2', { id: 'finding-heading' }, 'Key finding'), fieldBlock('keyFinding', 'markdown finding', card.keyFinding, card)));
  if (card.numbers) sections.push(el('section', { 'aria-labelledby': 'numbers-heading' }, el('h2', { id: 'numbers-heading' }, 'Numbers'), fieldBlock('numbers', 'numbers', card.numbers, card)));
  if (card.checks?.length) sections.push(checksSection(card.checks));
  else if (!card.checks) sections.push(el('p', { class: 'status' }, 'Checking claims…'));
  sections.push(el('p', { class: 'status', id: 'status', role: 'status' }));
  root.replaceChildren(...sections);
  root.setAttribute('aria-labelledby', 'card-title');
  requestAnimationFrame(() => vscode.postMessage({ type: 'rendered', title: card.title }));
}

function setStatus(text: string): void {
  const status = document.getElementById('status');
  if (status) status.textContent = text;
}

vscode.postMessage({ type: 'ready' });
