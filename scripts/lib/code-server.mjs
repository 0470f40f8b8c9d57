// Starting and stopping the real VS Code that the tests and `npm start` use: code-server 4.100.3 (VS Code 1.100.3),
// installed by scripts/setup-vscode.mjs into .vscode-test/. Everything here is loopback-only and uses throwaway
// user-data/extension folders, so a run never touches the user's own VS Code or code-server settings.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const CODE_SERVER_VERSION = '4.100.3';

/** Same location rule as scripts/setup-vscode.mjs (which cannot be imported: importing it runs the install). */
export const codeServerDir = resolve(
  process.env.PAPER_CLAIMS_VSCODE_DIR ?? join(repoRoot, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`),
);
const codeServerEntry = join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

export function codeServerInstalled() {
  return existsSync(join(codeServerDir, '.installed')) && existsSync(codeServerEntry);
}

/** Throws an error that says what to run when code-server has not been set up yet. */
export function assertCodeServerInstalled() {
  if (!codeServerInstalled()) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} is not installed in ${codeServerDir}: run \`npm run setup:vscode\``);
  }
}

/** A port that was free a moment ago (the OS picks it; the tiny race with other processes is acceptable here). */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * The environment code-server gets. Variables that would change what it does are removed: `VSCODE_IPC_HOOK_CLI`
 * (set in VS Code terminals) makes code-server open the folder in *that* editor instead of starting; `PORT`,
 * `PASSWORD` and `HASHED_PASSWORD` override flags; `CODE_SERVER_CONFIG` points at a throwaway config file so the
 * user's ~/.config/code-server/config.yaml is neither read nor created.
 */
function serverEnv(configFile, extraEnv) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('VSCODE_') || key.startsWith('ELECTRON_') || key === 'PORT' || key === 'PASSWORD' || key === 'HASHED_PASSWORD') {
      delete env[key];
    }
  }
  return { ...env, CODE_SERVER_CONFIG: configFile, ...extraEnv };
}

/**
 * A calm first start: no welcome page or walkthrough in the editor area (it would cover screenshots), and no
 * marketplace queries (the gallery is unreachable offline and only adds noise to the logs).
 */
export const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
};

/** The last `lines` lines of a log file, for error messages. */
export function logTail(file, lines = 40) {
  try {
    const text = readFileSync(file, 'utf8').trimEnd();
    return text.split('\n').slice(-lines).join('\n') || '(empty)';
  } catch {
    return '(no log)';
  }
}

/**
 * Starts code-server and resolves once it answers HTTP.
 * @param {object} options
 * @param {string} options.stateDir   folder for user data, extensions, config and the log (created)
 * @param {string} [options.folder]   workspace folder to open by default
 * @param {number} [options.port]     defaults to a free port
 * @param {Record<string,string>} [options.env]  extra environment; it reaches the extension host too
 * @param {boolean} [options.inheritOutput]  print code-server's output instead of logging to a file
 * @param {Record<string,unknown>} [options.settings]  user settings, written when the profile has none yet
 * @returns {Promise<{port:number, url:string, logFile:string, extensionsDir:string, process:import('node:child_process').ChildProcess, stop:() => Promise<void>}>}
 */
export async function startCodeServer({ stateDir, folder, port, env = {}, inheritOutput = false, settings = DEFAULT_SETTINGS }) {
  assertCodeServerInstalled();
  const userDataDir = join(stateDir, 'user-data');
  const extensionsDir = join(stateDir, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const settingsFile = join(userDataDir, 'User', 'settings.json');
  if (!existsSync(settingsFile)) writeFileSync(settingsFile, JSON.stringify(settings, null, 2) + '\n');
  const configFile = join(stateDir, 'code-server.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  const logFile = join(stateDir, 'code-server.log');
  port ??= await freePort();

  const args = [
    codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...(folder ? [folder] : []),
  ];
  const logFd = inheritOutput ? null : openSync(logFile, 'a');
  // detached: code-server forks a server process and extension hosts; its own process group lets stop() end
  // all of them by this one id.
  const child = spawn(process.execPath, args, {
    cwd: stateDir,
    env: serverEnv(configFile, env),
    stdio: inheritOutput ? ['ignore', 'inherit', 'inherit'] : ['ignore', logFd, logFd],
    detached: true,
  });
  if (logFd !== null) closeSync(logFd);
  let exited = false;
  child.once('exit', () => (exited = true));

  const stop = async () => {
    if (exited || child.pid === undefined) return;
    const exit = new Promise((r) => child.once('exit', r));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return; // already gone
    }
    const timedOut = await Promise.race([exit.then(() => false), sleep(5000).then(() => true)]);
    if (timedOut) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone meanwhile */
      }
    }
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) {
      throw new Error(`code-server exited before answering on ${url}. Log tail (${logFile}):\n${logTail(logFile)}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url} within 60 s. Log tail (${logFile}):\n${logTail(logFile)}`);
    }
    await sleep(200);
  }
  return { port, url, logFile, extensionsDir, process: child, stop };
}

/**
 * The workbench URL that opens `folder` and loads the extension at `extensionDevelopmentPath` as the extension
 * under development; with `extensionTestsPath`, VS Code then calls that module's `run()` in the extension host
 * (the same contract as desktop `--extensionTestsPath`). Paths are absolute paths on this machine.
 */
export function workbenchUrl(port, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const query = [];
  if (folder) query.push(`folder=${encodeURIComponent(folder)}`);
  if (payload.length) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `http://127.0.0.1:${port}/?${query.join('&')}`;
}
