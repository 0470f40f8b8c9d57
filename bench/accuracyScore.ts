// How well the checker sorts a labelled corpus of cards (bench/accuracy/*): cards.txt in the seed format and
// labels.json, each card's index to "flag" (a numeric inconsistency or damaged text) or "clean" (consistent). A card
// is flagged when any of its checks has severity warning or error. Shared by bench/accuracy.ts and the unit tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSeed } from '../src/core/checker';
import { parseSeed } from '../src/core/parser';

export interface AccuracyScore {
  cards: number;
  labels: number;
  shouldFlag: number;
  flagged: number;
  clean: number;
  falsePositives: number;
  /** One entry per miss or false positive, for a reader: `MISSED  #12 Title`, `FALSE+  #3 Title` and its checks. */
  misses: string[];
}

export function scoreAccuracy(dir: string): AccuracyScore {
  const seed = parseSeed(readFileSync(join(dir, 'cards.txt'), 'utf8'));
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Record<string, 'flag' | 'clean'>;
  const score: AccuracyScore = { cards: seed.papers.length, labels: Object.keys(labels).length, shouldFlag: 0, flagged: 0, clean: 0, falsePositives: 0, misses: [] };
  for (const { paper, checks } of checkSeed(seed).papers) {
    const label = labels[String(paper.index)];
    if (!label) continue;
    const hits = checks.filter((c) => c.severity !== 'info');
    if (label === 'flag') {
      score.shouldFlag++;
      if (hits.length > 0) score.flagged++;
      else score.misses.push(`MISSED  #${paper.index} ${paper.title.text}`);
    } else {
      score.clean++;
      if (hits.length > 0) {
        score.falsePositives++;
        score.misses.push(`FALSE+  #${paper.index} ${paper.title.text}\n          ${hits.map((c) => `${c.verdict}: ${c.message}`).join('\n          ')}`);
      }
    }
  }
  return score;
}
