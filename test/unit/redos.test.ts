// Every regular expression in the project's source is audited for catastrophic backtracking (ReDoS) with recheck:
// seed files are untrusted, and one vulnerable pattern run over a crafted line could freeze the extension host.
// Patterns are extracted by parsing the source (regexSource.ts); every one must be `safe`, exponential and
// polynomial alike, except findings accepted in KNOWN below (none today). A new vulnerable (or undecidable)
// pattern fails the test.
//
// Backend: recheck chooses with $RECHECK_BACKEND (default `auto`: its native binary, else Java, else a pure-JS
// worker); all of them work offline. `randomSeed` is fixed, so the fuzzing checker gives the same verdict every
// run, and verdicts are cached by (recheck version, parameters, pattern, flags) in node_modules/.cache: a warm run
// takes well under a second, a cold one (fresh clone) checks the ~90 distinct patterns once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { check } from 'recheck';
import { REPO_ROOT } from './paths';
import { extractPatterns, FoundPattern } from './regexSource';

const PARAMS = { timeout: 30_000, randomSeed: 42 } as const;
const RECHECK_VERSION: string = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', 'recheck', 'package.json'), 'utf8')).version;
const CACHE_FILE = join(REPO_ROOT, 'node_modules', '.cache', 'paper-claims', 'redos-verdicts.json');

/**
 * Accepted findings, `file: pattern source` → why. Empty: the ten polynomial patterns once listed here (end-anchored
 * scans such as `0+$` or `(\S+)$`) were replaced by small scanning helpers in src/core/text.ts. Keep it empty.
 */
const KNOWN: Record<string, string> = {};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

type Verdict = { status: string; detail: string };

function loadCache(): Record<string, Verdict> {
  try {
    return JSON.parse(readFileSync(CACHE_FILE, 'utf8'));
  } catch {
    return {};
  }
}
const cache = loadCache();
const cacheKey = (source: string, flags: string) => JSON.stringify([RECHECK_VERSION, PARAMS, source, flags]);

/** recheck's verdict for one pattern; `unknown` (a timeout) counts as a failure, never as safe, and is not cached. */
async function audit(source: string, flags: string, useCache = true): Promise<Verdict> {
  const key = cacheKey(source, flags);
  if (useCache && cache[key]) return cache[key];
  const result = await check(source, flags, PARAMS);
  const detail =
    result.status === 'vulnerable'
      ? `${result.complexity.type}${result.attack ? `, attack ${JSON.stringify(result.attack.pattern)}` : ''}`
      : result.status === 'unknown'
        ? `unknown (${result.error.kind})`
        : result.complexity.type;
  const verdict = { status: result.status, detail };
  if (result.status !== 'unknown') cache[key] = verdict;
  return verdict;
}

function saveCache(): void {
  try {
    mkdirSync(dirname(CACHE_FILE), { recursive: true });
    writeFileSync(CACHE_FILE, JSON.stringify(cache));
  } catch {
    /* a read-only node_modules only costs time */
  }
}

/** Runs `fn` over `items` with at most `limit` at once (recheck's native agent is CPU-bound). */
async function pool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i]);
      }
    }),
  );
  return results;
}

test('the extractor finds regex literals and RegExp constructions, and nothing in strings, comments or divisions', () => {
  const sample = [
    "const A = 'x|y';",
    'const half = total / 2 / count; // a / comment / with slashes',
    "const s = '/not a regex/'; const t = `/nor ${'this'}/`;",
    '/* /also not/ */ const r1 = /a\\/b[/]c/giu;',
    'const r2 = new RegExp(`^(?:${A})\\\\b`, "i");',
    "const r3 = RegExp('z+' + A);",
    'if (/^\\d+$/.test(s)) {}',
    'const r4 = new RegExp(dynamic);',
  ].join('\n');
  const { patterns, unresolved } = extractPatterns('sample.ts', sample);
  assert.deepEqual(
    patterns.map((p) => [p.source, p.flags, p.line]),
    [
      ['a\\/b[/]c', 'giu', 4],
      ['^(?:x|y)\\b', 'i', 5],
      ['z+x|y', '', 6],
      ['^\\d+$', '', 7],
    ],
  );
  assert.equal(unresolved.length, 1);
  assert.match(unresolved[0], /sample\.ts:8: new RegExp\(dynamic\)/);
});

test('recheck reports a known catastrophic pattern as vulnerable (the audit cannot pass silently)', async () => {
  for (const [source, flags] of [
    ['^(a+)+$', ''],
    ['^(\\w+\\s?)*$', ''],
    ['(x+x+)+y', 'i'],
  ]) {
    const { status } = await audit(source, flags, false); // never from the cache: this tests recheck itself
    assert.equal(status, 'vulnerable', `${source} should be vulnerable`);
  }
  assert.equal((await audit('^\\d+(?:\\.\\d+)?$', '', false)).status, 'safe');
});

test('every regular expression in src/ and webview/ is safe from catastrophic backtracking', async () => {
  const files = [...sourceFiles(join(REPO_ROOT, 'src')), ...sourceFiles(join(REPO_ROOT, 'webview'))];
  assert.ok(files.length >= 20, `found ${files.length} source files`);
  const all: FoundPattern[] = [];
  const unresolved: string[] = [];
  for (const file of files) {
    const found = extractPatterns(relative(REPO_ROOT, file), readFileSync(file, 'utf8'));
    all.push(...found.patterns);
    unresolved.push(...found.unresolved);
  }
  assert.deepEqual(unresolved, [], 'RegExp constructions the audit cannot see: build them from literals or same-file constants');
  // The project has well over a hundred patterns; a collapse of this count means the extractor broke.
  assert.ok(all.length >= 100, `only ${all.length} patterns found`);

  // Identical patterns are checked once.
  const unique = new Map<string, FoundPattern[]>();
  for (const p of all) {
    const key = `/${p.source}/${p.flags}`;
    unique.set(key, [...(unique.get(key) ?? []), p]);
  }
  const entries = [...unique.entries()];
  const results = await pool(entries, 2, async ([key, places]) => ({ key, places, ...(await audit(places[0].source, places[0].flags)) }));
  saveCache();
  const where = (r: (typeof results)[number]) => r.places.map((p) => `${p.file}:${p.line}`).join(', ');
  const knownKey = (file: string, source: string) => `${file}: ${source}`;
  const isKnown = (r: (typeof results)[number]) => r.places.every((p) => knownKey(p.file, p.source) in KNOWN);
  const bad = results.filter((r) => r.status !== 'safe' && !isKnown(r));
  assert.deepEqual(
    bad.map((r) => `${where(r)}: ${r.key} is ${r.status}: ${r.detail}`),
    [],
    `${bad.length} of ${results.length} distinct patterns are not safe`,
  );
  // Known entries that now pass are reported, not failed: recheck's fuzzing can clear a polynomial pattern on one
  // run (no cache, another machine) and flag it on the next, and a suite must not flip on that.
  const stillBad = new Set(results.filter((r) => r.status !== 'safe').flatMap((r) => r.places.map((p) => knownKey(p.file, p.source))));
  const cleared = Object.keys(KNOWN).filter((k) => !stillBad.has(k));
  if (cleared.length) console.log(`redos: ${cleared.length} known finding(s) judged safe this run (remove them from KNOWN if the pattern changed):\n  ${cleared.join('\n  ')}`);
});
