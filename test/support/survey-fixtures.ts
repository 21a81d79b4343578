import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportedSurvey } from '../../src/surveys/importers/import.types';
import { importSurveyExport } from '../../src/surveys/importers/survey-import';
import { MS_FORMS_META } from './survey-exports';

export const SURVEY_FIXTURES = join(__dirname, '../fixtures/surveys');

/** A Microsoft Forms "Open in Excel" export, built the way Forms lays it out. */
export async function microsoftFormsXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow([
    ...MS_FORMS_META,
    'Which AI tools do you use?',
    'How often do you use AI tools?',
    'Points - How often do you use AI tools?',
    'Anything else?',
  ]);
  sheet.addRow([
    1,
    new Date(Date.UTC(2026, 10, 24, 9, 0)),
    new Date(Date.UTC(2026, 10, 24, 9, 4, 30)),
    'alice@example.com',
    'Alice Able',
    '',
    'GitHub Copilot;ChatGPT;',
    'Daily',
    '',
    'Claude Code for refactors',
  ]);
  sheet.addRow([
    2,
    new Date(Date.UTC(2026, 10, 24, 10, 0)),
    new Date(Date.UTC(2026, 10, 24, 10, 2)),
    'anonymous',
    '',
    '',
    'Cursor;',
    'Weekly',
    '',
    '',
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const DIRECTORY_CSV = [
  'email,name,team,manager,github login,aliases',
  'alice@example.com,Alice Able,Engineering/Platform,,alice-gh,CORP\\aable',
  'bob@example.com,Bob Baker,Engineering/Platform,alice@example.com,bob-gh,',
  'carol@example.com,Carol Cole,Engineering/Platform,alice@example.com,,',
  'dan@example.com,Dan Dye,Engineering/Platform,alice@example.com,,',
  'erin@example.com,Erin Eve,Engineering/Platform,alice@example.com,,',
  'frank@example.com,Frank Fox,Engineering/Data,alice@example.com,,',
  'gina@example.com,Gina Gale,Engineering/Data,frank@example.com,,10.20.0.7',
].join('\n');

/** A fixture export read by the importers, its file name used in the warnings. */
export function importFixture(name: string): Promise<ImportedSurvey> {
  return importSurveyExport(readFileSync(join(SURVEY_FIXTURES, name)), { fileName: name });
}
