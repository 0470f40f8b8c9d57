// A hostile seed file (test/fixtures/hostile.txt: <script>, onerror handlers, javascript:/data: links, CSS
// injection, a 100 KB title, bidi overrides, zero-width characters, terminal escapes) in the real VS Code: every
// surface shows the text as text. The fixture is copied into the workspace by the test and removed at the end, so
// the other suites still see only the sample.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Paper } from '../../src/core/model';
import type { PaperClaimsApi } from '../../src/extension';
import type { PapersNode } from '../../src/papersTree';
import { suite, test } from './harness';
import { api, until } from './util';

const FOLDER = 'hostile-fixture';

async function fixtureText(): Promise<Uint8Array> {
  const extension = vscode.extensions.getExtension('paper-claims.paper-claims');
  assert.ok(extension, 'extension not loaded');
  return vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'test', 'fixtures', 'hostile.txt'));
}

function workspaceUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder');
  // Under seeds/ so the default seed glob matches it (the header would also make it a seed file).
  return vscode.Uri.joinPath(folder.uri, 'seeds', FOLDER, 'hostile.txt');
}

let raw = '';

async function hostileEntry(a: PaperClaimsApi) {
  try {
    return await until(() => a.index.files.find((f) => f.uri.path.endsWith(`/${FOLDER}/hostile.txt`) && f.seed.papers.length === 5), 'the hostile file', 20_000);
  } catch {
    const seen = a.index.files.map((f) => `${f.uri.path} (${f.seed.papers.length} papers)`).join(', ');
    throw new Error(`the hostile file was not indexed with its 5 papers; the index holds: ${seen}`);
  }
}

/** The raw source text of a paper's title, straight from the file (not through the parser). */
function rawTitle(paper: Paper): string {
  return raw.split('\n')[paper.title.range.line];
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'paper-claims');
}

