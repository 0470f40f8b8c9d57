// The host is the real VS Code we pin, and the extension under development is loaded and activates.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, test } from './harness';

const EXTENSION_ID = 'paper-claims.paper-claims';

suite('smoke', () => {
  test('runs in VS Code 1.100', () => {
    assert.ok(vscode.version.startsWith('1.100'), `vscode.version is ${vscode.version}`);
  });

  test(`extension ${EXTENSION_ID} is present`, () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not among ${vscode.extensions.all.length} loaded extensions`);
  });

  test(`extension ${EXTENSION_ID} activates`, async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  }, { timeout: 30_000 });
});
