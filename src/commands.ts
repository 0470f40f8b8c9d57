// The extension's commands, flat and named (`paperClaims.*`). Paper commands take a PaperRef (from a tree item's
// click or a card) or a tree node (from the view's context menu); with neither they use the open card.
import vscode = require('vscode');
import { paperSummaryMarkdown } from './core/summary';
import { CardActions } from './cardPage';
import { Cards } from './cards';
import { NotesWriter } from './notes';
import { PaperRef, PapersNode, PapersTreeProvider, SortOrder, paperRef } from './papersTree';
import { SeedIndex } from './seedIndex';

export const SORT_STATE_KEY = 'paperClaims.sortOrder';

export class PaperCommands implements CardActions {
  constructor(
    private readonly index: SeedIndex,
    private readonly notes: NotesWriter,
    private readonly extensionUri: vscode.Uri,
  ) {}

  summaryOf(ref: PaperRef): string | undefined {
    const paper = this.index.findPaper(ref.uri, ref.index, ref.title);
    return paper && paperSummaryMarkdown(paper, { source: vscode.workspace.asRelativePath(ref.uri) });
  }

  /** Resolves to what happened, in words (the card shows it in its status line). */
  async copySummary(ref: PaperRef): Promise<string | undefined> {
    const summary = this.summaryOf(ref);
    if (!summary) return missing(ref);
    await vscode.env.clipboard.writeText(summary);
    vscode.window.setStatusBarMessage('$(check) Paper summary copied', 3000);
    return 'Summary copied to the clipboard.';
  }

  async appendToNotes(ref: PaperRef): Promise<string | undefined> {
    const summary = this.summaryOf(ref);
    if (!summary) return missing(ref);
    try {
      const { uri, unsaved } = await this.notes.append(summary);
      const where = vscode.workspace.asRelativePath(uri);
      const text = unsaved ? `Appended to ${where} (unsaved, with your other edits there).` : `Appended to ${where}.`;
      // Not awaited: the command is done once the note is written, not when the message is dismissed.
      void vscode.window.showInformationMessage(text, 'Open Notes').then((choice) => choice && vscode.window.showTextDocument(uri, { preview: false }));
      return text;
    } catch (error) {
      const text = `Could not append to notes: ${error instanceof Error ? error.message : String(error)}`;
      void vscode.window.showErrorMessage(text);
      return text;
    }
  }

  async revealInFile(ref: PaperRef): Promise<string | undefined> {
    const paper = this.index.findPaper(ref.uri, ref.index, ref.title);
    if (!paper) return missing(ref);
    const r = paper.title.range;
    await vscode.window.showTextDocument(ref.uri, { selection: new vscode.Range(r.line, r.column, r.line, r.endColumn), preview: false });
  }

  async openSample(): Promise<void> {
    const sampleFolder = vscode.Uri.joinPath(this.extensionUri, 'seeds');
    const [sample] = (await vscode.workspace.fs.readDirectory(sampleFolder)).filter(([name]) => name.endsWith('.txt'));
    if (!sample) return void vscode.window.showErrorMessage('The built-in sample is missing from the extension.');
    await vscode.window.showTextDocument(vscode.Uri.joinPath(sampleFolder, sample[0]));
  }
}

function missing(ref: PaperRef): string {
  const text = `"${ref.title}" is no longer in its seed file.`;
  void vscode.window.showWarningMessage(text);
  return text;
}

export function registerCommands(
  context: vscode.ExtensionContext,
  deps: { index: SeedIndex; tree: PapersTreeProvider; cards: Cards; papers: PaperCommands },
): void {
  const { index, tree, cards, papers } = deps;
  const toRef = (arg: unknown, fallback: () => PaperRef | undefined): PaperRef | undefined => {
    if (arg && typeof arg === 'object' && 'kind' in arg) return paperRef(arg as PapersNode);
    if (arg && typeof arg === 'object' && 'uri' in arg && 'index' in arg) return arg as PaperRef;
    return fallback();
  };
  const withPaper = (run: (ref: PaperRef) => unknown, fallback = () => cards.currentPaper) => (arg: unknown) => {
    const ref = toRef(arg, fallback);
    if (!ref) return void vscode.window.showInformationMessage('Select a paper in the Papers view first.');
    return run(ref);
  };
  const setFlaggedOnly = (flaggedOnly: boolean) => {
    tree.setFlaggedOnly(flaggedOnly);
    void vscode.commands.executeCommand('setContext', 'paperClaims.flaggedOnly', flaggedOnly);
  };
  const sortBy = (order: SortOrder) => () => {
    tree.setSortOrder(order);
    void context.workspaceState.update(SORT_STATE_KEY, order);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('paperClaims.refresh', () => index.rescan()),
    vscode.commands.registerCommand('paperClaims.sortByFileOrder', sortBy('fileOrder')),
    vscode.commands.registerCommand('paperClaims.sortByCitations', sortBy('citations')),
    vscode.commands.registerCommand('paperClaims.sortByTitle', sortBy('title')),
    vscode.commands.registerCommand('paperClaims.openCard', withPaper((ref) => cards.show(ref))),
    vscode.commands.registerCommand('paperClaims.openCardInEditor', withPaper((ref) => cards.showInEditor(ref), () => cards.paperToOpenInEditor)),
    vscode.commands.registerCommand('paperClaims.copySummary', withPaper((ref) => papers.copySummary(ref))),
    vscode.commands.registerCommand('paperClaims.appendToNotes', withPaper((ref) => papers.appendToNotes(ref))),
    vscode.commands.registerCommand('paperClaims.revealInFile', withPaper((ref) => papers.revealInFile(ref))),
    vscode.commands.registerCommand('paperClaims.openSample', () => papers.openSample()),
    vscode.commands.registerCommand('paperClaims.showFlaggedOnly', () => setFlaggedOnly(true)),
    vscode.commands.registerCommand('paperClaims.showAllPapers', () => setFlaggedOnly(false)),
  );
}
