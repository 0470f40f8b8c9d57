// Verifying claims in the real editor: the Problems panel, hovers, the quick fix, the tree's verdicts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PaperClaimsApi } from '../../src/extension';
import { suite, test } from './harness';
import { generateDigest } from '../../bench/generate';
import { parseSeed } from '../../src/core/parser';
import { api, isWorkspaceSample, until } from './util';

function sampleUri(a: PaperClaimsApi): vscode.Uri {
  const entry = a.index.files.find((f) => isWorkspaceSample(f.uri));
  assert.ok(entry, 'sample not indexed');
  return entry.uri;
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'paper-claims');
}

async function textAt(uri: vscode.Uri, range: vscode.Range): Promise<string> {
  return (await vscode.workspace.openTextDocument(uri)).getText(range);
}

suite('Verify claims', () => {
  test('Verify Claims in All Seed Files reports the sample: warnings, and no error', async () => {
    const a = await api();
    const summary = await vscode.commands.executeCommand<{ files: number; papers: number; flagged: number; cancelled: boolean }>('paperClaims.verifyAll');
    assert.equal(summary.cancelled, false);
    assert.ok(summary.files >= 1);
    assert.ok(summary.papers >= 24);
    assert.ok(summary.flagged >= 5, `flagged ${summary.flagged}`);
    const diagnostics = await until(() => (ours(sampleUri(a)).length ? ours(sampleUri(a)) : undefined), 'diagnostics for the sample');
    assert.equal(diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length, 0, 'no error in the sample');
  }, { timeout: 30_000 });

  test('the Problems panel has the CompactifAI near-miss on its Numbers line, at the stated 93%', async () => {
    const a = await api();
    const uri = sampleUri(a);
    const diagnostics = await until(() => (ours(uri).length ? ours(uri) : undefined), 'diagnostics');
    const document = await vscode.workspace.openTextDocument(uri);
    const nearMiss = diagnostics.find((d) => d.code === 'near-miss' && document.lineAt(d.range.start.line).text.startsWith('Numbers:'));
    assert.ok(nearMiss, 'a near-miss diagnostic on a Numbers line');
    assert.equal(nearMiss.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(document.lineAt(nearMiss.range.start.line).text, /^Numbers: 27\.1 GB → 2\.1 GB \(93% reduction\)/);
    assert.match(await textAt(uri, nearMiss.range), /93/);
  });

  test('damaged text is flagged where it is: the fused 87.8288.69 and the lost range dash in "ranks 164"', async () => {
    const a = await api();
    const uri = sampleUri(a);
    const damaged = ours(uri).filter((d) => d.code === 'damaged');
    const texts = await Promise.all(damaged.map((d) => textAt(uri, d.range)));
    assert.ok(texts.some((t) => t.includes('87.8288.69')), `damaged spans: ${JSON.stringify(texts)}`);
    assert.ok(texts.some((t) => t.includes('164')), `damaged spans: ${JSON.stringify(texts)}`);
    for (const d of damaged) assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
  });

  test('the header count is a warning on line 1', async () => {
    const a = await api();
    const header = ours(sampleUri(a)).find((d) => d.range.start.line === 0);
    assert.ok(header);
    assert.equal(header.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(header.message, /143/);
    assert.match(header.message, /24/);
  });

  test('hovering a checked number explains the arithmetic', async () => {
    const a = await api();
    const uri = sampleUri(a);
    const nearMiss = ours(uri).find((d) => d.code === 'near-miss');
    assert.ok(nearMiss);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, nearMiss.range.start.translate(0, 1));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /near-miss/);
    assert.match(text, /formula:/);
    assert.match(text, /27\.1/);
    assert.match(text, /92\.0|92\.4/);
  });

  test('the quick fix replaces the near-miss with the recomputed value, and the warning goes away', async () => {
    const a = await api();
    const uri = sampleUri(a);
    const nearMiss = ours(uri).find((d) => d.code === 'near-miss');
    assert.ok(nearMiss);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const line = nearMiss.range.start.line;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, nearMiss.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((x) => x.title.startsWith('Replace'));
    assert.ok(fix?.edit, `actions: ${actions.map((x) => x.title).join(' | ')}`);
    try {
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(document.lineAt(line).text, /\(92% reduction\)/);
      await until(() => (ours(uri).some((d) => d.code === 'near-miss' && d.range.start.line === line) ? undefined : true), 'the near-miss to clear');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.match(document.lineAt(line).text, /\(93% reduction\)/);
  }, { timeout: 30_000 });

  test('the tree shows each paper\'s worst verdict and the filter keeps only flagged papers', async () => {
    const a = await api();
    await a.claims.verify(sampleUri(a));
    const papers = a.tree.getChildren().filter((n) => n.kind === 'paper');
    const compact = papers.find((n) => n.kind === 'paper' && n.paper.title.text.startsWith('Compress LLaMA-2'))!;
    const item = a.tree.getTreeItem(compact);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'warning');
    assert.match(String(item.description), /1 warning|warnings/);
    await vscode.commands.executeCommand('paperClaims.showFlaggedOnly');
    try {
      const flagged = a.tree.getChildren().filter((n) => n.kind === 'paper');
      assert.ok(flagged.length >= 4 && flagged.length < papers.length, `flagged ${flagged.length}`);
      for (const n of flagged) assert.ok(n.kind === 'paper' && (a.claims.checksOf(n.paper) ?? []).some((c) => c.severity !== 'info'));
    } finally {
      await vscode.commands.executeCommand('paperClaims.showAllPapers');
    }
    assert.equal(a.tree.getChildren().filter((n) => n.kind === 'paper').length, papers.length);
  });
});

