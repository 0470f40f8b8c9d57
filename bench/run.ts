// The Node side of `npm run bench`: parse and verify throughput against markdown-it rendering the same bytes,
// growth from 10,000 to 100,000 cards, and peak memory (measured in a fresh child process per size and task).
// Prints JSON on stdout for scripts/bench.mjs, which adds bundle sizes and the in-editor figures and writes
// bench/RESULTS.md; progress goes to stderr. scripts/bench.mjs bundles this file to bench/tmp/run.js and runs it
// with --expose-gc.
//
// How the figures are taken (bench/RESULTS.md repeats this):
//  * Timing: tasks run in rounds; each round runs each task once, in a rotated order, after a forced GC, so machine
//    noise and leftover garbage hit them alike. verify and markdown-it `render` of the whole file share rounds (their
//    ratio is the figure that counts); parse has rounds of its own, more of them (it is short), because whatever
//    ran right after markdown-it's render of the 100,000-card digest (over a gigabyte of garbage, still being swept
//    on V8's background threads) ran about twice as slow, and in a shared rotation parse always came right after it.
//    The figure is the median over the rounds; ratios are ratios of medians. *parse* builds the model the editor
//    keeps (every paper as its place in the text, read when first shown: `parseSeed(text, { lazy: true })`);
//    *build* builds every paper at once (`parseSeed(text)`, what `paper-claims list` does); *read* is that parse
//    keeping nothing; *verify* is what `paper-claims verify` does with the file's bytes: decode, parse and check a
//    piece at a time (src/core/verifyStream.ts), every check counted.
//  * Warm-up: before any measurement, the 1,000-card digest goes through every task three times so the JIT has
//    compiled the hot paths; the first round of each size is measured like the others (its inputs are new, its code
//    is not).
//  * Growth: parse, build and read at 10,000 and 100,000 cards once more, all six in the same shuffled rounds (up to
//    BENCH_GROWTH_RUNS, 15), so that both sizes see the same machine; their growth is taken from there. verify in
//    rounds of its own (up to BENCH_VERIFY_GROWTH_RUNS, 9, within 90 s): 10,000 cards, 100,000, 10,000 again, each
//    half a second after its forced GC, for V8's background sweeping (see `settle`: a 10,000-card verify right
//    after a 100,000-card one ran up to a third slower); the growth is the median of the rounds' own ratios (see
//    `pairedGrowth`).
//  * Rounds: verify and markdown-it, up to BENCH_RUNS per size (15, 7, 3 for 1k, 10k, 100k cards), fewer once the
//    size's time budget (BENCH_BUDGET_S, default 20, 60, 120 s) would be exceeded, never fewer than one; parse, up
//    to BENCH_PARSE_RUNS (15, 15, 11) within 10, 20, 40 s. Each timing follows a forced GC; verify and markdown-it
//    are timed again without one for 1k and 10k cards (a forced GC slows both, by different amounts), in blocks of
//    four runs of one task (8 and 4 rounds, at least 2, within the same budget), the runs right after the other
//    task kept apart: see `timeBlocks`.
//  * Memory: a fresh `node --expose-gc` child per size and task loads the code, collects garbage and takes its
//    resident set (RSS) as the baseline, resets the kernel's RSS high-water mark (/proc/self/clear_refs), then
//    reads the file and runs the task, keeping what the task keeps alive (verify: the file's bytes; parse: the text
//    and every lazy paper; verify-kept, the editor's way: the text, every paper and every check), and reports the
//    high-water mark (VmHWM) minus the baseline. Where the reset is not available it falls back to getrusage's
//    maxRSS. The live heap retained after a final GC is reported too.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { Check } from '../src/core/check';
import { checkFileClaims, checkPaper } from '../src/core/checker';
import { SeedFile } from '../src/core/model';
import { parseSeed, parseSeedPaced, SeedReader, textChunks } from '../src/core/parser';
import { verifyPieces } from '../src/core/verifyStream';
import { generateDigest } from './generate';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
/** The repo: the nearest folder above this bundle with a package.json (the bundle may sit anywhere under bench/tmp/). */
function repoRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}
const TMP = join(repoRoot(), 'bench', 'tmp');
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** verify: what `paper-claims verify` does with a file's bytes: decode, parse and check a piece at a time. */
function verify(bytes: Uint8Array): { papers: number; checks: number } {
  let checks = 0;
  const { outline, fileChecks } = verifyPieces(textChunks(bytes), (_paper, paperChecks) => (checks += paperChecks.length));
  return { papers: outline.paperCount, checks: checks + fileChecks.length };
}