suite('Hostile cards', () => {
  test('the hostile fixture is copied into the workspace and parsed: titles equal the raw text', async () => {
    const a = await api();
    const bytes = await fixtureText();
    raw = new TextDecoder().decode(bytes);
    await vscode.workspace.fs.writeFile(workspaceUri(), bytes);
    const entry = await hostileEntry(a);
    const titles = entry.seed.papers.map((p) => p.title.text);
    assert.equal(titles.length, 5);
    for (const paper of entry.seed.papers) assert.equal(paper.title.text, rawTitle(paper), `title of card ${paper.index} is the raw line`);
    assert.ok(titles[0].startsWith("<script>window.__pwned=1;document.title='PWNED'</script>"));
    assert.equal(titles[2].length, 102_400);
    assert.ok(titles[3].includes('\u202eexe.txt\u202c') && titles[3].includes('zero\u200bwidth'));
    assert.ok(titles[4].includes('\u001b]0;PWNED\u0007') && titles[4].includes('\u009b31m'));
    assert.equal(entry.seed.problems.length, 1, 'the malformed sixth card is a parse problem');
  }, { timeout: 30_000 });

  test('tree items and tooltips carry the card text verbatim, as plain strings', async () => {
    const a = await api();
    const entry = await hostileEntry(a);
    const fileNode = a.tree.getChildren().find((n) => n.kind === 'file' && n.entry.uri.toString() === entry.uri.toString());
    assert.ok(fileNode, 'with two seed files the tree lists files');
    const children = a.tree.getChildren(fileNode);
    const papers = children.filter((n): n is Extract<PapersNode, { kind: 'paper' }> => n.kind === 'paper');
    assert.equal(papers.length, 5);
    for (const node of papers) {
      const item = a.tree.getTreeItem(node);
      assert.equal(typeof item.label, 'string', 'label is a plain string');
      assert.equal(item.label, node.paper.title.text);
      assert.equal(typeof item.tooltip, 'string', 'tooltip is a plain string, never a MarkdownString');
      assert.ok(!(item.tooltip instanceof vscode.MarkdownString));
      assert.equal(item.tooltip, node.paper.summary ? `${node.paper.title.text}\n\n${node.paper.summary.text}` : node.paper.title.text);
      assert.equal(typeof item.description, 'string');
      assert.equal(typeof item.accessibilityInformation?.label, 'string');
    }
    const problem = children.find((n) => n.kind === 'problem');
    assert.ok(problem, 'the parse problem is in the tree');
    const problemItem = a.tree.getTreeItem(problem);
    assert.equal(typeof problemItem.label, 'string');
    assert.match(String(problemItem.label), /^Card "<img src=x onerror="window\.__pwned=50"> Broken card \u001b\]0;PWN…"/);
  });

  test('the Problems panel gets plain-text messages; hovers escape card text and are neither trusted nor HTML', async () => {
    const a = await api();
    const entry = await hostileEntry(a);
    const result = await a.claims.verify(entry.uri);
    assert.ok(result);
    const diagnostics = await until(() => (ours(entry.uri).length ? ours(entry.uri) : undefined), 'diagnostics for the hostile file', 20_000);
    const checks = [...result.fileChecks, ...result.papers.flatMap((p) => p.checks)];
    assert.ok(diagnostics.some((d) => d.severity === vscode.DiagnosticSeverity.Error), 'the inconsistent ratios are errors');
    for (const d of diagnostics) {
      assert.equal(typeof d.message, 'string', 'a diagnostic message is plain text');
      const texts = [...checks.map((c) => c.message), ...entry.seed.problems.map((p) => p.message)];
      assert.ok(texts.includes(d.message), `message is a check's or parse problem's text, unchanged: ${d.message}`);
    }
    // Hover every checked claim of the cards.
    let hovered = 0;
    for (const c of result.papers.flatMap((p) => p.checks)) {
      const at = new vscode.Position(c.range.line, c.range.column);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', entry.uri, at);
      const ourContents = hovers.flatMap((h) => h.contents).filter((m): m is vscode.MarkdownString => typeof m !== 'string' && 'value' in m && m.value.includes('Paper Claims'));
      assert.ok(ourContents.length > 0, `a Paper Claims hover at ${c.range.line + 1}:${c.range.column + 1}`);
      for (const md of ourContents) {
        assert.ok(!md.isTrusted, 'hover is not trusted: no command links');
        assert.ok(!md.supportHtml, 'hover does not render HTML');
        assert.doesNotMatch(md.value, /<(script|img|style|iframe|svg|a)\b/i, 'no raw markup in the hover');
        assert.doesNotMatch(md.value, /\]\((?:javascript|data|command):/i, 'no live link');
      }
      const expected = new vscode.MarkdownString(undefined, true).appendText(c.message).value;
      assert.ok(ourContents.some((md) => md.value.includes(expected)), `hover holds the escaped message ${JSON.stringify(expected)}`);
      // Inputs carry labels read from the card (e.g. "commandworkbench.action.terminal.new"): inside a code fence.
      for (const input of c.explanation.inputs) assert.ok(ourContents.some((md) => md.value.includes(`input:    ${input}`)), `input inside the code block: ${input}`);
      hovered++;
    }
    assert.ok(hovered >= 5, `hovered ${hovered} checks`);
  }, { timeout: 60_000 });

  test('each hostile card opens and the webview reports it painted', async () => {
    const a = await api();
    const entry = await hostileEntry(a);
    for (const paper of entry.seed.papers) {
      const painted = new Promise<string>((resolve) => {
        const listener = a.cards.onDidRender(({ title }) => {
          if (title === paper.title.text) {
            listener.dispose();
            resolve(title);
          }
        });
      });
      await vscode.commands.executeCommand('paperClaims.openCard', { uri: entry.uri, index: paper.index, title: paper.title.text });
      const title = await Promise.race([painted, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`card ${paper.index} was not painted`)), 15_000))]);
      assert.equal(title, paper.title.text, 'the painted title round-trips exactly through the webview');
      assert.equal(a.cards.currentPaper?.index, paper.index);
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
      assert.ok(tab && tab.label.length <= 40, `the tab title is shortened: ${tab?.label.length}`);
    }
  }, { timeout: 90_000 });

  test('removing the hostile file leaves the sample alone in the tree', async () => {
    const a = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const folder = vscode.Uri.joinPath(workspaceUri(), '..');
    await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
    await until(() => !a.index.files.some((f) => f.uri.path.includes(`/${FOLDER}/`)), 'the hostile file to leave the index', 20_000);
    await until(() => a.tree.getChildren().every((n) => n.kind !== 'file'), 'the tree to list papers again', 10_000);
    assert.equal(ours(workspaceUri()).length, 0, 'its diagnostics are gone');
  }, { timeout: 30_000 });
});
