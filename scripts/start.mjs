#!/usr/bin/env node
// `npm start`: try the extension on the built-in sample without installing anything globally.
// Installs dependencies if needed, builds, sets up code-server (real VS Code 1.100.3), and serves a workbench with
// this repo loaded as the extension under development and seeds/ opened, on http://127.0.0.1:$PORT (default 8080).
// Runs until Ctrl+C. After a rebuild (`npm run build`, or `npm run watch` in another terminal) use
// "Developer: Reload Window" in the browser to load the new code.
//
//   npm start                      code-server in the browser
//   npm start -- --desktop         VS Code desktop instead, if a `code` binary is on PATH
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, startCodeServer, workbenchUrl } from './lib/code-server.mjs';
import { onInterrupt } from './lib/workspace.mjs';

const args = process.argv.slice(2);
const seeds = join(repoRoot, 'seeds');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, commandArgs) {
  console.log(`[start] ${command} ${commandArgs.join(' ')}`);
  const result = spawnSync(command, commandArgs, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[start] \`${command} ${commandArgs.join(' ')}\` failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

if (!existsSync(join(repoRoot, 'node_modules'))) run(npm, ['install', '--no-audit', '--no-fund']);
run(npm, ['run', '--silent', 'build']);

if (args.includes('--desktop')) {
  if (hasCommand('code')) {
    // Desktop VS Code: a new window titled [Extension Development Host]; `code` returns at once.
    run('code', [`--extensionDevelopmentPath=${repoRoot}`, seeds]);
    process.exit(0);
  }
  console.log('[start] --desktop: no `code` binary on PATH; using code-server in the browser instead.');
}

run(process.execPath, [join('scripts', 'setup-vscode.mjs')]);

const port = Number(process.env.PORT) || 8080;
// A persistent profile (settings, window state) under .vscode-test/, separate from any VS Code of the user's.
const stateDir = join(repoRoot, '.vscode-test', 'start');
const server = await startCodeServer({ stateDir, folder: seeds, port }).catch((error) => {
  console.error(`[start] ${error.message}`);
  if (/EADDRINUSE/.test(error.message)) console.error(`[start] port ${port} is taken: PORT=8081 npm start`);
  process.exit(1);
});
let stopping = false;
onInterrupt(() => {
  stopping = true;
  return server.stop();
});
server.process.once('exit', (code) => {
  if (stopping) return;
  console.error(`[start] code-server exited (${code}); log: ${server.logFile}`);
  process.exit(1);
});

// The plain address would open VS Code without the extension under development; the payload parameter loads it.
const url = workbenchUrl(port, { folder: seeds, extensionDevelopmentPath: repoRoot });
console.log(`
Paper Claims is running in VS Code (code-server) — open this address in your browser:

  ${url}

Then click the book icon ("Paper Claims") in the activity bar. Log: ${server.logFile}
Press Ctrl+C to stop.
`);
