// Reports of checking results for the CLI: the JSON contract of docs/claims.md, SARIF 2.1.0 for code-scanning
// tools (plain text for people is in src/cli/verifyText.ts). Each is a writer that takes the papers one at a time
// and writes as it goes, so a report on 100,000 cards never exists in memory whole (it can be several times the
// size of the file). Positions in the reports are 1-based (columns in UTF-16 units, `endColumn` exclusive),
// converted from the core's zero-based ranges.
import { Check } from './check';
import { NumberField, Paper } from './model';

export interface JsonCheck {
  kind: string;
  verdict: Check['verdict'];
  severity: Check['severity'];
  line: number;
  column: number;
  endColumn: number;
  message: string;
  stated: string;
  computed: string;
  /** Added fields (the contract allows more): the last line of a multi-line claim, the explanation, the fix. */
  endLine: number;
  explanation: Check['explanation'];
  fix?: { line: number; column: number; endLine: number; endColumn: number; replacement: string };
}

/** The shape of `--format json`, for readers of the report (members are written in a different order: see JsonWriter). */
export interface JsonReport {
  files: Array<{
    path: string;
    declaredCount: number | null;
    fileChecks: JsonCheck[];
    papers: Array<{ index: number; title: string; line: number; checks: JsonCheck[] }>;
  }>;
  summary: ReportSummary;
}

export interface ReportSummary {
  papers: number;
  checks: number;
  errors: number;
  warnings: number;
}

/**
 * Receives a verification as it happens: per file, its papers in order, then what is known only at the end (the
 * header's count is checked against the cards found).
 */
export interface ReportWriter {
  beginFile(path: string): void;
  paper(paper: Paper, checks: Check[]): void;
  /** After the last paper: the header's count (if any) and the checks of the file as a whole. */
  endFile(fileChecks: Check[], declaredCount: NumberField | undefined): void;
  /** Writes the summary and closes the report. */
  end(): void;
  readonly summary: ReportSummary;
}

/** Counts papers and checks by severity for the summary every format ends with. */
export class SummaryCounter {
  readonly summary: ReportSummary = { papers: 0, checks: 0, errors: 0, warnings: 0 };
  countPaper(): void {
    this.summary.papers++;
  }
  countChecks(checks: Check[]): void {
    for (const c of checks) {
      this.summary.checks++;
      if (c.severity === 'error') this.summary.errors++;
      else if (c.severity === 'warning') this.summary.warnings++;
    }
  }
}

/** Text sink: the CLI's stdout, or a string being built. */
export type Write = (text: string) => void;

function jsonCheck(c: Check): JsonCheck {
  const out: JsonCheck = {
    kind: c.kind,
    verdict: c.verdict,
    severity: c.severity,
    line: c.range.line + 1,
    column: c.range.column + 1,
    endColumn: c.range.endColumn + 1,
    message: c.message,
    stated: c.stated,
    computed: c.computed,
    endLine: c.range.endLine + 1,
    explanation: c.explanation,
  };
  if (c.fix) {
    const r = c.fix.range;
    out.fix = { line: r.line + 1, column: r.column + 1, endLine: r.endLine + 1, endColumn: r.endColumn + 1, replacement: c.fix.replacement };
  }
  return out;
}


