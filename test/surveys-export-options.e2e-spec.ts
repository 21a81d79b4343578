import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliInProcess } from './support/processes';
import {
  EXPECTED_TOOLS,
  surveyExportVariants,
  variantBytes,
  type ExportVariant,
} from './support/survey-exports';
import { createTestApp, type TestApp } from './support/test-app';

interface Imported {
  variant: ExportVariant;
  status: number | null;
  stderr: string;
  summary?: { format: string; responses: number; tools: Record<string, number> };
}

/** One layout per vendor and file type: src/surveys/importers/export-options.spec.ts reads all. */
function onePerVendorAndFileType(variants: ExportVariant[]): ExportVariant[] {
  const seen = new Set<string>();
  return variants.filter((v) => {
    const key = `${v.vendor} ${v.fileName.split('.').pop()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// Each vendor's export, CSV and XLSX, imported through the CLI as scripts do: the same answers
// must give the same respondents per tool whichever way the vendor wrote them. Every export
// option of every vendor runs in-process in export-options.spec.ts (one boot per file is slow).
describe('import-survey: each vendor export through the CLI', () => {
  let t: TestApp;
  let dir: string;
  let imported: Imported[];

  beforeAll(async () => {
    t = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'survey-exports-'));
    const variants = onePerVendorAndFileType(surveyExportVariants());
    for (const v of variants) writeFileSync(join(dir, v.fileName), await variantBytes(v));
    imported = [];
    // One at a time through the CLI's own entry in this process: each import boots the
    // application, and test/surveys-import.e2e-spec.ts starts import-survey as a real process.
    for (const v of variants) {
      const run = await runCliInProcess(['import-survey', join(dir, v.fileName), '--json'], t.env);
      const summary = run.status === 0 ? JSON.parse(run.stdout) : undefined;
      imported.push({ variant: v, status: run.status, stderr: run.stderr, summary });
    }
  }, 900_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t?.close();
  });

  it('should give the same respondents per tool in every layout', () => {
    const byFile = Object.fromEntries(
      imported.map((i) => [
        `${i.variant.fileName} (${i.variant.options})`,
        i.summary
          ? { format: i.summary.format, responses: i.summary.responses, tools: i.summary.tools }
          : { failed: i.stderr },
      ]),
    );
    const expected = Object.fromEntries(
      imported.map((i) => [
        `${i.variant.fileName} (${i.variant.options})`,
        { format: i.variant.vendor, responses: 4, tools: EXPECTED_TOOLS },
      ]),
    );
    expect(imported).toHaveLength(onePerVendorAndFileType(surveyExportVariants()).length);
    expect(imported.length).toBeGreaterThanOrEqual(12);
    expect(byFile).toEqual(expected);
  });
});
