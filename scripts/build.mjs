#!/usr/bin/env node
// Bundles the entry points with esbuild: the extension (Node, `vscode` external), the checker and the card HTML
// renderer it loads on first use, the CLI (Node, with a shebang) and the card webview (browser): card.js and the
// page's inline boot script. `--production` minifies; `--watch` rebuilds on change;
// `--metafile` writes dist/meta-*.json for the bundle-size benchmark.
import * as esbuild from 'esbuild';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const writeMeta = process.argv.includes('--metafile');

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  metafile: writeMeta,
  absWorkingDir: root,
  legalComments: 'none',
};

export const targets = {
  extension: {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // The checker and the card HTML renderer are loaded on first use (see src/claims.ts, src/cardPage.ts), from
    // bundles of their own.
    external: ['vscode', './checker.js', './cardHtml.js'],
  },
  checker: {
    ...common,
    entryPoints: ['src/core/checker.ts'],
    outfile: 'dist/checker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  cardHtml: {
    ...common,
    entryPoints: ['src/cardHtml.ts'],
    outfile: 'dist/cardHtml.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  cli: {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    define: { PAPER_CLAIMS_VERSION: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version) },
  },
  webview: {
    ...common,
    entryPoints: ['webview/card/main.ts'],
    outfile: 'dist/webview/card.js',
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
  },
  // Inlined into the card page by the extension (src/cardPage.ts), so always minified and without a source map.
  webviewBoot: {
    ...common,
    entryPoints: ['webview/card/boot.ts'],
    outfile: 'dist/webview/boot.js',
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    minify: true,
    sourcemap: false,
  },
};

mkdirSync(join(root, 'dist'), { recursive: true });
for (const [name, options] of Object.entries(targets)) {
  if (watch) {
    const context = await esbuild.context(options);
    await context.watch();
    continue;
  }
  const result = await esbuild.build(options);
  if (writeMeta) writeFileSync(join(root, 'dist', `meta-${name}.json`), JSON.stringify(result.metafile));
}
if (!watch) chmodSync(join(root, 'dist', 'cli.js'), 0o755);
if (watch) console.log('[build] watching for changes…');
