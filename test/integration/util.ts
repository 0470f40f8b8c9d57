// Shared by the integration tests: the extension's API once its first scan is done, and polling for a state
// that VS Code reaches asynchronously (watchers, debounced re-parses, tab titles).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PaperClaimsApi } from '../../src/extension';

export const SAMPLE = '000_934c6e1fbed8f8cd.txt';

export async function api(): Promise<PaperClaimsApi> {
  const extension = vscode.extensions.getExtension<PaperClaimsApi>('paper-claims.paper-claims');
  assert.ok(extension, 'extension not loaded');
  const exports = await extension.activate();
  await exports.index.ready();
  return exports;
}

/** Polls until `probe` gives something other than undefined (or false), or fails after the timeout. */
export async function until<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The workspace's copy of the sample (the built-in one in the extension folder may be listed too, while open). */
export function isWorkspaceSample(uri: vscode.Uri): boolean {
  return uri.path.endsWith(`/${SAMPLE}`) && vscode.workspace.getWorkspaceFolder(uri) !== undefined;
}
