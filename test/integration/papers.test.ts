// The Papers view, the card and notes, exercised through the real VS Code API in the real extension host.
// The workspace is a throwaway copy of seeds/ made by the runner, so tests may write files into it.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { PaperClaimsApi } from '../../src/extension';
import type { PaperRef, PapersNode } from '../../src/papersTree';
import type { CardPaint } from '../../src/cardPage';
import { suite, test } from './harness';
import { api, isWorkspaceSample, until } from './util';

function workspaceFile(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

function paperNodes(nodes: PapersNode[]): Extract<PapersNode, { kind: 'paper' }>[] {
  return nodes.filter((n): n is Extract<PapersNode, { kind: 'paper' }> => n.kind === 'paper');
}

function samplePapers(a: PaperClaimsApi): Extract<PapersNode, { kind: 'paper' }>[] {
  const roots = a.tree.getChildren();
  const file = roots.find((n) => n.kind === 'file' && isWorkspaceSample(n.entry.uri));
  return paperNodes(file ? a.tree.getChildren(file) : roots);
}

function refOf(node: Extract<PapersNode, { kind: 'paper' }>): PaperRef {
  return { uri: node.entry.uri, index: node.paper.index, title: node.paper.title.text };
}

suite('Papers view', () => {
  test('lists the 24 papers of the sample, each with its title, citations and summary tooltip', async () => {
    const a = await api();
    const papers = samplePapers(a);
    assert.equal(papers.length, 24);
    const first = a.tree.getTreeItem(papers[0]);
    assert.equal(first.label, 'Finetune a 65B LLM on a single 48GB GPU by training 4-bit models with adapters');
    assert.equal(first.description, '485 citations');
    assert.match(String(first.tooltip), /QLoRA drastically lowers hardware cost/);
    assert.equal(first.command?.command, 'paperClaims.openCard');
    assert.match(first.accessibilityInformation?.label ?? '', /485 citations/);
  }, { timeout: 30_000 });

  test('sorts by citations and by title from its commands, and back to file order', async () => {
    const a = await api();
    await vscode.commands.executeCommand('paperClaims.sortByCitations');
    const byCitations = samplePapers(a).map((n) => n.paper.citations.value);
    assert.deepEqual(byCitations, [...byCitations].sort((x, y) => y - x));
    await vscode.commands.executeCommand('paperClaims.sortByTitle');
    const titles = samplePapers(a).map((n) => n.paper.title.text);
    assert.deepEqual(titles, [...titles].sort((x, y) => x.localeCompare(y)));
    await vscode.commands.executeCommand('paperClaims.sortByFileOrder');
    assert.equal(samplePapers(a)[0].paper.index, 0);
  });

  test('a new seed file appears (grouped by file) and disappears when deleted', async () => {
    const a = await api();
    const extra = workspaceFile('more', 'extra-digest.txt');
    const text = '1 papers found\n\nA brand new paper\n\n0.5\n0.5\n0.5\n7\n\nIt does things.\n';
    await vscode.workspace.fs.writeFile(extra, new TextEncoder().encode(text));
    try {
      const files = await until(() => {
        const roots = a.tree.getChildren();
        return roots.filter((n) => n.kind === 'file').length === 2 ? roots : undefined;
      }, 'the new seed file in the tree');
      const node = files.find((n) => n.kind === 'file' && n.entry.uri.path.endsWith('extra-digest.txt'))!;
      assert.deepEqual(paperNodes(a.tree.getChildren(node)).map((n) => n.paper.title.text), ['A brand new paper']);
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(extra, '..'), { recursive: true });
    }
    await until(() => (a.tree.getChildren().some((n) => n.kind === 'file') ? undefined : true), 'the deleted file to leave the tree');
    assert.equal(samplePapers(a).length, 24);
  }, { timeout: 30_000 });

  test('a deleted seed file stays gone after its closed document lingers and the workspace is scanned again', async () => {
    const a = await api();
    const gone = workspaceFile('lingering', 'gone-digest.txt');
    const other = workspaceFile('lingering-other', 'other-digest.txt');
    const digest = (title: string) => `1 papers found\n\n${title}\n\n0.5\n0.5\n0.5\n7\n\nIt does things.\n`;
    await vscode.workspace.fs.writeFile(gone, new TextEncoder().encode(digest('Soon deleted')));
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(gone));
      await until(() => a.index.get(gone), 'the file in the index');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(gone, '..'), { recursive: true });
      await until(() => (a.index.get(gone) ? undefined : true), 'the deleted file to leave the index');
      // A new file makes the index scan the workspace again; the closed document may still be loaded.
      await vscode.workspace.fs.writeFile(other, new TextEncoder().encode(digest('Still here')));
      await until(() => a.index.get(other), 'the new file in the index');
      await until(() => (a.index.busy ? undefined : true), 'the index settled');
      assert.equal(a.index.get(gone), undefined, 'the deleted file came back');
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(other, '..'), { recursive: true });
    }
    await until(() => (a.index.get(other) ? undefined : true), 'the other file to leave the index');
  }, { timeout: 30_000 });

  test('follows unsaved edits of the seed file', async () => {
    const a = await api();
    const document = await vscode.workspace.openTextDocument(samplePapers(a)[0].entry.uri);
    const editor = await vscode.window.showTextDocument(document);
    const titleLine = samplePapers(a)[0].paper.title.range.line;
    const original = document.lineAt(titleLine).text;
    await editor.edit((e) => e.replace(document.lineAt(titleLine).range, 'An edited title'));
    try {
      await until(() => (samplePapers(a)[0]?.paper.title.text === 'An edited title' ? true : undefined), 'the edited title in the tree');
    } finally {
      await editor.edit((e) => e.replace(document.lineAt(titleLine).range, original));
      await document.save();
    }
    await until(() => (samplePapers(a)[0]?.paper.title.text === original ? true : undefined), 'the title restored');
  }, { timeout: 30_000 });
  test('Open Built-in Sample lists the sample from the extension while it is open', async () => {
    const a = await api();
    const before = a.index.files.length;
    await vscode.commands.executeCommand('paperClaims.openSample');
    const sample = await until(() => a.index.files.find((f) => !vscode.workspace.getWorkspaceFolder(f.uri)), 'the built-in sample in the index');
    assert.equal(sample.seed.papers.length, 24);
    assert.equal(a.index.files.length, before + 1);
    assert.ok(a.tree.getChildren().some((n) => n.kind === 'file' && n.entry === sample), 'grouped by file in the tree');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    // VS Code closes a document some time after its last editor; the index follows when it does.
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString() === sample.uri.toString(), false);
  }, { timeout: 20_000 });

  test('a card broken by an edit keeps the last good tree and shows the problem where it is', async () => {
    const a = await api();
    const uri = samplePapers(a)[0].entry.uri;
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const scoreLine = samplePapers(a)[1].paper.scores[1].range.line;
    try {
      await editor.edit((e) => e.replace(document.lineAt(scoreLine).range, '0.6o'));
      const problem = await until(
        () => vscode.languages.getDiagnostics(uri).find((d) => d.source === 'paper-claims' && d.code === 'parse'),
        'a parse problem in the Problems panel',
      );
      assert.equal(problem.range.start.line, scoreLine);
      assert.match(problem.message, /score 2 "0\.6o" is not a number/);
      assert.ok(a.index.get(uri)?.heldBack, 'the last good papers are held');
      assert.equal(samplePapers(a).length, 24, 'the tree keeps every paper');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await until(() => (a.index.get(uri)?.heldBack ? undefined : true), 'the fixed file to parse again');
    assert.equal(vscode.languages.getDiagnostics(uri).filter((d) => d.code === 'parse').length, 0);
  }, { timeout: 30_000 });
});

