// Shared by the report tests: a verification already done in memory, fed to a report writer.
import { Check } from '../../src/core/check';
import { NumberField, Paper } from '../../src/core/model';
import { ReportSummary, ReportWriter } from '../../src/core/report';

/** A file already parsed and checked, for `writeReport`. */
export interface CheckedFile {
  path: string;
  declaredCount: NumberField | undefined;
  fileChecks: Check[];
  papers: Array<{ paper: Paper; checks: Check[] }>;
}

/** Feeds files checked in memory to a writer, as the CLI does while it streams a file. */
export function writeReport(writer: ReportWriter, files: CheckedFile[]): ReportSummary {
  for (const f of files) {
    writer.beginFile(f.path);
    for (const p of f.papers) writer.paper(p.paper, p.checks);
    writer.endFile(f.fileChecks, f.declaredCount);
  }
  writer.end();
  return writer.summary;
}