/**
 * The parser's floor: every paper built from the text and dropped at once (nothing kept). Its growth is what reading
 * the text alone costs as the file outgrows the CPU's caches; *parse* adds keeping every paper.
 */
function readOnly(text: string): number {
  let papers = 0;
  const reader = new SeedReader(() => papers++);
  for (const piece of textChunks(text)) reader.push(piece);
  reader.end();
  return papers;
}

/**
 * How the editor parses (src/seedIndex.ts): in slices, with a turn of the event loop between them. Returns the
 * longest stretch without a turn (slices plus any garbage collection inside them) and the whole parse's time.
 */
async function pacedParse(text: string): Promise<{ longestMs: number; totalMs: number; turns: number }> {
  const started = performance.now();
  let sliceStart = started;
  let longestMs = 0;
  let turns = 0;
  await parseSeedPaced(text, {
    lazy: true,
    pause: () => {
      longestMs = Math.max(longestMs, performance.now() - sliceStart);
      turns++;
      return new Promise((resolve) => setImmediate(() => {
        sliceStart = performance.now();
        resolve();
      }));
    },
  });
  const ended = performance.now();
  return { longestMs: Math.max(longestMs, ended - sliceStart), totalMs: ended - started, turns };
}

/** What the editor holds once a file is verified: every paper (each read from its lazy place) and every check. */
function verifyKeepingAll(text: string): { seed: SeedFile; results: Check[][]; checks: number } {
  const seed = parseSeed(text, { lazy: true });
  const results = seed.papers.map((p) => checkPaper(p));
  return { seed, results, checks: checkFileClaims(seed).length + results.reduce((n, r) => n + r.length, 0) };
}

/** Rounds and time budget for a size: for verify and markdown-it, or for the parsing tasks (short, so more rounds). */
function plan(cards: number, tasks: 'verify' | 'parse' = 'verify'): { runs: number; budgetMs: number } {
  const i = cards >= 100_000 ? 2 : cards >= 10_000 ? 1 : 0;
  if (tasks === 'parse') return { runs: Number(process.env.BENCH_PARSE_RUNS?.split(',')[i]) || [15, 15, 11][i], budgetMs: [10, 20, 40][i] * 1000 };
  const runs = Number(process.env.BENCH_RUNS?.split(',')[i]) || [15, 7, 3][i];
  const budgetMs = (Number(process.env.BENCH_BUDGET_S?.split(',')[i]) || [20, 60, 120][i]) * 1000;
  return { runs, budgetMs };
}

function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/**
 * Interleaved rounds (GC before each task); returns every sample per task. The order rotates each round, or is
 * shuffled (a fixed pseudo-random order per round), so that no task always follows the same one: a task after one
 * that left much garbage runs slower while V8 sweeps it.
 */
function timeInterleaved(tasks: Record<string, () => unknown>, runs: number, budgetMs: number, order: 'rotate' | 'shuffle' = 'rotate'): Record<string, number[]> {
  const names = Object.keys(tasks);
  let seed = 20261129;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const samples: Record<string, number[]> = Object.fromEntries(names.map((k) => [k, []]));
  const started = Date.now();
  for (let round = 0; round < runs; round++) {
    // Start another round only if it is expected to end within the budget.
    if (round > 0 && nextRoundOverruns(started, round, budgetMs)) break;
    const sequence = names.map((_, k) => names[(round + k) % names.length]);
    if (order === 'shuffle') {
      for (let k = sequence.length - 1; k > 0; k--) {
        const j = random(k + 1);
        [sequence[k], sequence[j]] = [sequence[j], sequence[k]];
      }
    }
    for (const name of sequence) {
      gc();
      samples[name].push(timeMs(tasks[name]));
    }
  }
  return samples;
}

/**
 * Waits `ms` without running JavaScript, so that V8's background threads finish sweeping what the forced GC before
 * found dead. Why: after a 100,000-card verify (seconds of work, and its garbage), the next task ran slower while
 * that went on, though a forced GC had just run.
 */
