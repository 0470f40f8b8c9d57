// Wires the features together. Each lives in its own module; activation only creates objects and starts the
// first workspace scan without waiting for it, so it stays cheap.
import vscode = require('vscode');
import { Cards } from './cards';
import { ClaimsService } from './claims';
import { ClaimDiagnostics } from './diagnostics';
import { registerHover } from './hover';
import { registerQuickFixes } from './quickFix';
import { registerVerifyCommands } from './verifyCommand';
import { PaperCommands, SORT_STATE_KEY, registerCommands } from './commands';
import { NotesWriter } from './notes';
import { PapersTreeProvider, SORT_ORDERS, SortOrder } from './papersTree';
import { SeedIndex } from './seedIndex';

/** What the extension exports: used by the integration tests and available to other extensions. */
export interface PaperClaimsApi {
  index: SeedIndex;
  tree: PapersTreeProvider;
  cards: Cards;
  papers: PaperCommands;
  notes: NotesWriter;
  claims: ClaimsService;
  diagnostics: ClaimDiagnostics;
  /** How long the body of `activate` took, in milliseconds (the benchmark reports it beside VS Code's total). */
  activateMs: number;
}

export function activate(context: vscode.ExtensionContext): PaperClaimsApi {
  const started = performance.now();
  const index = new SeedIndex();
  const claims = new ClaimsService(index);
  const diagnostics = new ClaimDiagnostics(index, claims);
  const notes = new NotesWriter();
  const papers = new PaperCommands(index, notes, context.extensionUri);
  const cards = new Cards(context.extensionUri, index, claims, papers);
  const tree = new PapersTreeProvider(index, claims, initialSortOrder(context));
  const view = vscode.window.createTreeView('paperClaims.papers', { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(index, claims, diagnostics, cards, tree, view, registerHover(diagnostics), registerQuickFixes(diagnostics));
  context.subscriptions.push(...registerVerifyCommands(index, claims));
  registerCommands(context, { index, tree, cards, papers });

  const updateView = () => {
    const count = index.files.reduce((n, f) => n + f.seed.papers.length, 0);
    const flagged = index.files.reduce((n, f) => n + (claims.peek(f.uri)?.flagged ?? 0), 0);
    view.description = index.files.length ? `${count} ${count === 1 ? 'paper' : 'papers'}` : undefined;
    const held = index.files.find((f) => f.heldBack);
    view.message = held
      ? `${held.label}: a card stopped parsing at line ${(held.seed.problems[0]?.line ?? 0) + 1}. Showing its last good papers until it is fixed (see Problems).`
      : undefined;
    view.badge = flagged ? { value: flagged, tooltip: `${flagged} ${flagged === 1 ? 'claim needs' : 'claims need'} a look` } : undefined;
    void vscode.commands.executeCommand('setContext', 'paperClaims.hasSeeds', index.files.length > 0);
    void vscode.commands.executeCommand('setContext', 'paperClaims.ready', true);
  };
  context.subscriptions.push(index.onDidChange(updateView), claims.onDidChange(updateView));
  void index.rescan();
  return { index, tree, cards, papers, notes, claims, diagnostics, activateMs: performance.now() - started };
}

function initialSortOrder(context: vscode.ExtensionContext): SortOrder {
  const stored = context.workspaceState.get<string>(SORT_STATE_KEY);
  const configured = vscode.workspace.getConfiguration('paperClaims').get<string>('sortOrder', 'fileOrder');
  const candidate = stored ?? configured;
  return (SORT_ORDERS as readonly string[]).includes(candidate) ? (candidate as SortOrder) : 'fileOrder';
}

export function deactivate(): void {}
