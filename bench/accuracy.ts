// Accuracy of the claim checker on a labelled corpus of cards it was not written against.
//   node_modules/.bin/esbuild bench/accuracy.ts --bundle --platform=node --outfile=/tmp/accuracy.js && node /tmp/accuracy.js
// Prints sensitivity (flagged / should-flag) and the number of clean cards flagged (false positives), and lists every
// miss (see accuracyScore.ts). The argument: the corpus's folder (default bench/accuracy).
import { join } from 'node:path';
import { scoreAccuracy } from './accuracyScore';

const dir = process.argv[2] ?? join(process.cwd(), 'bench', 'accuracy');
const score = scoreAccuracy(dir);
const { shouldFlag, flagged, clean, falsePositives } = score;
const misses = [...score.misses];
if (score.cards !== score.labels) misses.push(`note: ${score.cards} cards parsed, ${score.labels} labels`);
console.log(misses.join('\n'));
console.log(`cards: ${score.cards} (${shouldFlag} should be flagged, ${clean} consistent)`);
console.log(`sensitivity: ${flagged}/${shouldFlag} = ${((100 * flagged) / Math.max(1, shouldFlag)).toFixed(1)}%`);
console.log(`false positives: ${falsePositives}/${clean}`);
process.exitCode = flagged / Math.max(1, shouldFlag) >= 0.95 && falsePositives === 0 ? 0 : 1;
