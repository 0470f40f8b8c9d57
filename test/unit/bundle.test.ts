// What VS Code loads when it activates the extension: dist/extension.js, bundled here in memory with the same
// esbuild options as scripts/build.mjs (unminified, so esbuild's helpers keep their names). Activation pays for every
// byte and every top-level statement of it, so two mistakes that once cost milliseconds each are kept out:
// - big libraries: the checker (mathjs), the card renderer (markdown-it) and the message schemas (zod) load on first
//   use from bundles of their own;
// - `import * as vscode from 'vscode'`: esbuild turns a namespace import of a CommonJS module into `__toESM(...)`,
//   which copies each of the module's properties into a new object. For the vscode API (hundreds of properties) in
//   every module that imports it, that was about 9 ms of each activation. `import vscode = require('vscode')` loads it
//   as is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from './paths';

async function activationBundle() {
  const result = await build({
    entryPoints: [join(REPO_ROOT, 'src', 'extension.ts')],
    absWorkingDir: REPO_ROOT,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', './checker.js', './cardHtml.js'],
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0].text, inputs: Object.keys(result.metafile.inputs) };
}

test('the activation bundle takes the vscode API and Node modules as they are, without copying their properties', async () => {
  const { code } = await activationBundle();
  const wrapped = [...code.matchAll(/__toESM\(require\("([^"]+)"\)/g)].map((m) => m[1]);
  assert.deepEqual(wrapped, [], `namespace imports of CommonJS modules in the activation bundle: ${wrapped.join(', ')}; use \`import x = require('…')\``);
  assert.match(code, /require\("vscode"\)/);
});

test('the activation bundle leaves mathjs, markdown-it and zod to the bundles loaded on first use', async () => {
  const { code, inputs } = await activationBundle();
  const heavy = inputs.filter((path) => /node_modules[\\/](mathjs|markdown-it|zod)[\\/]/.test(path));
  assert.deepEqual(heavy, []);
  assert.match(code, /require\("\.\/checker\.js"\)/);
  assert.match(code, /require\("\.\/cardHtml\.js"\)/);
});
