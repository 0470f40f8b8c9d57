// The Node side of `npm run bench`: parse and verify throughput against markdown-it rendering the same bytes,
// growth from 10,000 to 100,000 cards, and peak memory (measured in a child process per size). Prints JSON
// for scripts/bench.mjs, which adds bundle sizes and the in-editor figures and writes bench/RESULTS.md.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { checkFileClaims, checkPaper } from '../src/core/checker';
import { parseSeed } from '../src/core/parser';
import { generateDigest } from './generate';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const TMP = join(__dirname, '..', '..', 'bench', 'tmp');

function verify(text: string): number {
  const seed = parseSeed(text);
  let checks = checkFileClaims(seed).length;
  for (const paper of seed.papers) checks += checkPaper(paper).length;
  return checks;
}

/** Median of `runs` timings; the three measured tasks are interleaved so machine noise hits them alike. */
function timeInterleaved(tasks: Record<string, () => unknown>, runs: number): Record<string, number> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(tasks).map((k) => [k, []]));
  for (let run = 0; run < runs; run++) {
    for (const [name, task] of Object.entries(tasks)) {
      const start = process.hrtime.bigint();
      task();
      samples[name].push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, v.sort((a, b) => a - b)[Math.floor(v.length / 2)]]));
}

/** In a child: read the file, parse and verify it, report peak RSS and the heap retained above the baseline. */
function memoryChild(file: string): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const baseline = process.memoryUsage();
  const baselineMaxRss = process.resourceUsage().maxRSS * 1024;
  const text = readFileSync(file, 'utf8');
  const seed = parseSeed(text);
  let checks = checkFileClaims(seed).length;
  const results = seed.papers.map((p) => checkPaper(p));
  for (const r of results) checks += r.length;
  gc?.();
  const after = process.memoryUsage();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    JSON.stringify({
      checks,
      heapRetained: after.heapUsed + after.external + after.arrayBuffers - (baseline.heapUsed + baseline.external + baseline.arrayBuffers),
      peakAboveBaseline: peakRss - Math.max(baselineMaxRss, baseline.rss),
      papers: seed.papers.length,
      keepAlive: results.length,
    }),
  );
}

function main(): void {
  if (process.argv[2] === '--memory-child') return memoryChild(process.argv[3]);
  mkdirSync(TMP, { recursive: true });
  const markdown = new MarkdownIt();
  const sizes = [];
  for (const cards of SIZES) {
    const text = generateDigest(cards);
    const bytes = Buffer.byteLength(text);
    const file = join(TMP, `digest-${cards}.txt`);
    writeFileSync(file, text);
    const runs = cards >= 100_000 ? 3 : cards >= 10_000 ? 5 : 15;
    // Warm up the JIT on a small slice first, so the first measured run is not the compile.
    verify(text.slice(0, 200_000));
    markdown.render(text.slice(0, 200_000));
    const times = timeInterleaved({ parse: () => parseSeed(text), verify: () => verify(text), markdown: () => markdown.render(text) }, runs);
    const memory = JSON.parse(
      execFileSync(process.execPath, ['--expose-gc', __filename, '--memory-child', file], { encoding: 'utf8', maxBuffer: 1 << 20 }),
    ) as { checks: number; heapRetained: number; peakAboveBaseline: number; papers: number };
    sizes.push({
      cards,
      bytes,
      papers: memory.papers,
      checks: memory.checks,
      parseMs: times.parse,
      verifyMs: times.verify,
      markdownMs: times.markdown,
      parseMBps: bytes / 1e6 / (times.parse / 1000),
      verifyMBps: bytes / 1e6 / (times.verify / 1000),
      markdownMBps: bytes / 1e6 / (times.markdown / 1000),
      parseOverMarkdown: times.parse / times.markdown,
      verifyOverMarkdown: times.verify / times.markdown,
      peakMemoryOverFile: memory.peakAboveBaseline / bytes,
      retainedOverFile: memory.heapRetained / bytes,
    });
    process.stderr.write(`[bench] ${cards} cards: parse ${times.parse.toFixed(0)} ms, verify ${times.verify.toFixed(0)} ms, markdown-it ${times.markdown.toFixed(0)} ms\n`);
  }
  const at = (n: number) => sizes.find((s) => s.cards === n);
  const small = at(10_000);
  const large = at(100_000);
  const growth = small && large ? { parse: large.parseMs / small.parseMs, verify: large.verifyMs / small.verifyMs, markdown: large.markdownMs / small.markdownMs } : undefined;
  process.stdout.write(`${JSON.stringify({ sizes, growth }, null, 2)}\n`);
}

main();
