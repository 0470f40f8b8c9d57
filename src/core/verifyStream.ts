// Verification of a file that arrives in pieces, for `paper-claims verify` and the benchmarks: each paper is parsed,
// checked and handed on, and neither the papers nor their checks are kept, so memory stays bounded by the longest
// card instead of growing with the file (the editor keeps its papers for the tree, and checks them on its own).
import { Check } from './check';
import { checkDeclaredCount, checkPaper } from './checker';
import { parseProblemCheck } from './checks/parseProblem';
import { Paper } from './model';
import { SeedOutline, SeedReader } from './parser';

/**
 * Parses and checks `pieces` (see `textChunks`); `onPaper` gets each paper with its checks, in file order. The file's
 * checks are the header's count and every parse problem, in source order.
 */
export function verifyPieces(pieces: Iterable<string>, onPaper: (paper: Paper, checks: Check[]) => void): { outline: SeedOutline; fileChecks: Check[] } {
  const reader = new SeedReader((paper) => onPaper(paper, checkPaper(paper)));
  for (const piece of pieces) reader.push(piece);
  const outline = reader.end();
  return { outline, fileChecks: [...checkDeclaredCount(outline.declaredCount, outline.paperCount), ...outline.problems.map(parseProblemCheck)] };
}
