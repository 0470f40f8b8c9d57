// Reports of checking results for the CLI: the JSON contract of docs/claims.md, SARIF 2.1.0 for code-scanning
// tools, and plain text for people. Positions in the reports are 1-based (columns in UTF-16 units, `endColumn`
// exclusive), converted from the core's zero-based ranges.
import { Check } from './check';
import { Paper, SeedFile } from './model';

export type CheckResult = { fileChecks: Check[]; papers: Array<{ paper: Paper; checks: Check[] }> };
export interface ReportInput {
  path: string;
  seed: SeedFile;
  result: CheckResult;
}

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

export interface JsonReport {
  files: Array<{
    path: string;
    declaredCount: number | null;
    fileChecks: JsonCheck[];
    papers: Array<{ index: number; title: string; line: number; checks: JsonCheck[] }>;
  }>;
  summary: { papers: number; checks: number; errors: number; warnings: number };
}

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

export function toJsonReport(files: ReportInput[]): JsonReport {
  const report: JsonReport = { files: [], summary: { papers: 0, checks: 0, errors: 0, warnings: 0 } };
  const count = (c: Check): void => {
    report.summary.checks++;
    if (c.severity === 'error') report.summary.errors++;
    else if (c.severity === 'warning') report.summary.warnings++;
  };
  for (const f of files) {
    f.result.fileChecks.forEach(count);
    const papers = f.result.papers.map(({ paper, checks }) => {
      report.summary.papers++;
      checks.forEach(count);
      return { index: paper.index, title: paper.title.text, line: paper.title.range.line + 1, checks: checks.map(jsonCheck) };
    });
    report.files.push({
      path: f.path,
      declaredCount: f.seed.declaredCount ? f.seed.declaredCount.value : null,
      fileChecks: f.result.fileChecks.map(jsonCheck),
      papers,
    });
  }
  return report;
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
  unverifiable: 'A stated change with nothing to check it against',
  'declared-count': "The header's declared paper count against the cards found",
};

/** SARIF 2.1.0: one run, one rule per check kind, results at the claim's range. */
export function toSarif(files: ReportInput[], options: { includeInfo?: boolean; toolVersion?: string } = {}): object {
  const includeInfo = options.includeInfo ?? true;
  const kinds = new Map<string, number>();
  const results: object[] = [];
  const add = (path: string, c: Check): void => {
    if (!includeInfo && c.severity === 'info') return;
    if (!kinds.has(c.kind)) kinds.set(c.kind, kinds.size);
    results.push({
      ruleId: c.kind,
      ruleIndex: kinds.get(c.kind),
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
    });
  };
  for (const f of files) {
    for (const c of f.result.fileChecks) add(f.path, c);
    for (const p of f.result.papers) for (const c of p.checks) add(f.path, c);
  }
  const rules = [...kinds.keys()].map((id) => ({
    id,
    name: id.replace(/(^|-)([a-z])/g, (_m, _d: string, ch: string) => ch.toUpperCase()),
    shortDescription: { text: RULE_TEXT[id] ?? id },
    helpUri: 'https://github.com/paper-claims/paper-claims/blob/main/docs/claims.md',
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'paper-claims', version: options.toolVersion ?? '0.1.0', informationUri: 'https://github.com/paper-claims/paper-claims', rules } }, results }],
  };
}