function settle(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Milliseconds one run of `task` takes. */
function timeMs(task: () => unknown): number {
  const start = process.hrtime.bigint();
  task();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Whether another round, expected to take as long as the average so far, would end past the budget. */
function nextRoundOverruns(startedAt: number, roundsDone: number, budgetMs: number): boolean {
  const spent = Date.now() - startedAt;
  return spent + spent / roundsDone > budgetMs;
}

/**
 * The growth from `small` to `large` on a machine whose speed drifts: each round times `small`, `large`, then
 * `small` again, each half a second after a forced GC (see `settle`), and its growth is the `large` time over the
 * mean of the two `small` times around it; the figure is the median over rounds. Why: other tenants of this machine
 * change its speed by up to half, for seconds to minutes; a round's three runs see about the same machine, while
 * medians taken over each size apart mixed fast and slow spells (verify's growth read 8.2× to 13.1× that way in
 * runs of the same code, and the process's CPU time moved with it: this VM reports no steal time).
 */
function pairedGrowth(small: () => unknown, large: () => unknown, rounds: number, budgetMs: number): { small: number; large: number; growth: number; ratios: number[]; rounds: number } {
  const timed = (task: () => unknown): number => {
    gc();
    settle(500);
    return timeMs(task);
  };
  const smalls: number[] = [];
  const larges: number[] = [];
  const ratios: number[] = [];
  const started = Date.now();
  for (let round = 0; round < rounds; round++) {
    if (round > 0 && nextRoundOverruns(started, round, budgetMs)) break;
    const before = timed(small);
    const big = timed(large);
    const after = timed(small);
    smalls.push(before, after);
    larges.push(big);
    ratios.push(big / ((before + after) / 2));
  }
  return { small: median(smalls), large: median(larges), growth: median(ratios), ratios, rounds: ratios.length };
}

/**
 * Blocks without a forced GC: each round runs each task `blockLength` times in a row, the tasks always in the same
 * order, so that every block but the very first follows a block of another task. A run pays for the garbage the
 * run before it left, and V8 sweeps markdown-it's (its whole token stream, promoted to the old generation while it
 * renders) during whatever runs next: interleaved, one task's garbage slowed the other. So a run right after another
 * task is kept apart (`after`), and the figure is the rest (`steady`): each task after itself, as in a process that
 * does only that. The very first run follows the parse rounds before it: neither, so it is not kept.
 */
function timeBlocks(tasks: Record<string, () => unknown>, rounds: number, budgetMs: number, blockLength: number): Record<string, { steady: number[]; after: number[] }> {
  const names = Object.keys(tasks);
  const samples = Object.fromEntries(names.map((k) => [k, { steady: [] as number[], after: [] as number[] }]));
  const started = Date.now();
  let previous: string | undefined;
  for (let round = 0; round < rounds; round++) {
    // At least two rounds, so that every task has runs right after another.
    if (round > 1 && nextRoundOverruns(started, round, budgetMs)) break;
    for (const name of names) {
      for (let run = 0; run < blockLength; run++) {
        const ms = timeMs(tasks[name]);
        if (previous === name) samples[name].steady.push(ms);
        else if (previous !== undefined) samples[name].after.push(ms);
        previous = name;
      }
    }
  }
  return samples;
}

function vmHwm(): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+)\s*kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** In a fresh child: peak RSS above the baseline while reading + parsing (+ verifying) one file. */
function memoryChild(task: string, file: string): void {
  gc();
  gc();
  const baseline = process.memoryUsage();
  let method = 'VmHWM after clear_refs';
  try {
    writeFileSync('/proc/self/clear_refs', '5'); // resets VmHWM to the current RSS (Linux ≥ 4.0)
  } catch {
    method = 'getrusage maxRSS';
  }
  const startMaxRss = process.resourceUsage().maxRSS * 1024;
  let kept: unknown;
  let papers = 0;
  let checks = 0;
  if (task === 'verify') {
    // The CLI's way: the bytes, checked a piece at a time; nothing kept but the counts.
    const bytes = readFileSync(file);
    ({ papers, checks } = verify(bytes));
    kept = bytes;
  } else {
    const text = readFileSync(file, 'utf8');
    if (task === 'parse') {
      const seed = parseSeed(text, { lazy: true });
      papers = seed.papers.length;
      kept = [text, seed];
    } else {
      const all = verifyKeepingAll(text);
      papers = all.seed.papers.length;
      checks = all.checks;
      kept = [text, all];
    }
  }
  const hwm = method.startsWith('VmHWM') ? vmHwm() : undefined;
  const peak = hwm ?? process.resourceUsage().maxRSS * 1024;
  const base = hwm !== undefined ? baseline.rss : Math.max(startMaxRss, baseline.rss);
  gc();
  const after = process.memoryUsage();
  const live = (m: NodeJS.MemoryUsage) => m.heapUsed + m.external + m.arrayBuffers;
  process.stdout.write(
    JSON.stringify({
      task,
      method: hwm !== undefined ? method : 'getrusage maxRSS',
      baselineRss: base,
      peakRss: peak,
      peakAboveBaseline: Math.max(0, peak - base),
      retained: live(after) - live(baseline),
      papers,
      checks,
      keepAlive: kept !== undefined,
    }),
  );
}

interface Memory {
  method: string;
  baselineRss: number;
  peakAboveBaseline: number;
  retained: number;
  papers: number;
  checks: number;
}

interface SizeResult {
  cards: number;
  bytes: number;
  parseMs: number;
  verifyMs: number;
  markdownMs: number;
  [figure: string]: unknown;
}

function measureMemory(task: 'parse' | 'verify' | 'verify-kept', file: string): Memory {
  return JSON.parse(
    execFileSync(process.execPath, ['--expose-gc', __filename, '--memory-child', task, file], { encoding: 'utf8', maxBuffer: 1 << 20 }),
  ) as Memory;
}

async function main(): Promise<void> {
  if (process.argv[2] === '--memory-child') return memoryChild(process.argv[3], process.argv[4]);
  mkdirSync(TMP, { recursive: true });
  const markdown = new MarkdownIt();
  const parsingTasks = (text: string) => ({ parse: () => parseSeed(text, { lazy: true }), build: () => parseSeed(text), read: () => readOnly(text) });
  const tasks = (text: string, bytes: Uint8Array) => ({
    ...parsingTasks(text),
    verify: () => verify(bytes),
    markdown: () => markdown.render(text),
  });

  // Warm-up on the smallest digest, whole (not a slice that cuts a card in half).
  const warm = generateDigest(1000);
  for (let i = 0; i < 3; i++) for (const task of Object.values(tasks(warm, Buffer.from(warm)))) task();

  const sizes: SizeResult[] = [];
  /** The texts the growth phase compares. */
  const growthTexts = new Map<number, string>();
  for (const cards of SIZES) {
    const text = generateDigest(cards);
    if (cards === 10_000 || cards === 100_000) growthTexts.set(cards, text);
    const bytes = Buffer.byteLength(text);
    const file = join(TMP, `digest-${cards}.txt`);
    writeFileSync(file, text);
    const { runs, budgetMs } = plan(cards);
    const all = tasks(text, Buffer.from(text));
    const parsing = plan(cards, 'parse');
    const samples = {
      ...timeInterleaved({ verify: all.verify, markdown: all.markdown }, runs, budgetMs),
      // build and read are reported only for growth, timed in the growth phase below.
      ...timeInterleaved({ parse: all.parse }, parsing.runs, parsing.budgetMs),
    };
    const times = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])) as Record<'parse' | 'verify' | 'markdown', number>;
    // The same two tasks in the warm process without a forced GC before each, in blocks (see `timeBlocks`): a forced
    // GC slows both tasks, by different amounts, so the ratio is shown both ways. Not for the largest file, where a
    // run takes seconds.
    const warm = cards <= 10_000 ? timeBlocks({ verify: all.verify, markdown: all.markdown }, cards <= 1_000 ? 8 : 4, budgetMs, 4) : undefined;
    const warmVerifyMs = warm && median(warm.verify.steady);
    const warmMarkdownMs = warm && median(warm.markdown.steady);
    const afterOtherVerifyMs = warm && median(warm.verify.after);
    const afterOtherMarkdownMs = warm && median(warm.markdown.after);
    // The editor's paced parse, a few times: the longest stretch without a turn over all of them.
    const paced: Awaited<ReturnType<typeof pacedParse>>[] = [];
    for (let i = 0; i < 3; i++) {
      gc();
      paced.push(await pacedParse(text));
    }
    const parseMemory = measureMemory('parse', file);
    const verifyMemory = measureMemory('verify', file);
    const keptMemory = measureMemory('verify-kept', file);
    const mbps = (ms: number) => bytes / 1e6 / (ms / 1000);
    sizes.push({
      cards,
      bytes,
      papers: parseMemory.papers,
      checks: verifyMemory.checks,
      rounds: samples.verify.length,
      parseRounds: samples.parse.length,
      samples,
      parseMs: times.parse,
      verifyMs: times.verify,
      markdownMs: times.markdown,
      parseMBps: mbps(times.parse),
      verifyMBps: mbps(times.verify),
      markdownMBps: mbps(times.markdown),
      parseOverMarkdown: times.parse / times.markdown,
      verifyOverMarkdown: times.verify / times.markdown,
      warmVerifyMs,
      warmMarkdownMs,
      warmVerifyOverMarkdown: warmVerifyMs !== undefined && warmMarkdownMs !== undefined ? warmVerifyMs / warmMarkdownMs : undefined,
      warmBlocks: warm && { verifyAfterMarkdownMs: afterOtherVerifyMs, markdownAfterVerifyMs: afterOtherMarkdownMs },
      memoryMethod: verifyMemory.method,
      baselineRss: verifyMemory.baselineRss,
      parsePeak: parseMemory.peakAboveBaseline,
      verifyPeak: verifyMemory.peakAboveBaseline,
      keptPeak: keptMemory.peakAboveBaseline,
      pacedLongestMs: Math.max(...paced.map((p) => p.longestMs)),
      pacedTotalMs: median(paced.map((p) => p.totalMs)),
      pacedTurns: median(paced.map((p) => p.turns)),
      parseRetained: parseMemory.retained,
      verifyRetained: verifyMemory.retained,
      keptRetained: keptMemory.retained,
      parsePeakOverFile: parseMemory.peakAboveBaseline / bytes,
      verifyPeakOverFile: verifyMemory.peakAboveBaseline / bytes,
      keptPeakOverFile: keptMemory.peakAboveBaseline / bytes,
    });
    process.stderr.write(
      `[bench] ${cards} cards (${(bytes / 1e6).toFixed(1)} MB, ${samples.parse.length} rounds): parse ${times.parse.toFixed(0)} ms, ` +
        `verify ${times.verify.toFixed(0)} ms, markdown-it ${times.markdown.toFixed(0)} ms` +
        (warmVerifyMs !== undefined && warmMarkdownMs !== undefined
          ? ` (without forced GCs, each after itself: ${warmVerifyMs.toFixed(0)} ms, ${warmMarkdownMs.toFixed(0)} ms; right after the other: ${afterOtherVerifyMs!.toFixed(0)} ms, ${afterOtherMarkdownMs!.toFixed(0)} ms)`
          : '') +
        '; ' +
        `peak memory ${(verifyMemory.peakAboveBaseline / bytes).toFixed(1)}× file\n`,
    );
  }
  const at = (n: number) => sizes.find((s) => s.cards === n);
  const small = at(10_000);
  const large = at(100_000);
  // The parsing tasks' growth: both sizes in the same shuffled rounds, so that both see the same machine (its load
  // drifted between the sizes' own phases, minutes apart, by more than the target's margin).
  let parsing: Record<'parse' | 'build' | 'read', { small: number; large: number; rounds: number }> | undefined;
  const smallText = growthTexts.get(10_000);
  const largeText = growthTexts.get(100_000);
  if (smallText && largeText) {
    const [s10, s100] = [parsingTasks(smallText), parsingTasks(largeText)];
    const runs = Number(process.env.BENCH_GROWTH_RUNS) || 15;
    const samples = timeInterleaved({ 'parse 10k': s10.parse, 'parse 100k': s100.parse, 'build 10k': s10.build, 'build 100k': s100.build, 'read 10k': s10.read, 'read 100k': s100.read }, runs, 90_000, 'shuffle');
    const pair = (task: string) => ({ small: median(samples[`${task} 10k`]), large: median(samples[`${task} 100k`]), rounds: samples[`${task} 10k`].length });
    parsing = { parse: pair('parse'), build: pair('build'), read: pair('read') };
    process.stderr.write(`[bench] growth phase (${parsing.parse.rounds} rounds): parse ${parsing.parse.small.toFixed(1)} → ${parsing.parse.large.toFixed(0)} ms\n`);
  }
  // verify's growth in rounds of its own, each a 100,000-card run between two 10,000-card ones (see `pairedGrowth`).
  let verifying: ReturnType<typeof pairedGrowth> | undefined;
  if (smallText && largeText) {
    const [b10, b100] = [Buffer.from(smallText), Buffer.from(largeText)];
    const runs = Number(process.env.BENCH_VERIFY_GROWTH_RUNS) || 9;
    verifying = pairedGrowth(() => verify(b10), () => verify(b100), runs, 90_000);
    process.stderr.write(
      `[bench] verify growth phase (${verifying.rounds} rounds): ${verifying.small.toFixed(0)} → ${verifying.large.toFixed(0)} ms, ` +
        `growth ${verifying.growth.toFixed(1)}× (rounds: ${verifying.ratios.map((r) => r.toFixed(1)).join(', ')})\n`,
    );
  }
  const growth =
    small && large && parsing && verifying
      ? {
          parse: parsing.parse.large / parsing.parse.small,
          build: parsing.build.large / parsing.build.small,
          read: parsing.read.large / parsing.read.small,
          verify: verifying.growth,
          markdown: large.markdownMs / small.markdownMs,
          bytes: large.bytes / small.bytes,
          parsing,
          verifying,
        }
      : undefined;
  process.stdout.write(`${JSON.stringify({ node: process.version, sizes, growth }, null, 2)}\n`);
}

void main();
