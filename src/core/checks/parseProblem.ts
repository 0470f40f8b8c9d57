// A card the parser could not read, as a check of its file: `paper-claims verify` reports it where it is, so a
// malformed card is never silently missing from a report (the editor shows the same problems as diagnostics).
import { Check } from '../check';
import { ParseProblem } from '../model';

/**
 * The parse problem as a file check. Verdict `damaged`, the method's word for text that cannot be computed on;
 * severity `warning`, as in the editor's Problems panel: the card's claims went unchecked, none was found wrong.
 */
export function parseProblemCheck(problem: ParseProblem): Check {
  return {
    kind: 'parse',
    verdict: 'damaged',
    severity: 'warning',
    range: { line: problem.line, column: problem.column, endLine: problem.line, endColumn: problem.endColumn },
    message: problem.message,
    stated: '',
    computed: '',
    explanation: { formula: 'a card: a title, three scores and a citation count on their own lines, then its text', inputs: [], result: 'not read: its claims are not checked' },
  };
}