suite('Large digests', () => {
  test('a big file is paged in the tree, capped in the Problems panel with a pointer to the full report, and cancellable', async () => {
    const a = await api();
    const settings = vscode.workspace.getConfiguration('paperClaims');
    await settings.update('maxProblemsPerFile', 40, vscode.ConfigurationTarget.Workspace);
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const big = vscode.Uri.joinPath(folder, 'seeds', 'big', 'digest-3000.txt');
    const digest = generateDigest(3000, 11);
    await vscode.workspace.fs.writeFile(big, new TextEncoder().encode(digest));
    try {
      const entry = await until(() => a.index.get(big), 'the big digest in the index', 20_000);
      assert.equal(entry.seed.papers.length, 3000);
      const fileNode = a.tree.getChildren().find((n) => n.kind === 'file' && n.entry.uri.toString() === big.toString());
      assert.ok(fileNode);
      const pages = a.tree.getChildren(fileNode);
      assert.equal(pages.filter((n) => n.kind === 'page').length, 15);
      assert.equal(a.tree.getTreeItem(pages[0]).label, 'Papers 1–200');
      assert.equal(a.tree.getChildren(pages[0]).length, 200);
      // The editor keeps each paper as its place in the text until it is shown: the last page reads the same titles,
      // citations and lines as a parse that builds every paper.
      const built = parseSeed(digest).papers.slice(2800);
      const lastPage = a.tree.getChildren(pages[pages.length - 1]).map((n) => a.tree.getTreeItem(n));
      assert.deepEqual(
        lastPage.map((item) => [item.label, String(item.description).split(' · ')[0]]),
        built.map((p) => [p.title.text, `${p.citations.value} ${p.citations.value === 1 ? 'citation' : 'citations'}`]),
      );

      // Cancelling stops the check and records nothing.
      const source = new vscode.CancellationTokenSource();
      let slices = 0;
      const cancelled = await a.claims.verify(big, source.token, () => {
        if (++slices === 1) source.cancel();
      });
      assert.equal(cancelled, undefined);
      assert.equal(a.claims.peek(big), undefined);

      await vscode.commands.executeCommand('paperClaims.verifyFile', big);
      const diagnostics = await until(() => {
        const d = vscode.languages.getDiagnostics(big);
        return d.length ? d : undefined;
      }, 'diagnostics for the big file', 60_000);
      assert.equal(diagnostics.length, 41, '40 checks and one line saying how many more');
      const more = diagnostics.find((d) => d.code === 'more');
      assert.ok(more);
      assert.match(more.message, /^\d+ more checks are not shown .*paper-claims verify/);
    } finally {
      await settings.update('maxProblemsPerFile', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(big, '..'), { recursive: true });
    }
  }, { timeout: 120_000 });

  test('parsing a big open file gives the extension host turns (timers run meanwhile)', async () => {
    const a = await api();
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const big = vscode.Uri.joinPath(folder, 'seeds', 'big-open', 'digest-20000.txt');
    await vscode.workspace.fs.writeFile(big, new TextEncoder().encode(generateDigest(20_000, 13)));
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(big));
      await until(() => (a.index.get(big)?.seed.papers.length === 20_000 ? true : undefined), 'the 20,000-card digest in the index', 60_000);
      // Let the reads that creating and opening the file started land first: a newer read cancels an older one.
      await until(() => (a.index.busy ? undefined : true), 'the index settled', 60_000);
      // An open file's text is read at once, so without pauses the whole parse would run in one go and the timer
      // could not fire until it ended.
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 0);
      await a.index.refresh(big);
      clearInterval(ticker);
      assert.ok(ticks >= 2, `timers ran ${ticks} times during the parse`);
      assert.equal(a.index.get(big)?.seed.papers.length, 20_000);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(big, '..'), { recursive: true });
    }
  }, { timeout: 120_000 });
});