/** `JSON.stringify(value, null, 2)` for a value nested `depth` levels deep in the document being written. */
function nestedJson(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/**
 * The JSON contract, written as the papers arrive. The document is the one `JSON.stringify(report, null, 2)` would
 * give, except that in each file `declaredCount` and `fileChecks` follow `papers` (see ReportWriter). JSON objects
 * are unordered, so readers see the same data.
 * `escape` makes each piece safe for a terminal (see safeJson in the CLI).
 */
export class JsonWriter extends SummaryCounter implements ReportWriter {
  private files = 0;
  private papersInFile = 0;

  constructor(
    private readonly write: Write,
    private readonly escape: (json: string) => string = (json) => json,
  ) {
    super();
    write('{\n  "files": [');
  }

  beginFile(path: string): void {
    const head = `${this.files++ ? ',' : ''}\n    {\n      "path": ${JSON.stringify(path)},\n      "papers": [`;
    this.write(this.escape(head));
    this.papersInFile = 0;
  }

  paper(paper: Paper, checks: Check[]): void {
    this.countPaper();
    this.countChecks(checks);
    const entry = { index: paper.index, title: paper.title.text, line: paper.title.range.line + 1, checks: checks.map(jsonCheck) };
    this.write(this.escape(`${this.papersInFile++ ? ',' : ''}\n        ${nestedJson(entry, 4)}`));
  }

  endFile(fileChecks: Check[], declaredCount: NumberField | undefined): void {
    this.countChecks(fileChecks);
    const tail = `${this.papersInFile ? '\n      ' : ''}],\n      "declaredCount": ${declaredCount ? declaredCount.value : 'null'},\n      "fileChecks": ${nestedJson(fileChecks.map(jsonCheck), 3)}\n    }`;
    this.write(this.escape(tail));
  }

  end(): void {
    this.write(`${this.files ? '\n  ' : ''}],\n  "summary": ${nestedJson(this.summary, 1)}\n}\n`);
  }
}

const SARIF_LEVEL: Record<Check['severity'], 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

const RULE_TEXT: Record<string, string> = {
  difference: 'A stated difference or change against the values it compares',
  'percent-change': 'A stated percent change against the values it compares',
  ratio: 'A stated factor (×) against the ratio of the values',
  'part-of-whole': 'A stated share against part / whole',
  range: 'A range or factor stated elsewhere on the card against the ratio its numbers give',
  bound: 'Only a bound follows from values written with > or <',
  restatement: 'A value restated in prose against the Numbers line',
  direction: 'Direction words against what the numbers show',
  'fused-numbers': 'Damaged text: two numbers run together',
  'lost-bracket': 'Damaged text: a bracket or the change it opened was lost',
  'lost-dash': 'Damaged text: a range lost its dash',
  'garbled-text': 'Damaged text: characters garbled on export',
  'bidi-control': 'A bidirectional control character outside a number: the text may display in another order than it is read',
  unverifiable: 'A stated change with nothing to check it against',
  'declared-count': "The header's declared paper count against the cards found",
  parse: 'A card the parser could not read: its claims are not checked',
};

/** Where a rule's check is explained: the project's own document (see `end`, on why this is not a helpUri). */
const RULE_HELP = 'How this check reads the numbers, recomputes the claim and picks its verdict: docs/claims.md in the Paper Claims project.';

/**
 * SARIF 2.1.0: one run, one rule per check kind (in order of first use), results at the claim's range. Results are
 * written as they arrive and the rules after them, since only then is it known which kinds occurred.
 */
export class SarifWriter extends SummaryCounter implements ReportWriter {
  private readonly kinds = new Map<string, number>();
  private results = 0;
  private path = '';

  constructor(
    private readonly write: Write,
    private readonly options: { includeInfo?: boolean; toolVersion?: string; escape?: (json: string) => string } = {},
  ) {
    super();
    write('{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n      "results": [');
  }

  beginFile(path: string): void {
    this.path = path;
  }

  paper(_paper: Paper, checks: Check[]): void {
    this.countPaper();
    this.countChecks(checks);
    for (const c of checks) this.result(c);
  }

  endFile(fileChecks: Check[]): void {
    this.countChecks(fileChecks);
    for (const c of fileChecks) this.result(c);
  }

  end(): void {
    const rules = [...this.kinds.keys()].map((id) => ({
      id,
      name: id.replace(/(^|-)([a-z])/g, (_m, _d: string, ch: string) => ch.toUpperCase()),
      shortDescription: { text: RULE_TEXT[id] ?? id },
      // No helpUri (nor informationUri below): SARIF 2.1.0 wants an absolute URI there, and package.json names no
      // repository to point at. The help text names the document in the project instead.
      help: { text: RULE_HELP },
    }));
    const driver = { name: 'paper-claims', version: this.options.toolVersion ?? '0.1.0', rules };
    this.write(`${this.results ? '\n      ' : ''}],\n      "tool": ${nestedJson({ driver }, 3)}\n    }\n  ]\n}\n`);
  }

  private result(c: Check): void {
    if (this.options.includeInfo === false && c.severity === 'info') return;
    if (!this.kinds.has(c.kind)) this.kinds.set(c.kind, this.kinds.size);
    const path = this.path;
    const result = {
      ruleId: c.kind,
      ruleIndex: this.kinds.get(c.kind),
      level: SARIF_LEVEL[c.severity],
      message: { text: `${c.message} [${c.verdict}]` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: path.split('\\').map(encodeURI).join('/') },
            region: { startLine: c.range.line + 1, startColumn: c.range.column + 1, endLine: c.range.endLine + 1, endColumn: c.range.endColumn + 1 },
          },
        },
      ],
      properties: { verdict: c.verdict, stated: c.stated, computed: c.computed, formula: c.explanation.formula },
      ...(c.fix
        ? {
            fixes: [
              {
                description: { text: `Replace with ${c.fix.replacement}` },
                artifactChanges: [
                  {
                    artifactLocation: { uri: path },
                    replacements: [
                      {
                        deletedRegion: { startLine: c.fix.range.line + 1, startColumn: c.fix.range.column + 1, endLine: c.fix.range.endLine + 1, endColumn: c.fix.range.endColumn + 1 },
                        insertedContent: { text: c.fix.replacement },
                      },
                    ],
                  },
                ],
              },
            ],
          }
        : {}),
    };
    const escape = this.options.escape ?? ((json: string) => json);
    this.write(escape(`${this.results++ ? ',' : ''}\n        ${nestedJson(result, 4)}`));
  }
}
