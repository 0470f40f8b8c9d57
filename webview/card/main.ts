// The card webview's script. It builds the DOM from validated messages: text goes through `textContent`, and the
// only HTML it inserts is markdown-it's output with raw HTML, links and images switched off (markdown-it escapes
// everything else), so a hostile card stays text.
import MarkdownIt from 'markdown-it';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-divider/index.js';
import { Card, CardCommand, CardNotificationSchema, CardState } from './protocol';

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

function render(card: Card): void {
  const scores = el('dl', { class: 'scores' });
  for (const score of card.scores) scores.append(el('div', { class: 'score' }, el('dt', {}, score.label), el('dd', {}, score.raw)));
  scores.append(el('div', { class: 'score' }, el('dt', {}, 'Citations'), el('dd', {}, String(card.citations))));

  const sections: Node[] = [
    el('header', {}, el('h1', { id: 'card-title' }, card.title), el('p', { class: 'source' }, `${card.source}, line ${card.line}`)),
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
  if (card.summary) sections.push(el('section', { 'aria-labelledby': 'summary-heading' }, el('h2', { id: 'summary-heading' }, 'Summary'), markdownBlock('summary', card.summary)));
  if (card.keyFinding) sections.push(el('section', { 'aria-labelledby': 'finding-heading' }, el('h2', { id: 'finding-heading' }, 'Key finding'), markdownBlock('finding', card.keyFinding)));
  if (card.numbers) sections.push(el('section', { 'aria-labelledby': 'numbers-heading' }, el('h2', { id: 'numbers-heading' }, 'Numbers'), el('p', { class: 'numbers' }, card.numbers)));
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
