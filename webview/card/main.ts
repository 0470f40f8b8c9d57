// card.js: loaded by the page's boot script (boot.ts) after the first card has painted. It shows the cards the
// extension sends (validated messages, turned into DOM by render.ts and vnode.ts: text through DOM calls, the only
// markup markdown-it's output with raw HTML, links and images off), and sends the card's button clicks back.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-divider/index.js';
import { CardCommand, CardNotificationSchema } from './protocol';
import { PAGE_BOOT, PageBoot, afterPaint, renderedReport } from './page';
import { COMMAND_ATTRIBUTE, renderCard, renderMissing } from './render';
import { VNode, toDom } from './vnode';

const page = (globalThis as Record<string, unknown>)[PAGE_BOOT] as PageBoot;
const vscode = page.vscode;
const root = document.getElementById('card')!;
const ACTIONS: ReadonlySet<string> = new Set<CardCommand['type']>(['copySummary', 'appendToNotes', 'revealInFile']);

function show(nodes: VNode[], labelledBy?: string): void {
  root.replaceChildren(...nodes.map(toDom));
  if (labelledBy) root.setAttribute('aria-labelledby', labelledBy);
  else root.removeAttribute('aria-labelledby');
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = CardNotificationSchema.safeParse(event.data);
  if (!parsed.success) return;
  const message = parsed.data;
  switch (message.type) {
    case 'card/show': {
      vscode.setState(message.state);
      show(renderCard(message.card), 'card-title');
      const { title } = message.card;
      afterPaint(() => vscode.postMessage(renderedReport(title)));
      break;
    }
    case 'card/missing':
      show(renderMissing(message.title, message.reason));
      break;
    case 'card/status':
      setStatus(message.text);
      break;
  }
});

// One listener for the whole card, so cards the extension rendered into the page work the same as cards shown here.
root.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : undefined;
  // A checked claim points at its explanation: move the focus there (the list item is focusable).
  const claim = target?.closest('a.claim');
  if (claim) {
    event.preventDefault();
    const id = claim.getAttribute('href')?.replace(/^#/, '');
    if (id) document.getElementById(id)?.focus();
    return;
  }
  const command = target?.closest(`[${COMMAND_ATTRIBUTE}]`)?.getAttribute(COMMAND_ATTRIBUTE);
  if (command && ACTIONS.has(command)) vscode.postMessage({ type: command as 'copySummary' | 'appendToNotes' | 'revealInFile' });
});

function setStatus(text: string): void {
  const status = document.getElementById('status');
  if (status) status.textContent = text;
}

vscode.postMessage({ type: 'ready', displayed: page.displayed });
