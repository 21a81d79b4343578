import { MS_FORMS_META, toXlsx } from './survey-exports';

// Exports holding the adoption question kinds, laid out as the vendor writes them, for the
// vendors whose export is a workbook (Microsoft Forms "Open in Excel").

const at = (day: number, hour: number) => new Date(Date.UTC(2026, 2, day, hour, 0, 0));

/** Microsoft Forms: Likert statements as "Question.Statement" columns, ranking as "a;b;c;". */
export function microsoftFormsAdoptionRows(): (string | number | Date)[][] {
  const likert = 'How much do you agree with each statement?';
  return [
    [
      ...MS_FORMS_META,
      `${likert}.I trust AI output in code`,
      `${likert}.I know which data I may paste`,
      'How likely are you to recommend our AI tools to a colleague?',
      'Rank what holds you back',
      'Time saved per week (hours)',
      'How would you rate our AI training?',
      'Which AI tools do you use?',
    ],
    [
      1,
      at(2, 9),
      at(2, 9),
      'ana@example.com',
      'Ana Alves',
      '',
      'Agree',
      'Strongly agree',
      9,
      'Unclear policy;Time;Trust in the output;',
      3.5,
      4,
      'GitHub Copilot;ChatGPT;',
    ],
    [
      2,
      at(2, 10),
      at(2, 10),
      'ben@example.com',
      'Ben Berg',
      '',
      'Neutral',
      'Agree',
      6,
      'Time;Trust in the output;Unclear policy;',
      1,
      5,
      'Cursor;',
    ],
    [
      3,
      at(3, 11),
      at(3, 11),
      'cy@example.com',
      'Cy Cole',
      '',
      'Disagree',
      '',
      11,
      'Trust in the output;Unclear policy;Time;',
      12,
      3,
      'ChatGPT;',
    ],
    [
      4,
      at(3, 12),
      at(3, 12),
      'anonymous',
      '',
      '',
      'Strongly agree',
      'Agree',
      10,
      'Time;Time;Unclear policy;',
      2,
      2,
      'GitHub Copilot;Cursor;',
    ],
  ];
}

export const microsoftFormsAdoptionXlsx = (): Promise<Buffer> =>
  toXlsx(microsoftFormsAdoptionRows());
