// Property-based: every survey export reader, fed damaged versions of real-shaped exports, odd
// encodings and arbitrary bytes, gives a survey or a SurveyImportError naming the problem, and
// never throws anything else.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { anyText, fuzzOptions, mutatedLines } from '../../common/testing/fuzz';
import { parseSurveyTime } from './date.util';
import { SurveyImportError } from './import-error';
import { importSurveyExport } from './survey-import';

const FIXTURES = join(__dirname, '../../../test/fixtures/surveys');
const EXPORTS = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.csv'))
  .map((f) => [f, readFileSync(join(FIXTURES, f), 'utf8')] as const);

/** Imports, or fails with the importer's own error; anything else fails the property. */
async function importsOrRefuses(bytes: Buffer, name: string): Promise<void> {
  try {
    const sut = await importSurveyExport(bytes, { fileName: name });
    expect(Array.isArray(sut.responses)).toBe(true);
    for (const r of sut.responses)
      if (r.submittedAt !== null) expect(Number.isNaN(Date.parse(r.submittedAt))).toBe(false);
  } catch (error) {
    if (!(error instanceof SurveyImportError)) throw error;
    expect(error.message.startsWith(`${name}: `)).toBe(true);
  }
}

describe('survey export readers under fuzzing', () => {
  it.each(EXPORTS.map(([f]) => [f]))('should import or refuse a damaged %s', async (file) => {
    const lines = EXPORTS.find(([f]) => f === file)![1].split('\n');
    await fc.assert(
      fc.asyncProperty(mutatedLines(lines), (damaged) =>
        importsOrRefuses(Buffer.from(damaged.join('\n')), file),
      ),
      fuzzOptions(150),
    );
  });

  it('should import or refuse an export in any text encoding', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...EXPORTS),
        fc.constantFrom('utf8', 'utf16le', 'latin1'),
        fc.boolean(),
        ([file, text], encoding, bom) => {
          const body = Buffer.from(text, encoding as BufferEncoding);
          const mark =
            encoding === 'utf8' ? [0xef, 0xbb, 0xbf] : encoding === 'utf16le' ? [0xff, 0xfe] : [];
          return importsOrRefuses(Buffer.concat([Buffer.from(bom ? mark : []), body]), file);
        },
      ),
      fuzzOptions(60),
    );
  });

  it('should import or refuse arbitrary bytes, a spreadsheet signature included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.boolean(), async (bytes, zip) => {
        const head = zip ? Buffer.from([0x50, 0x4b, 0x03, 0x04]) : Buffer.alloc(0);
        await importsOrRefuses(Buffer.concat([head, Buffer.from(bytes)]), 'upload.bin');
      }),
      fuzzOptions(200),
    );
  });

  it('should import or refuse arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyText(80), { maxLength: 6 }), (lines) =>
        importsOrRefuses(Buffer.from(lines.join('\n')), 'text.csv'),
      ),
      fuzzOptions(200),
    );
  });

  it('should read any time text as an instant or nothing', () => {
    fc.assert(
      fc.property(
        anyText(40),
        fc.constantFrom(undefined, 'Europe/Berlin', 'Nowhere/Else'),
        (t, zone) => {
          const sut = parseSurveyTime(t, zone);
          if (sut !== null) expect(Number.isNaN(Date.parse(sut))).toBe(false);
        },
      ),
      fuzzOptions(500),
    );
  });
});
