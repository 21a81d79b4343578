import {
  columnLetter,
  directoryPreviewView,
  parseScanForm,
  parseSurveyImportConfirm,
  surveyImportPreviewView,
} from './sources.view';

describe(parseScanForm.name, () => {
  it('should read a local path or a GitHub owner, by the kind chosen', () => {
    expect(parseScanForm({ kind: 'local', path: ' /srv/checkouts/api ', owner: 'x' })).toEqual({
      request: { path: '/srv/checkouts/api' },
      errors: [],
    });
    expect(parseScanForm({ kind: 'github', owner: 'acme-corp' }).request).toEqual({
      owner: 'acme-corp',
    });
  });

  it('should name the field that is missing or malformed', () => {
    expect(parseScanForm({ kind: 'github', owner: 'acme/corp' }).errors[0].field).toBe('owner');
    expect(parseScanForm({ kind: 'local' }).errors[0].field).toBe('path');
    expect(parseScanForm({}).errors[0].field).toBe('kind');
  });
});

describe(columnLetter.name, () => {
  it('should count like a spreadsheet', () => {
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });
});

describe(surveyImportPreviewView.name, () => {
  it('should show the format and what each column becomes', () => {
    const sut = surveyImportPreviewView({
      format: 'google-forms',
      headerRows: 1,
      columns: [
        { index: 0, header: 'Timestamp', role: 'submitted-at' },
        { index: 1, header: 'Email Address', role: 'respondent-email' },
        {
          index: 2,
          header: 'Which tools?',
          role: 'question',
          questionKey: 'q1',
          questionText: 'Which tools?',
          encoding: 'joined',
          separator: ';',
        },
        { index: 3, header: 'Notes', role: 'ignore' },
      ],
      warnings: ['options exported as codes'],
    });
    expect(sut.format).toBe('Google forms');
    expect(sut.questions).toBe(1);
    expect(sut.rows.map((r) => [r.column, r.readAs, r.detail])).toEqual([
      ['A', 'Submission time', ''],
      ['B', 'Respondent e-mail', ''],
      ['C', 'Question', 'several options, separated by ";"'],
      ['D', 'Ignored', ''],
    ]);
    expect(sut.warnings).toEqual(['options exported as codes']);
  });
});

describe(directoryPreviewView.name, () => {
  it('should label fields and mark ignored columns', () => {
    const sut = directoryPreviewView({
      error: null,
      columns: [
        { index: 0, header: 'Mail', field: 'email' },
        { index: 1, header: 'Desk', field: null },
      ],
    });
    expect(sut.rows.map((r) => [r.readAs, r.ignored])).toEqual([
      ['Email', false],
      ['Ignored', true],
    ]);
  });
});

describe(parseSurveyImportConfirm.name, () => {
  it('should need the previewed upload and a privacy mode', () => {
    const upload = '0b6c3a0e-9a59-4c8e-9a5e-3f1f3f3f3f3f';
    expect(parseSurveyImportConfirm({ upload, privacyMode: 'pseudonymous', title: 'T' })).toEqual({
      request: { uploadId: upload, privacyMode: 'pseudonymous', title: 'T' },
      errors: [],
    });
    expect(
      parseSurveyImportConfirm({ upload: '../etc/passwd', privacyMode: 'x' }).errors.map(
        (e) => e.field,
      ),
    ).toEqual(['upload', 'privacyMode']);
  });
});
