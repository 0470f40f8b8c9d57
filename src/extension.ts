// Wires the features together. Each lives in its own module; activation only creates objects and starts the
// first workspace scan without waiting for it, so it stays cheap.
import * as vscode from 'vscode';
import { CardPanel } from './cardPanel';
import { PaperCommands, SORT_STATE_KEY, registerCommands } from './commands';
import { NotesWriter } from './notes';
import { PapersTreeProvider, SORT_ORDERS, SortOrder } from './papersTree';
import { SeedIndex } from './seedIndex';

/** What the extension exports: used by the integration tests and available to other extensions. */
export interface PaperClaimsApi {
  index: SeedIndex;
  tree: PapersTreeProvider;
  cards: CardPanel;
  papers: PaperCommands;
  notes: NotesWriter;
}

export function activate(context: vscode.ExtensionContext): PaperClaimsApi {
  const index = new SeedIndex();
  const notes = new NotesWriter();
  const papers = new PaperCommands(index, notes, context.extensionUri);
  const cards = new CardPanel(context.extensionUri, index, papers);
  const tree = new PapersTreeProvider(index, initialSortOrder(context));
  const view = vscode.window.createTreeView('paperClaims.papers', { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(index, cards, tree, view);
  registerCommands(context, { index, tree, cards, papers });

  context.subscriptions.push(
    index.onDidChange(() => {
      const count = index.files.reduce((n, f) => n + f.seed.papers.length, 0);
      view.message = undefined;
      view.description = index.files.length ? `${count} ${count === 1 ? 'paper' : 'papers'}` : undefined;
      void vscode.commands.executeCommand('setContext', 'paperClaims.hasSeeds', index.files.length > 0);
      void vscode.commands.executeCommand('setContext', 'paperClaims.ready', true);
    }),
  );
  void index.rescan();
  return { index, tree, cards, papers, notes };
}

function initialSortOrder(context: vscode.ExtensionContext): SortOrder {
  const stored = context.workspaceState.get<string>(SORT_STATE_KEY);
  const configured = vscode.workspace.getConfiguration('paperClaims').get<string>('sortOrder', 'fileOrder');
  const candidate = stored ?? configured;
  return (SORT_ORDERS as readonly string[]).includes(candidate) ? (candidate as SortOrder) : 'fileOrder';
}

export function deactivate(): void {}
