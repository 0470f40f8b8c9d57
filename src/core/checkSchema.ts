// The zod schema of a Check (see check.ts), for validating checks that cross a boundary: the card webview's
// messages and the tests. Built only where imported.
import * as z from 'zod/mini';
import { SEVERITIES, VERDICTS } from './check';
import { SourceRangeSchema } from './model';

export const VerdictSchema = z.enum(VERDICTS);
export const SeveritySchema = z.enum(SEVERITIES);

export const CheckSchema = z.object({
  /** What relation was checked, e.g. `difference`, `percent-change`, `ratio`, `range`, `declared-count`. */
  kind: z.string(),
  verdict: VerdictSchema,
  severity: SeveritySchema,
  /** The stated claim's text span (zero-based, like every range in the core). */
  range: SourceRangeSchema,
  /** One line a person can read in the Problems panel. */
  message: z.string(),
  /** The claim as written, e.g. `93%`. */
  stated: z.string(),
  /** What the numbers give, e.g. `92.05%…92.45%`. */
  computed: z.string(),
  /** The arithmetic, shown in hovers and the card. */
  explanation: z.object({
    formula: z.string(),
    /** Each input as read, with its rounding interval, e.g. `before = 27.1 GB (27.05…27.15)`. */
    inputs: z.array(z.string()),
    result: z.string(),
    /** For a failure: the closest value that would be consistent, as it would be written. */
    closest: z.optional(z.string()),
  }),
  /** For `inconsistent` and `near-miss`: replace `range` with `replacement` to make the claim consistent. */
  fix: z.optional(z.object({ range: SourceRangeSchema, replacement: z.string() })),
  /** Values to draw in the card's chart: label and value, in one unit. */
  chart: z.optional(z.array(z.object({ label: z.string(), value: z.number() }))),
});