suite('Card', () => {
  test('opens a card for a paper in one reused webview panel', async () => {
    const a = await api();
    const [first, second] = samplePapers(a);
    // The webview reports each card it has painted: this is the card on screen, not just a message sent.
    const painted = new Promise<string>((resolve) => a.cards.onDidRender((paint) => resolve(paint.title)));
    await vscode.commands.executeCommand('paperClaims.openCard', refOf(first));
    assert.equal(await painted, first.paper.title.text);
    await vscode.commands.executeCommand('paperClaims.openCard', refOf(second));
    const cardTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('paperClaims.card'));
    await until(() => (cardTabs().length === 1 ? true : undefined), 'one card tab');
    assert.equal(a.cards.currentPaper?.title, second.paper.title.text);
    await until(() => (/^DeepSeek/.test(cardTabs()[0]?.label ?? '') ? true : undefined), 'the tab titled after the second paper');
  }, { timeout: 30_000 });

  test('a new panel paints its first card from its own HTML, and a panel hidden behind the seed file keeps its page', async () => {
    const a = await api();
    const [, , third, fourth] = samplePapers(a);
    const paints: CardPaint[] = [];
    const listener = a.cards.onDidRender((paint) => paints.push(paint));
    const painted = (title: string, what: string) => until(() => paints.find((p) => p.title === title), what, 20_000);
    try {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await until(() => (a.cards.panel.isOpen ? undefined : true), 'the card panel to close');
      // A new panel: the card is in the page VS Code loads (no message needed for it to paint).
      await vscode.commands.executeCommand('paperClaims.openCard', refOf(third));
      await painted(third.paper.title.text, 'the third paper painted in a new panel');
      // The reused panel: the card comes as a message.
      await vscode.commands.executeCommand('paperClaims.openCard', refOf(fourth));
      await painted(fourth.paper.title.text, 'the fourth paper painted in the reused panel');
      // Hidden behind the seed file in its tab group, the webview is kept (retainContextWhenHidden): a card asked for
      // meanwhile brings the panel back and paints in the same page, once, without VS Code loading a new one.
      const hiddenAt = Date.now();
      await vscode.window.showTextDocument(a.index.files[0].uri, { viewColumn: vscode.ViewColumn.Active, preview: false });
      await new Promise((r) => setTimeout(r, 500));
      paints.length = 0;
      await vscode.commands.executeCommand('paperClaims.openCard', refOf(third));
      const back = await painted(third.paper.title.text, 'the third paper painted when the hidden panel comes back');
      assert.ok(back.pageStart < hiddenAt, 'the page is the one loaded before the panel was hidden');
      await new Promise((r) => setTimeout(r, 500));
      assert.deepEqual(paints.map((p) => p.title), [third.paper.title.text], 'only the asked-for card painted, once');
      assert.equal(a.cards.currentPaper?.title, third.paper.title.text);
    } finally {
      listener.dispose();
    }
  }, { timeout: 60_000 });

  test('with the Card view on screen and no card tab, cards show in the side bar; Open Card in Editor moves them to a tab', async () => {
    const a = await api();
    const [first, second, third] = samplePapers(a);
    const paints: CardPaint[] = [];
    const listener = a.cards.onDidRender((paint) => paints.push(paint));
    const painted = (title: string, surface: CardPaint['surface'], what: string) => until(() => paints.find((p) => p.title === title && p.surface === surface), what, 20_000);
    const cardTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('paperClaims.card'));
    try {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await until(() => (a.cards.panel.isOpen ? undefined : true), 'the card panel to close');
      await vscode.commands.executeCommand('paperClaims.cardView.focus');
      await until(() => (a.cards.view.visible ? true : undefined), 'the Card view on screen');
      await vscode.commands.executeCommand('paperClaims.openCard', refOf(first));
      const one = await painted(first.paper.title.text, 'sidebar', 'the first paper painted in the Card view');
      await vscode.commands.executeCommand('paperClaims.openCard', refOf(second));
      const two = await painted(second.paper.title.text, 'sidebar', 'the second paper painted in the Card view');
      assert.equal(two.pageStart, one.pageStart, 'the second card is shown in the same page, not a new one');
      assert.equal(cardTabs().length, 0, 'no card tab was opened');
      assert.equal(a.cards.currentPaper?.title, second.paper.title.text);
      // Without an argument (the view's title-bar button), the view's card opens in a tab...
      await vscode.commands.executeCommand('paperClaims.openCardInEditor');
      await painted(second.paper.title.text, 'editor', 'the Card view\'s paper painted in a tab');
      assert.equal(cardTabs().length, 1);
      // ...and while the tab is open, cards go there.
      await vscode.commands.executeCommand('paperClaims.openCard', refOf(third));
      await painted(third.paper.title.text, 'editor', 'the third paper painted in the tab');
      assert.equal(a.cards.view.currentPaper?.title, second.paper.title.text, 'the Card view keeps its card');
      assert.equal(a.cards.currentPaper?.title, third.paper.title.text);
      // The view's button opens the view's card, not the tab's.
      paints.length = 0;
      await vscode.commands.executeCommand('paperClaims.openCardInEditor');
      await painted(second.paper.title.text, 'editor', 'the Card view\'s paper painted in the tab again');
      assert.equal(a.cards.panel.currentPaper?.title, second.paper.title.text);
    } finally {
      listener.dispose();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
    }
  }, { timeout: 60_000 });

  test('Reveal in File opens the seed file with the title selected', async () => {
    const a = await api();
    const paper = samplePapers(a)[7];
    await vscode.commands.executeCommand('paperClaims.revealInFile', paper);
    const editor = await until(() => vscode.window.activeTextEditor, 'an editor');
    assert.ok(isWorkspaceSample(editor.document.uri));
    assert.equal(editor.document.getText(editor.selection), paper.paper.title.text);
  });

  test('Copy Summary puts a Markdown summary on the clipboard', async () => {
    const a = await api();
    const paper = samplePapers(a)[2];
    await vscode.commands.executeCommand('paperClaims.copySummary', paper);
    const text = await vscode.env.clipboard.readText();
    assert.match(text, /^## IR-QLoRA: raise accuracy/);
    assert.match(text, /- Numbers: MMLU avg 40\.8% \\\(IR-QLoRA\\\) vs 38\.4%/);
  });
});

