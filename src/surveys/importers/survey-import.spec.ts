import { SurveyImportError } from './import-error';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { microsoftFormsXlsx } from '../../../test/support/survey-fixtures';
import { testToolMatcher } from '../../../test/support/test-tool-matcher';
import { importSurveyExport, planSurveyTable, readSurveyTable } from './survey-import';
import { resolveSurveyTools } from './tool-mentions';

const FIXTURES = join(__dirname, '../../../test/fixtures/surveys');
const SAMPLE = join(__dirname, '../../../../shared/samples/surveys/qualtrics_sample_ropensci.csv');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const matcher = testToolMatcher();

describe(importSurveyExport.name, () => {
  it('should read Microsoft Forms XLSX with trailing-semicolon multi-select when exported via Excel', async () => {
    const sut = await importSurveyExport(await microsoftFormsXlsx());
    expect(sut.format).toBe('microsoft-forms');
    expect(sut.questions.map((q) => [q.text, q.kind])).toEqual([
      ['Which AI tools do you use?', 'multiple'],
      ['How often do you use AI tools?', 'single'],
      ['Anything else?', 'text'],
    ]);
    expect(sut.responses[0]).toEqual({
      respondentKey: 'alice@example.com',
      respondentKeyKind: 'email',
      submittedAt: '2026-11-24T09:04:30.000Z',
      answers: {
        which_ai_tools_do_you_use: ['GitHub Copilot', 'ChatGPT'],
        how_often_do_you_use_ai_tools: 'Daily',
        anything_else: 'Claude Code for refactors',
      },
    });
    // "anonymous" is no e-mail: the form's response id keys the respondent.
    expect(sut.responses[1]).toMatchObject({ respondentKey: '2', respondentKeyKind: 'id' });
    expect(resolveSurveyTools(sut, matcher).counts).toEqual({
      'github-copilot': 1,
      chatgpt: 1,
      'claude-code': 1,
      cursor: 1,
    });
  });

  it('should split comma-joined checkboxes and read locale times when given a Google Forms CSV', async () => {
    const sut = await importSurveyExport(fixture('google-forms.csv'));
    expect(sut.format).toBe('google-forms');
    const [alice, bob, carol] = sut.responses;
    expect(alice.submittedAt).toBe('2026-09-06T00:06:16.000Z');
    expect(bob).toMatchObject({
      respondentKey: 'bob@example.com',
      submittedAt: '2026-11-24T13:45:00.000Z',
    });
    expect(carol.submittedAt).toBe('2026-11-24T13:05:00.000Z');
    expect(alice.answers.which_ai_tools_do_you_use).toEqual(['GitHub Copilot', 'ChatGPT']);
    expect(bob.answers.which_ai_tools_do_you_use).toEqual(['Cursor']);
    expect(sut.questions.find((q) => q.key === 'anything_else')?.kind).toBe('text');
    const tools = resolveSurveyTools(sut, matcher);
    // Free text names count; the wish-list question does not.
    expect(tools.perResponse).toEqual([
      ['chatgpt', 'claude-code', 'github-copilot'],
      ['cursor'],
      ['chatgpt', 'cursor', 'github-copilot'],
    ]);
  });

  it('should forward-fill headers, read expanded options, other text and a matrix when given SurveyMonkey', async () => {
    const sut = await importSurveyExport(fixture('surveymonkey.csv'));
    expect(sut.format).toBe('surveymonkey');
    expect(sut.questions.map((q) => [q.key, q.kind])).toEqual([
      ['which_ai_tools_do_you_use', 'multiple'],
      ['which_ai_tools_do_you_use_other', 'text'],
      ['how_often_do_you_use_ai_tools', 'single'],
      ['how_confident_are_you_with_ai_output', 'matrix'],
      ['anything_else', 'text'],
    ]);
    expect(sut.responses[0].answers.which_ai_tools_do_you_use).toEqual([
      'GitHub Copilot',
      'ChatGPT',
    ]);
    expect(sut.responses[0].answers.which_ai_tools_do_you_use_other).toBe('Claude Code');
    expect(sut.responses[1].submittedAt).toBe('2026-11-24T23:03:00.000Z');
    expect(sut.responses[2]).toMatchObject({ respondentKey: '11403', respondentKeyKind: 'id' });
    expect(resolveSurveyTools(sut, matcher).counts).toEqual({
      'github-copilot': 2,
      chatgpt: 1,
      'claude-code': 1,
      cursor: 1,
    });
  });

  it('should group split choice columns and ignore topic columns when given Qualtrics with three header rows', async () => {
    const sut = await importSurveyExport(fixture('qualtrics.csv'));
    expect(sut.format).toBe('qualtrics');
    expect(sut.questions.map((q) => [q.key, q.text, q.kind])).toEqual([
      ['Q1', 'Which AI tools do you use?', 'multiple'],
      ['Q1_4_TEXT', 'Which AI tools do you use? - Other - Text', 'text'],
      ['Q2', 'How often do you use AI tools?', 'single'],
      ['Q3', 'What data goes into them?', 'multiple'],
      ['Q4', 'Anything else?', 'text'],
    ]);
    expect(sut.responses.map((r) => r.respondentKey)).toEqual([
      'alice@example.com',
      'bob@example.com',
      'R_ccc333',
    ]);
    expect(sut.responses[1].answers).toEqual({
      Q1: ['Cursor', 'Other'],
      Q1_4_TEXT: 'Windsurf',
      Q2: 'Weekly',
      Q3: ['Public code'],
    });
    expect(sut.responses[0].answers.Q3).toEqual(['Internal code', 'Public code']);
    expect(resolveSurveyTools(sut, matcher).counts).toEqual({
      'github-copilot': 1,
      chatgpt: 2,
      'claude-code': 1,
      cursor: 1,
      windsurf: 1,
    });
  });

  const sampleIt = existsSync(SAMPLE) ? it : it.skip;
  sampleIt(
    'should read the real Qualtrics export with German labels when the shared sample is present',
    async () => {
      const sut = await importSurveyExport(readFileSync(SAMPLE));
      expect(sut.format).toBe('qualtrics');
      expect(sut.questions.map((q) => [q.key, q.text])).toEqual([
        ['Q1', 'This is a multiple choice question.'],
        ['Q2', 'This is a free text question.'],
      ]);
      expect(sut.responses).toEqual([
        {
          respondentKey: 'R_2YPOQ602ER1jkf1',
          respondentKeyKind: 'id',
          submittedAt: '2017-07-18T08:28:48.000Z',
          answers: { Q1: '2', Q2: 'Hello World!' },
        },
      ]);
    },
  );

  it('should read one column per choice and an Other column when given an older Typeform export', async () => {
    const sut = await importSurveyExport(fixture('typeform-choice-columns.csv'));
    expect(sut.format).toBe('typeform');
    const [tools] = sut.questions;
    expect(tools.kind).toBe('multiple');
    expect(sut.responses[0]).toMatchObject({
      respondentKey: 'alice@example.com',
      submittedAt: '2026-11-24T10:04:00.000Z',
    });
    expect(sut.responses[0].answers[tools.key]).toEqual(['GitHub Copilot', 'Cursor']);
    expect(sut.responses[1].answers[tools.key]).toEqual(['ChatGPT', 'Claude Code']);
  });

  it('should split joined choices and key by response token when given a newer Typeform export', async () => {
    const sut = await importSurveyExport(fixture('typeform-joined.csv'));
    expect(sut.format).toBe('typeform');
    expect(sut.responses[0]).toMatchObject({ respondentKey: 'tf01', respondentKeyKind: 'token' });
    expect(sut.responses[0].answers.which_ai_tools_do_you_use).toEqual([
      'GitHub Copilot',
      'Cursor',
    ]);
    expect(resolveSurveyTools(sut, matcher).counts).toEqual({
      'github-copilot': 1,
      cursor: 2,
      chatgpt: 2,
    });
  });

  it('should read numbered headlines and skip option-id columns when given a Formbricks export', async () => {
    const sut = await importSurveyExport(fixture('formbricks.csv'));
    expect(sut.format).toBe('formbricks');
    expect(sut.questions.map((q) => [q.key, q.text])).toEqual([
      ['q1', 'Which AI tools do you use?'],
      ['q2', 'How often do you use AI tools?'],
      ['q3', 'Anything else?'],
    ]);
    expect(sut.responses[0]).toMatchObject({
      respondentKey: 'alice@example.com',
      answers: { q1: ['GitHub Copilot', 'Cursor'] },
    });
    expect(sut.responses[1]).toMatchObject({ respondentKey: 'clx2resp', respondentKeyKind: 'id' });
    expect(resolveSurveyTools(sut, matcher).counts).toEqual({
      'github-copilot': 1,
      cursor: 1,
      chatgpt: 1,
      'claude-code': 1,
    });
  });

  it('should read Y-marked subquestions, other text and an array as a matrix when given LimeSurvey code headings', async () => {
    const sut = await importSurveyExport(fixture('limesurvey-code.csv'));
    expect(sut.format).toBe('limesurvey');
    expect(sut.questions.map((q) => [q.key, q.kind])).toEqual([
      ['Q1', 'multiple'],
      ['Q1_other', 'text'],
      ['Q2', 'single'],
      ['Q3', 'matrix'],
      ['Q4', 'text'],
    ]);
    expect(sut.responses[0]).toMatchObject({
      respondentKey: 'tok-alice',
      respondentKeyKind: 'token',
      answers: { Q1: ['SQ001', 'SQ003'] },
    });
    expect(sut.responses[1].answers).toMatchObject({ Q1: ['SQ002'], Q1_other: 'Windsurf' });
    // An unfinished response has no submit date but is still kept.
    expect(sut.responses[2]).toMatchObject({
      respondentKey: 'tok-carol',
      submittedAt: null,
      answers: {},
    });
  });

  it('should read long answer text in underscore subquestion columns when given an older LimeSurvey export', async () => {
    const sut = await importSurveyExport(fixture('limesurvey-long.csv'));
    expect(sut.questions[0]).toMatchObject({ key: 'Q2', kind: 'multiple' });
    expect(sut.responses[0].answers.Q2).toEqual(['GitHub Copilot', 'Cursor']);
    expect(sut.responses[1].answers).toMatchObject({ Q2: ['ChatGPT'], Q2_other: 'claude code' });
    expect(resolveSurveyTools(sut, matcher).counts).toEqual({
      'github-copilot': 1,
      cursor: 1,
      chatgpt: 1,
      'claude-code': 1,
    });
  });

  it('should pick the ticked tools when a LimeSurvey export has full question texts as headings and Yes/No answers', async () => {
    const csv = [
      '"Response ID","Date submitted","Last page","Start language","Seed","Which AI tools do you use? [GitHub Copilot]","Which AI tools do you use? [ChatGPT]","Which AI tools do you use? [Other]"',
      '"1","2026-11-24 10:00:00","2","en","7","Yes","No",""',
      '"2","2026-11-24 10:05:00","2","en","8","No","Yes","claude code"',
    ].join('\n');
    const sut = await importSurveyExport(Buffer.from(csv));
    expect(sut.format).toBe('limesurvey');
    expect(sut.responses.map((r) => r.answers)).toEqual([
      { which_ai_tools_do_you_use: ['GitHub Copilot'] },
      { which_ai_tools_do_you_use: ['ChatGPT'], which_ai_tools_do_you_use_other: 'claude code' },
    ]);
    expect(resolveSurveyTools(sut, matcher).counts).toEqual({
      'github-copilot': 1,
      chatgpt: 1,
      'claude-code': 1,
    });
  });

  it('should warn when LimeSurvey options are subquestion codes only', async () => {
    const sut = await importSurveyExport(fixture('limesurvey-code.csv'));
    expect(sut.warnings).toEqual([
      expect.stringMatching(
        /^Q1: options are subquestion codes only \(Q1\[SQ001\], Q1\[SQ002\], Q1\[SQ003\]\)/,
      ),
    ]);
  });

  it('should apply a column mapping that renames, merges and ignores columns when the CoE adjusts it', async () => {
    const sut = await importSurveyExport(fixture('typeform-choice-columns.csv'), {
      mapping: {
        'GitHub Copilot': 'tools',
        ChatGPT: 'tools',
        Cursor: 'tools',
        Other: 'tools_other',
        'How often do you use AI tools?': null,
      },
    });
    expect(sut.questions.map((q) => [q.key, q.kind])).toEqual([
      ['tools', 'multiple'],
      ['tools_other', 'single'],
    ]);
    expect(sut.responses[1].answers).toEqual({ tools: ['ChatGPT'], tools_other: 'Claude Code' });
  });

  it('should reject a mapping that names an unknown column', async () => {
    await expect(
      importSurveyExport(fixture('formbricks.csv'), { mapping: { Nope: 'x' } }),
    ).rejects.toThrow(/no column "Nope"/);
  });

  it('should name the header when the vendor is not recognised', async () => {
    await expect(
      importSurveyExport(Buffer.from('a,b\n1,2\n'), { fileName: 'x.csv' }),
    ).rejects.toThrow(/x\.csv: line 1: unrecognised survey export header \(a, b\)/);
  });

  it('should honour an explicit format over detection', async () => {
    const table = await readSurveyTable(fixture('google-forms.csv'));
    expect(planSurveyTable(table, { format: 'google-forms' }).format).toBe('google-forms');
  });

  it('should read a Latin-1 export as such and say so, without a replacement character', async () => {
    const csv = [
      'Timestamp,Email Address,Which AI tools do you use?,Anything else?',
      '2026/11/24 9:00:00 AM GMT+1,jurgen@example.com,GitHub Copilot,Très utile — für Größeres',
      '2026/11/24 9:05:00 AM GMT+1,zoe@example.com,ChatGPT,Déjà vu',
    ].join('\n');
    const sut = await importSurveyExport(Buffer.from(csv.replace('—', '-'), 'latin1'), {
      fileName: 'latin1.csv',
    });
    const text = JSON.stringify(sut.responses);
    expect(text).not.toContain('\uFFFD');
    expect(text).toContain('Très utile - für Größeres');
    expect(text).toContain('Déjà vu');
    expect(sut.warnings).toContain('latin1.csv: read as windows-1252 text (it is not UTF-8)');
  });

  it('should refuse a cut-off CSV or a broken workbook with the importer error, naming the file', async () => {
    await expect(
      importSurveyExport(Buffer.from('Timestamp,Email Address\n9/6/2026 0:06:16,"alice'), {
        fileName: 'cut.csv',
      }),
    ).rejects.toThrow(/^cut\.csv: line \d+: .*Quote Not Closed.*cut short/);
    await expect(
      importSurveyExport(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), { fileName: 'broken.xlsx' }),
    ).rejects.toThrow(SurveyImportError);
  });
});

describe('adoption question kinds in vendor exports', () => {
  it('should read a Qualtrics matrix, NPS, rank order, number and agreement labels', async () => {
    const sut = await importSurveyExport(fixture('qualtrics-adoption.csv'));
    expect(sut.questions.map((q) => [q.key, q.kind])).toEqual([
      ['Q1', 'matrix'],
      ['Q2', 'nps'],
      ['Q3', 'ranking'],
      ['Q4', 'number'],
      ['Q5', 'likert'],
    ]);
    expect(sut.questions[0].items).toEqual(['Coding', 'Code review']);
    expect(sut.responses[0].answers).toEqual({
      Q1: { Coding: '4', 'Code review': '2' },
      Q2: '9',
      Q3: ['Unclear policy', 'Time', 'Trust in the output'],
      Q4: '3.5',
      Q5: '4',
    });
    expect(sut.responses[2].answers.Q1).toEqual({ Coding: '3' });
  });
});
