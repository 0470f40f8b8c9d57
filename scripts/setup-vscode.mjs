#!/usr/bin/env node
// Installs a real VS Code (code-server 4.100.3, which bundles VS Code 1.100.3) from the npm registry into
// .vscode-test/, without any download from Microsoft's or GitHub's servers. Safe to run again: a finished
// install is detected and skipped. Needs Debian's `ripgrep` and `libkrb5-dev`; `--with-browser` also wants
// Debian's `chromium` (for the tests). Missing Debian packages are installed with apt-get when this runs as root
// or with password-less sudo; otherwise it says which to install.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, symlinkSync, writeFileSync, chmodSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';
const root = resolve(import.meta.dirname, '..');
export const installDir = resolve(process.env.PAPER_CLAIMS_VSCODE_DIR ?? join(root, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`));
const pkg = join(installDir, 'node_modules', 'code-server');
const marker = join(installDir, '.installed');

function run(cmd, args, cwd, extraEnv = {}) {
  console.log(`[setup-vscode] (${cwd.replace(root, '.')}) ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, npm_config_yes: 'true', ...extraEnv } });
}

// npm 11 skips dependency install scripts unless package.json approves them; npm 10 has no such gate
// (and no such command), so a failure here is harmless.
function approveInstallScripts(cwd) {
  try {
    execFileSync('npm', ['install-scripts', 'approve', '--all'], { cwd, stdio: 'ignore' });
  } catch {
    /* npm 10: scripts already run */
  }
}

function link(target, path) {
  rmSync(path, { force: true, recursive: false });
  symlinkSync(target, path);
}

function findRipgrep() {
  for (const p of ['/usr/bin/rg', '/usr/local/bin/rg']) if (existsSync(p)) return p;
  throw new Error('ripgrep (rg) is not installed: apt-get install ripgrep');
}

/** Debian packages this needs, with a file that shows each is installed. */
const SYSTEM_PACKAGES = [
  { name: 'ripgrep', file: '/usr/bin/rg' },
  { name: 'libkrb5-dev', file: '/usr/include/krb5.h' },
  ...(process.argv.includes('--with-browser') ? [{ name: 'chromium', file: '/usr/bin/chromium' }] : []),
];

function ensureSystemPackages() {
  const missing = SYSTEM_PACKAGES.filter((p) => !existsSync(p.file)).map((p) => p.name);
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  const list = missing.join(' ');
  try {
    if (!isRoot) execFileSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
    const apt = (args) =>
      isRoot ? run('apt-get', args, root, { DEBIAN_FRONTEND: 'noninteractive' }) : run('sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args], root);
    apt(['update', '-qq']);
    apt(['install', '-y', '-qq', ...missing]);
  } catch (error) {
    throw new Error(`missing Debian packages: ${list}. Install them (sudo apt-get install -y ${list}) and run this again. (${error.message})`);
  }
}

ensureSystemPackages();

if (existsSync(marker)) {
  console.log(`[setup-vscode] code-server ${CODE_SERVER_VERSION} already installed in ${installDir}`);
} else {
  mkdirSync(installDir, { recursive: true });
  writeFileSync(join(installDir, 'package.json'), JSON.stringify({ name: 'vscode-test-host', private: true }));
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`], installDir);
  const vscodeDir = join(pkg, 'lib', 'vscode');
  run('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', '--ignore-scripts'], vscodeDir);
  // @vscode/ripgrep's own postinstall downloads from GitHub; Debian's rg is the same program.
  const rgDir = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgDir, { recursive: true });
  copyFileSync(findRipgrep(), join(rgDir, 'rg'));
  chmodSync(join(rgDir, 'rg'), 0o755);
  approveInstallScripts(vscodeDir);
  run('npm', ['rebuild'], vscodeDir);
  approveInstallScripts(installDir);
  run('npm', ['rebuild', 'argon2'], installDir);
  // The links code-server's own postinstall.sh would have made.
  link('node_modules', join(vscodeDir, 'node_modules.asar'));
  link('code-linux.sh', join(pkg, 'lib', 'vscode', 'bin', 'remote-cli', 'code-server'));
  link('browser-linux.sh', join(pkg, 'lib', 'vscode', 'bin', 'helpers', 'browser.sh'));
  run('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', '--ignore-scripts'], join(vscodeDir, 'extensions'));
  approveInstallScripts(join(vscodeDir, 'extensions'));
  run('npm', ['rebuild'], join(vscodeDir, 'extensions'));
  writeFileSync(marker, new Date().toISOString() + '\n');
  console.log(`[setup-vscode] installed code-server ${CODE_SERVER_VERSION} in ${installDir}`);
}
