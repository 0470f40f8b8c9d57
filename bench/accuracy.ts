// Accuracy of the claim checker on a labelled corpus of cards it was not written against.
//   node_modules/.bin/esbuild bench/accuracy.ts --bundle --platform=node --outfile=/tmp/accuracy.js && node /tmp/accuracy.js
// A card is "flagged" when any of its checks has severity warning or error. Labels: "flag" (a numeric
// inconsistency or damaged text) or "clean" (consistent). Prints sensitivity (flagged / should-flag) and the
// number of clean cards flagged (false positives), and lists every miss.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSeed } from '../src/core/checker';
import { parseSeed } from '../src/core/parser';

const dir = process.argv[2] ?? join(__dirname === '/' ? process.cwd() : process.cwd(), 'bench', 'accuracy');
const seed = parseSeed(readFileSync(join(dir, 'cards.txt'), 'utf8'));
const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Record<string, 'flag' | 'clean'>;
const result = checkSeed(seed);

let shouldFlag = 0;
let flagged = 0;
let clean = 0;
let falsePositives = 0;
const misses: string[] = [];
for (const { paper, checks } of result.papers) {
  const label = labels[String(paper.index)];
  if (!label) continue;
  const hits = checks.filter((c) => c.severity !== 'info');
  const isFlagged = hits.length > 0;
  if (label === 'flag') {
    shouldFlag++;
    if (isFlagged) flagged++;
    else misses.push(`MISSED  #${paper.index} ${paper.title.text}`);
  } else {
    clean++;
    if (isFlagged) {
      falsePositives++;
      misses.push(`FALSE+  #${paper.index} ${paper.title.text}\n          ${hits.map((c) => `${c.verdict}: ${c.message}`).join('\n          ')}`);
    }
  }
}
if (seed.papers.length !== Object.keys(labels).length) misses.push(`note: ${seed.papers.length} cards parsed, ${Object.keys(labels).length} labels`);
console.log(misses.join('\n'));
console.log(`cards: ${seed.papers.length} (${shouldFlag} should be flagged, ${clean} consistent)`);
console.log(`sensitivity: ${flagged}/${shouldFlag} = ${((100 * flagged) / Math.max(1, shouldFlag)).toFixed(1)}%`);
console.log(`false positives: ${falsePositives}/${clean}`);
process.exitCode = flagged / Math.max(1, shouldFlag) >= 0.95 && falsePositives === 0 ? 0 : 1;
