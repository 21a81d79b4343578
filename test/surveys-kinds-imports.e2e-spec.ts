import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SURVEY_FIXTURES } from './support/survey-fixtures';
import { microsoftFormsAdoptionXlsx } from './support/survey-kind-exports';
import { bearer, createTestApp, type TestApp } from './support/test-app';

// Each adoption question kind, imported from each vendor's export that has it, then read back
// through the results API and the CSV export. Every fixture holds the same four respondents:
// NPS 9, 6, 11 (not a score: reported and left out) and 10; hours 3.5, 1, 12 and 2; a ranking
// the fourth respondent spoiled (an option twice), the other three ranking each option once
// first, once second and once last.

interface Vendor {
  vendor: string;
  file: string;
  bytes: () => Promise<Buffer>;
  kinds: string[];
  /** the first matrix item and whether the matrix is on the agreement scale */
  matrix: { item: string; agreement: boolean };
}

const fixture = (name: string) => async () => readFileSync(join(SURVEY_FIXTURES, name));

const VENDORS: Vendor[] = [
  {
    vendor: 'google-forms',
    file: 'google-forms-adoption.csv',
    bytes: fixture('google-forms-adoption.csv'),
    kinds: ['matrix', 'multiple', 'multiple', 'nps', 'number', 'scale', 'scale', 'single'],
    matrix: { item: 'Coding', agreement: false },
  },
  {
    vendor: 'microsoft-forms',
    file: 'pulse.xlsx',
    bytes: microsoftFormsAdoptionXlsx,
    kinds: ['matrix', 'nps', 'ranking', 'number', 'scale', 'multiple'],
    matrix: { item: 'I trust AI output in code', agreement: true },
  },
  {
    vendor: 'surveymonkey',
    file: 'surveymonkey-adoption.csv',
    bytes: fixture('surveymonkey-adoption.csv'),
    kinds: ['matrix', 'nps', 'ranking', 'number', 'likert'],
    matrix: { item: 'I trust AI output in code', agreement: true },
  },
  {
    vendor: 'typeform',
    file: 'typeform-adoption.csv',
    bytes: fixture('typeform-adoption.csv'),
    kinds: ['nps', 'ranking', 'scale', 'scale', 'number', 'multiple'],
    matrix: { item: '', agreement: false },
  },
  {
    vendor: 'limesurvey',
    file: 'limesurvey-adoption-full.csv',
    bytes: fixture('limesurvey-adoption-full.csv'),
    kinds: ['matrix', 'nps', 'ranking', 'number', 'likert', 'single'],
    matrix: { item: 'I trust AI output in code', agreement: true },
  },
  {
    vendor: 'formbricks',
    file: 'formbricks-adoption.csv',
    bytes: fixture('formbricks-adoption.csv'),
    kinds: ['matrix', 'nps', 'ranking', 'number', 'scale', 'multiple'],
    matrix: { item: 'I trust AI output in code', agreement: true },
  },
];

interface ResultQuestion {
  key: string;
  kind: string;
  answered: number;
  nps?: { detractors: number | null; passives: number | null };
  number?: { unit: string; median: number };
  ranking?: { option: string; meanRank: number }[];
  items?: { item: string; answered: number }[];
}

describe('surveys: every adoption question kind imported from each vendor', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(VENDORS)(
    'should round-trip the $vendor export through the results API and the CSV export',
    async (v) => {
      const created = await t.http
        .post('/api/surveys')
        .set(bearer(t.tokens.coe))
        .send({ title: `${v.vendor} pulse`, privacyMode: 'anonymous', template: 'blank', k: 2 })
        .expect(201);
      const id: string = created.body.id;
      const imported = await t.http
        .post(`/api/surveys/${id}/imports`)
        .set(bearer(t.tokens.coe))
        .attach('file', await v.bytes(), v.file)
        .expect(201);
      expect(imported.body).toMatchObject({ format: v.vendor, responses: 4 });
      // the out-of-range NPS names file, line and column; the row's other answers stay
      expect(imported.body.warnings).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^${v.file.replace('.', '\\.')}: line \\d+, column \\d+ .*"11" is not a whole number from 0 to 10`,
          ),
        ),
      );

      const survey = await t.http.get(`/api/surveys/${id}`).set(bearer(t.tokens.coe)).expect(200);
      const questions: {
        key: string;
        kind: string;
        scale?: { minLabel?: string };
        number?: { unit: string };
      }[] = survey.body.questions;
      expect(questions.map((q) => q.kind)).toEqual(v.kinds);
      const of = (kind: string) => questions.find((q) => q.kind === kind);

      const results = await t.http
        .get(`/api/surveys/${id}/results`)
        .set(bearer(t.tokens.coe))
        .expect(200);
      const byKey: Record<string, ResultQuestion> = Object.fromEntries(
        results.body.questions.map((q: ResultQuestion) => [q.key, q]),
      );
      const nps = byKey[of('nps')?.key as string];
      // 9, 6, 10: the lone detractor is hidden, and with it a cell it could be derived from
      expect(nps).toMatchObject({
        kind: 'nps',
        answered: 3,
        nps: { detractors: null, passives: 0 },
      });
      const hours = byKey[of('number')?.key as string];
      expect(hours.number).toMatchObject({ unit: 'hours', median: 2.75 });
      if (v.kinds.includes('ranking')) {
        const ranking = byKey[of('ranking')?.key as string];
        expect(ranking.answered).toBe(3);
        expect(ranking.ranking?.map((r) => r.meanRank)).toEqual([2, 2, 2]);
      }
      if (v.kinds.includes('matrix')) {
        const matrix = of('matrix');
        expect(byKey[matrix?.key as string].items?.[0]).toMatchObject({
          item: v.matrix.item,
          answered: 4,
        });
        if (v.matrix.agreement)
          expect(matrix?.scale).toMatchObject({
            minLabel: 'Strongly disagree',
            maxLabel: 'Strongly agree',
          });
      }

      const csv = await t.http
        .get(`/api/surveys/${id}/export?format=csv`)
        .set(bearer(t.tokens.coe))
        .expect(200);
      const [header, ...lines] = csv.text.trim().split('\r\n');
      expect(lines).toHaveLength(4);
      const columns = header.split(',');
      const at = (column: string) => columns.indexOf(column);
      const cells = lines.map((l) => l.split(','));
      expect(cells.map((c) => c[at(of('nps')?.key as string)]).sort()).toEqual([
        '',
        '10',
        '6',
        '9',
      ]);
      expect(cells.map((c) => c[at(of('number')?.key as string)]).sort()).toEqual([
        '1',
        '12',
        '2',
        '3.5',
      ]);
      if (v.kinds.includes('matrix')) {
        const key = of('matrix')?.key as string;
        expect(at(`${key}[${v.matrix.item}]`)).toBeGreaterThan(0);
      }
      if (v.kinds.includes('ranking')) {
        const ranking = columns.filter((c) => c.startsWith(`${of('ranking')?.key}[`));
        expect(ranking).toHaveLength(3);
        // one rank per option per answered row, 1..3
        const ranks = cells.map((c) =>
          ranking
            .map((r) => c[at(r)])
            .sort()
            .join(''),
        );
        expect(ranks.filter((r) => r === '123')).toHaveLength(3);
      }
    },
  );
});
