import { parse } from 'csv-parse/sync';
import { buildSubjectAccessExport, subjectAccessCsv } from './subject-access-export';

describe(buildSubjectAccessExport.name, () => {
  it('should merge the sections of every holder by kind, in the order asked', () => {
    const sut = buildSubjectAccessExport(
      'p1',
      [
        { kind: 'identities', rows: [{ kind: 'email', value: 'a@x' }] },
        { kind: 'evidence', rows: [] },
        { kind: 'identities', rows: [{ kind: 'github', value: 'a-gh' }] },
      ],
      new Date('2026-11-29T00:00:00Z'),
    );
    expect(sut).toEqual({
      personId: 'p1',
      exportedAt: '2026-11-29T00:00:00.000Z',
      data: {
        identities: [
          { kind: 'email', value: 'a@x' },
          { kind: 'github', value: 'a-gh' },
        ],
        evidence: [],
      },
    });
  });
});

describe(subjectAccessCsv.name, () => {
  it('should write one line per field of every record, nested values as JSON, empty kinds as (none)', () => {
    const csv = subjectAccessCsv({
      personId: 'p1',
      exportedAt: '2026-11-29T00:00:00.000Z',
      data: {
        'survey-answers': [{ survey: 's1', answers: { tools: ['cursor'], note: 'a, "b"' } }],
        evidence: [],
        findings: [{ tool: 'cursor', acceptedUntil: null, score: 40 }],
      },
    });
    const rows = parse(csv) as string[][];
    expect(rows).toEqual([
      ['kind', 'record', 'field', 'value'],
      ['person', '0', 'personId', 'p1'],
      ['person', '0', 'exportedAt', '2026-11-29T00:00:00.000Z'],
      ['survey-answers', '1', 'survey', 's1'],
      ['survey-answers', '1', 'answers', '{"tools":["cursor"],"note":"a, \\"b\\""}'],
      ['evidence', '', '', '(none)'],
      ['findings', '1', 'tool', 'cursor'],
      ['findings', '1', 'acceptedUntil', ''],
      ['findings', '1', 'score', '40'],
    ]);
  });

  it('should neutralise a value a spreadsheet would run as a formula', () => {
    const csv = subjectAccessCsv({
      personId: 'p1',
      exportedAt: 'x',
      data: { 'survey-answers': [{ comment: '=HYPERLINK("http://evil")' }] },
    });
    expect(csv).toContain(`'=HYPERLINK`);
  });
});
