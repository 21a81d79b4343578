import { SurveyImportError } from './import-error';
import type { ColumnPlan, ImportOptions, ImportedSurvey, SurveyImporter } from './import.types';
import { formbricksImporter } from './formbricks.importer';
import { googleFormsImporter } from './google-forms.importer';
import { limeSurveyImporter } from './limesurvey.importer';
import { microsoftFormsImporter } from './microsoft-forms.importer';
import { applyMapping, buildSurvey, validateMapping } from './plan.util';
import { qualtricsImporter } from './qualtrics.importer';
import { surveyMonkeyImporter } from './surveymonkey.importer';
import { isXlsx, readDelimitedTable, readXlsxTable, type Table } from './table.util';
import { decodeText, detectTextEncoding } from './text-encoding';
import { typeformImporter } from './typeform.importer';

// Most specific signatures first: Qualtrics' ImportId row and SurveyMonkey's pair of ids can
// co-occur with words the looser detectors look for.
export const SURVEY_IMPORTERS: SurveyImporter[] = [
  qualtricsImporter,
  surveyMonkeyImporter,
  formbricksImporter,
  limeSurveyImporter,
  typeformImporter,
  microsoftFormsImporter,
  googleFormsImporter,
];

export async function readSurveyTable(buffer: Buffer, name = 'survey export'): Promise<Table> {
  if (isXlsx(buffer)) {
    try {
      return await readXlsxTable(buffer);
    } catch (error) {
      throw new SurveyImportError(
        `${name}: not a readable XLSX workbook (${(error as Error).message}); export it again`,
      );
    }
  }
  const text = decodeText(buffer, name).text;
  try {
    return readDelimitedTable(text);
  } catch (error) {
    // csv-parse says where it stopped: name the file and that line
    const e = error as { lines?: number; message?: string };
    throw new SurveyImportError(
      `${name}: line ${e.lines ?? '?'}: ${e.message ?? String(error)}; is the file cut short?`,
    );
  }
}

/** A note for the import's warnings when a text export was not UTF-8, so the reader can check it. */
export function encodingNote(buffer: Buffer, name = 'survey export'): string[] {
  if (isXlsx(buffer)) return [];
  const encoding = detectTextEncoding(buffer, name);
  return encoding === 'utf-8' ? [] : [`${name}: read as ${encoding} text (it is not UTF-8)`];
}

export function detectSurveyFormat(table: Table): SurveyImporter | undefined {
  return SURVEY_IMPORTERS.find((importer) => importer.detect(table));
}

export function planSurveyTable(table: Table, options: ImportOptions = {}): ColumnPlan {
  const name = options.fileName ?? 'survey export';
  if (table.length === 0) throw new SurveyImportError(`${name}: the file is empty`);
  const importer =
    !options.format || options.format === 'auto'
      ? detectSurveyFormat(table)
      : SURVEY_IMPORTERS.find((i) => i.format === options.format);
  if (!importer) {
    const header = (table[0] ?? []).slice(0, 6).join(', ');
    throw new SurveyImportError(
      `${name}: line 1: unrecognised survey export header (${header}); pass --format one of ${SURVEY_IMPORTERS.map((i) => i.format).join(', ')}`,
    );
  }
  const plan = importer.plan(table);
  validateMapping(plan, options.mapping);
  return applyMapping(plan, options.mapping);
}

/** Read any supported export (CSV or XLSX bytes) into the normalised survey shape. */
export async function importSurveyExport(
  buffer: Buffer,
  options: ImportOptions = {},
): Promise<ImportedSurvey> {
  const table = await readSurveyTable(buffer, options.fileName);
  const plan = planSurveyTable(table, options);
  const survey = buildSurvey(plan, table, options.fileName);
  return { ...survey, warnings: [...encodingNote(buffer, options.fileName), ...survey.warnings] };
}