/**
 * How this machine can make a file that even this process cannot write: `chmod a-w` for a normal user, and for root
 * (which ignores permissions, as in CI containers) the immutable attribute (`chattr +i`, Linux, needs
 * CAP_LINUX_IMMUTABLE). Probed once on a scratch file; undefined when neither holds, and the test is skipped.
 */
const readOnly = ((): { lock(path: string): () => void } | undefined => {
  const methods = [
    { lock: (path: string) => (chmodSync(path, 0o444), () => chmodSync(path, 0o644)) },
    { lock: (path: string) => (execFileSync('chattr', ['+i', path], { stdio: 'ignore' }), () => execFileSync('chattr', ['-i', path], { stdio: 'ignore' })) },
  ];
  const dir = mkdtempSync(join(tmpdir(), 'paper-claims-ro-'));
  const probe = join(dir, 'probe.txt');
  try {
    for (const method of methods) {
      writeFileSync(probe, 'x');
      let unlock: (() => void) | undefined;
      try {
        unlock = method.lock(probe);
        writeFileSync(probe, 'y');
      } catch {
        if (unlock) return method;
      } finally {
        unlock?.();
      }
    }
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();

suite('Notes', () => {
  const notesPath = ['notes', 'papers.md'];

  test('Append to Notes creates the notes file and its folder, then appends in order', async () => {
    const a = await api();
    const [one, two] = samplePapers(a);
    const notes = workspaceFile(...notesPath);
    await vscode.workspace.fs.delete(workspaceFile('notes'), { recursive: true }).then(undefined, () => undefined);
    // Two appends in quick succession: both land, once each, in order.
    await Promise.all([vscode.commands.executeCommand('paperClaims.appendToNotes', one), vscode.commands.executeCommand('paperClaims.appendToNotes', two)]);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(notes));
    assert.equal(text.split('## Finetune a 65B LLM').length - 1, 1);
    assert.equal(text.split('## DeepSeek').length - 1, 1);
    assert.ok(text.indexOf('## Finetune a 65B LLM') < text.indexOf('## DeepSeek'));
  }, { timeout: 20_000 });

  test('a read-only notes file is left exactly as it was, and the command says why', async () => {
    const a = await api();
    const settings = vscode.workspace.getConfiguration('paperClaims');
    await settings.update('notesFile', 'notes/read-only.md', vscode.ConfigurationTarget.Workspace);
    const notes = workspaceFile('notes', 'read-only.md').fsPath;
    mkdirSync(dirname(notes), { recursive: true });
    writeFileSync(notes, '# Kept\n\nAn old note.\n');
    const unlock = readOnly!.lock(notes);
    try {
      const said = await vscode.commands.executeCommand<string>('paperClaims.appendToNotes', samplePapers(a)[3]);
      assert.match(said, /^Could not append to notes: notes\/read-only\.md could not be written: permission denied/);
      assert.equal(readFileSync(notes, 'utf8'), '# Kept\n\nAn old note.\n');
    } finally {
      unlock();
      rmSync(notes, { force: true });
      await settings.update('notesFile', undefined, vscode.ConfigurationTarget.Workspace);
    }
  }, { timeout: 20_000, skip: readOnly === undefined });

  test('appending while the notes file is open with unsaved edits keeps both', async () => {
    const a = await api();
    // A notes file of its own (through the setting), so no earlier test has it open or cached.
    const settings = vscode.workspace.getConfiguration('paperClaims');
    await settings.update('notesFile', 'notes/unsaved-edits.md', vscode.ConfigurationTarget.Workspace);
    try {
      const notes = workspaceFile('notes', 'unsaved-edits.md');
      // Written through VS Code's own file service, so the editor opens what it wrote.
      const create = new vscode.WorkspaceEdit();
      create.createFile(notes, { overwrite: true, contents: new TextEncoder().encode('# My notes\n\nSaved line.\n') });
      assert.ok(await vscode.workspace.applyEdit(create));
      const document = await vscode.workspace.openTextDocument(notes);
      assert.equal(document.getText(), '# My notes\n\nSaved line.\n');
      const editor = await vscode.window.showTextDocument(document);
      await editor.edit((e) => e.insert(document.lineAt(document.lineCount - 1).range.end, 'Unsaved thought, not yet on disk.\n'));
      assert.ok(document.isDirty);

      await vscode.commands.executeCommand('paperClaims.appendToNotes', samplePapers(a)[8]);

      const text = document.getText();
      assert.ok(text.startsWith('# My notes\n\nSaved line.\nUnsaved thought, not yet on disk.\n'), text.slice(0, 200));
      assert.match(text, /## Microscaling \\\(MX\\\)/);
      const onDiskBefore = new TextDecoder().decode(await vscode.workspace.fs.readFile(notes));
      // Nothing is written behind the open editor: the file holds either what it held, or (if something saved the
      // editor meanwhile, such as auto save on a slow machine) exactly the editor's text.
      assert.ok(onDiskBefore === '# My notes\n\nSaved line.\n' || onDiskBefore === document.getText(), `on disk: ${JSON.stringify(onDiskBefore)}`);
      if (onDiskBefore === '# My notes\n\nSaved line.\n') assert.ok(document.isDirty, 'the extension does not save the user\'s editor');
      // Saving is the user's call (and VS Code's job); close without saving, so no dialog waits on the test.
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await settings.update('notesFile', undefined, vscode.ConfigurationTarget.Workspace);
    }
  }, { timeout: 20_000 });
});
