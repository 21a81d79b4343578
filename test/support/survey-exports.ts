import ExcelJS from 'exceljs';

// One set of answers written the way each vendor's export dialog writes it, option by option.
// Every layout must give the same respondents per tool (EXPECTED_TOOLS).

export interface Respondent {
  email: string;
  token: string;
  /** the options ticked in "Which AI tools do you use?", by index into OPTIONS */
  picked: number[];
  /** the text of the "Other" option, when ticked */
  other: string;
  /** index into FREQUENCY */
  often: number;
  comment: string;
}

export const TOOLS_Q = 'Which AI tools do you use?';
export const OFTEN_Q = 'How often do you use AI tools?';
export const COMMENT_Q = 'Anything else?';
export const OPTIONS = ['GitHub Copilot', 'ChatGPT', 'Cursor'];
// LimeSurvey subquestion codes a survey author chose for the options.
export const OPTION_CODES = ['copilot', 'chatgpt', 'cursor'];
export const FREQUENCY = ['Daily', 'Weekly', 'Monthly', 'Never'];

export const RESPONDENTS: Respondent[] = [
  { email: 'alice@example.com', token: 'tok-a', picked: [0, 1], other: '', often: 0, comment: '' },
  {
    email: 'bob@example.com',
    token: 'tok-b',
    picked: [2],
    other: 'Claude Code',
    often: 1,
    comment: '',
  },
  {
    email: 'carol@example.com',
    token: 'tok-c',
    picked: [1, 2],
    other: '',
    often: 0,
    comment: 'no longer use Copilot',
  },
  { email: 'dan@example.com', token: 'tok-d', picked: [], other: '', often: 3, comment: '' },
];

/** Respondents per tool that every layout of RESPONDENTS must give. */
export const EXPECTED_TOOLS = { 'github-copilot': 1, chatgpt: 2, cursor: 2, 'claude-code': 1 };

export interface ExportVariant {
  vendor: string;
  /** the export options, as the vendor's dialog names them */
  options: string;
  fileName: string;
  /** the rows of the sheet; XLSX variants write them as a workbook */
  rows: (string | number | Date)[][];
  /** the CSV field separator the dialog was set to (comma unless said) */
  separator?: string;
}

const picks = (r: Respondent) => RESPONDENTS.indexOf(r);
const chosen = (r: Respondent) => [
  ...r.picked.map((i) => OPTIONS[i]),
  ...(r.other ? [r.other] : []),
];
const time = (i: number) => new Date(Date.UTC(2026, 10, 24, 9 + i, 4, 30));
const stamp = (i: number) => time(i).toISOString().slice(0, 19).replace('T', ' ');

/** Writes rows as a vendor writes CSV: quoted where needed, or every field when `quoteAll`. */
export function toCsv(rows: ExportVariant['rows'], quoteAll = false, separator = ','): Buffer {
  const cell = (v: string | number | Date) => {
    const text = v instanceof Date ? v.toISOString() : String(v);
    return quoteAll || /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return Buffer.from(rows.map((row) => row.map(cell).join(separator)).join('\r\n') + '\r\n');
}

export async function toXlsx(rows: ExportVariant['rows']): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function variantBytes(v: ExportVariant): Promise<Buffer> {
  if (v.fileName.endsWith('.xlsx')) return toXlsx(v.rows);
  return toCsv(v.rows, v.vendor === 'limesurvey', v.separator);
}

// ---- LimeSurvey: headings code / EM code / full / abbreviated / code & text, spaces to
// underscores; responses as answer codes (optionally Y/N converted) or full answers.

type LimeHeading = 'code' | 'em' | 'full' | 'abbreviated' | 'codetext' | 'underscores';
type LimeAnswers = 'short' | 'long' | 'convert';

const LIME_META: [string, string][] = [
  ['id', 'Response ID'],
  ['submitdate', 'Date submitted'],
  ['lastpage', 'Last page'],
  ['startlanguage', 'Start language'],
  ['seed', 'Seed'],
  ['token', 'Access code'],
  ['startdate', 'Date started'],
  ['datestamp', 'Date last action'],
];

function limeHeading(heading: LimeHeading, code: string, text: string, sub?: string): string {
  // LimeSurvey abbreviates each text part to 15 characters followed by "..".
  const abbreviate = (s: string) => (s.length > 15 ? `${s.slice(0, 15)}.. ` : s);
  const full = sub === undefined ? text : `${text} [${sub}]`;
  switch (heading) {
    case 'code':
      return code;
    case 'em':
      return code.replace(/\[([^\]]+)\]/, '_$1');
    case 'full':
      return full;
    case 'abbreviated':
      return sub === undefined ? abbreviate(text) : `${abbreviate(text)} [${abbreviate(sub)}]`;
    case 'codetext':
      return `${code}. ${full}`;
    case 'underscores':
      return full.replace(/ /g, '_');
  }
}

function limeSurvey(heading: LimeHeading, answers: LimeAnswers, ext: string): ExportVariant {
  const header = [
    ...LIME_META.map(([code, text]) => limeHeading(heading, code, text)),
    ...OPTIONS.map((o, i) => limeHeading(heading, `Q1[${OPTION_CODES[i]}]`, TOOLS_Q, o)),
    limeHeading(heading, 'Q1[other]', TOOLS_Q, 'Other'),
    limeHeading(heading, 'Q2', OFTEN_Q),
    limeHeading(heading, 'Q3', COMMENT_Q),
  ];
  const mark = (on: boolean) =>
    ({ short: on ? 'Y' : '', long: on ? 'Yes' : 'No', convert: on ? '1' : '0' })[answers];
  const rows = RESPONDENTS.map((r) => [
    String(picks(r) + 1),
    stamp(picks(r)),
    '2',
    'en',
    String(1000 + picks(r)),
    r.token,
    stamp(picks(r)),
    stamp(picks(r)),
    ...OPTIONS.map((_, i) => mark(r.picked.includes(i))),
    r.other,
    answers === 'long' ? FREQUENCY[r.often] : `A${r.often + 1}`,
    r.comment,
  ]);
  const options = `headings: ${heading}; responses: ${answers}`;
  return {
    vendor: 'limesurvey',
    options,
    fileName: `limesurvey-${heading}-${answers}.${ext}`,
    rows: [header, ...rows],
  };
}

// ---- Qualtrics: choice text or numeric values, multi-value fields split into columns or not.

const QUALTRICS_META = [
  ['StartDate', 'Start Date', '{"ImportId":"startDate","timeZone":"UTC"}'],
  ['EndDate', 'End Date', '{"ImportId":"endDate","timeZone":"UTC"}'],
  ['Status', 'Response Type', '{"ImportId":"status"}'],
  ['Progress', 'Progress', '{"ImportId":"progress"}'],
  ['Finished', 'Finished', '{"ImportId":"finished"}'],
  ['RecordedDate', 'Recorded Date', '{"ImportId":"recordedDate","timeZone":"UTC"}'],
  ['ResponseId', 'Response ID', '{"ImportId":"_recordId"}'],
  ['RecipientEmail', 'Recipient Email', '{"ImportId":"recipientEmail"}'],
];

interface QualtricsExtras {
  /** "Recode seen but unanswered questions as -99" */
  seenUnanswered?: boolean;
  /** "Export viewing order data for randomized surveys" */
  displayOrder?: boolean;
}

function qualtrics(
  values: 'text' | 'numeric',
  split: boolean,
  ext: string,
  extras: QualtricsExtras = {},
): ExportVariant {
  const choices = [...OPTIONS, 'Other'];
  const toolColumns = split
    ? choices.map((c, i) => [
        `Q1_${i + 1}`,
        `${TOOLS_Q} - Selected Choice - ${c}`,
        `{"ImportId":"QID1_${i + 1}"}`,
      ])
    : [['Q1', `${TOOLS_Q} - Selected Choice`, '{"ImportId":"QID1"}']];
  const columns = [
    ...QUALTRICS_META,
    ...toolColumns,
    ['Q1_4_TEXT', `${TOOLS_Q} - Other - Text`, '{"ImportId":"QID1_4_TEXT"}'],
    ['Q2', OFTEN_Q, '{"ImportId":"QID2"}'],
    ['Q3', COMMENT_Q, '{"ImportId":"QID3_TEXT"}'],
    ...(extras.displayOrder
      ? [['Q1_DO', `${TOOLS_Q} - Display Order`, '{"ImportId":"QID1_DO"}']]
      : []),
  ];
  const choice = (i: number) => (values === 'text' ? choices[i] : String(i + 1));
  const rows = RESPONDENTS.map((r) => {
    const ticked = [...r.picked, ...(r.other ? [3] : [])];
    // A question seen and left unanswered is written as -99 when the option is set.
    const unanswered = extras.seenUnanswered && ticked.length === 0 ? '-99' : '';
    const tools = split
      ? choices.map((_, i) => (ticked.includes(i) ? choice(i) : unanswered))
      : [ticked.map(choice).join(',') || unanswered];
    return [
      stamp(picks(r)),
      stamp(picks(r)),
      '0',
      '100',
      '1',
      stamp(picks(r)),
      `R_${r.token}`,
      r.email,
      ...tools,
      r.other,
      values === 'text' ? FREQUENCY[r.often] : String(r.often + 1),
      r.comment,
      ...(extras.displayOrder ? ['4|2|1|3'] : []),
    ];
  });
  const extra = [
    extras.seenUnanswered ? '; seen but unanswered as -99' : '',
    extras.displayOrder ? '; viewing order' : '',
  ].join('');
  return {
    vendor: 'qualtrics',
    options: `${values === 'text' ? 'use choice text' : 'use numeric values'}; ${split ? 'split' : 'do not split'} multi-value fields${extra}`,
    fileName: `qualtrics-${values}-${split ? 'split' : 'joined'}${extras.seenUnanswered ? '-99' : ''}${extras.displayOrder ? '-order' : ''}.${ext}`,
    rows: [0, 1, 2].map((h) => columns.map((c) => c[h])).concat(rows),
  };
}

// ---- SurveyMonkey: expanded or condensed columns, actual answer text or numerical values.

const MONKEY_META = [
  'Respondent ID',
  'Collector ID',
  'Start Date',
  'End Date',
  'IP Address',
  'Email Address',
  'First Name',
  'Last Name',
  'Custom Data 1',
];

function surveyMonkey(columns: 'expanded' | 'condensed', cells: 'text' | 'numeric', ext: string) {
  const us = (i: number) => {
    const t = time(i);
    return `${t.getUTCMonth() + 1}/${t.getUTCDate()}/${t.getUTCFullYear()} ${t.getUTCHours()}:04:30 AM`;
  };
  const expanded = columns === 'expanded';
  const first = [...MONKEY_META, TOOLS_Q, ...(expanded ? ['', ''] : []), '', OFTEN_Q, COMMENT_Q];
  const second = [
    ...MONKEY_META.map(() => ''),
    ...(expanded ? OPTIONS : ['Response']),
    'Other (please specify)',
    'Response',
    'Open-Ended Response',
  ];
  const value = (i: number) => (cells === 'text' ? OPTIONS[i] : String(i + 1));
  const rows = RESPONDENTS.map((r) => [
    String(11400 + picks(r)),
    '4001',
    us(picks(r)),
    us(picks(r)),
    `10.0.0.${picks(r) + 1}`,
    r.email,
    '',
    '',
    '',
    ...(expanded
      ? OPTIONS.map((_, i) => (r.picked.includes(i) ? value(i) : ''))
      : [r.picked.map(value).join(', ')]),
    r.other,
    cells === 'text' ? FREQUENCY[r.often] : String(r.often + 1),
    r.comment,
  ]);
  return {
    vendor: 'surveymonkey',
    options: `${columns} columns; ${cells === 'text' ? 'actual answer text' : 'numerical value'}`,
    fileName: `surveymonkey-${columns}-${cells}.${ext}`,
    rows: [first, second, ...rows],
  };
}

// ---- Google Forms (the linked sheet downloaded as CSV or XLSX), e-mails collected or not.

function googleForms(emails: boolean, ext: string): ExportVariant {
  const header = ['Timestamp', ...(emails ? ['Email Address'] : []), TOOLS_Q, OFTEN_Q, COMMENT_Q];
  const rows = RESPONDENTS.map((r) => {
    const t = time(picks(r));
    const when =
      ext === 'xlsx'
        ? t
        : `${t.getUTCMonth() + 1}/${t.getUTCDate()}/${t.getUTCFullYear()} ${t.getUTCHours()}:04:30`;
    // "Other" answers are written into the same cell as the ticked options.
    return [
      when,
      ...(emails ? [r.email] : []),
      chosen(r).join(', '),
      FREQUENCY[r.often],
      r.comment,
    ];
  });
  return {
    vendor: 'google-forms',
    options: emails ? 'e-mails collected' : 'no e-mails',
    fileName: `google-forms-${emails ? 'emails' : 'anonymous'}.${ext}`,
    rows: [header, ...rows],
  };
}

// ---- Microsoft Forms ("Open in Excel"): identified, anonymous, quiz.

export const MS_FORMS_META = [
  'ID',
  'Start time',
  'Completion time',
  'Email',
  'Name',
  'Last modified time',
];

function microsoftForms(kind: 'identified' | 'anonymous' | 'quiz'): ExportVariant {
  const quiz = kind === 'quiz';
  const header = [
    ...MS_FORMS_META,
    ...(quiz ? ['Total points', 'Quiz feedback'] : []),
    TOOLS_Q,
    ...(quiz ? [`Points - ${TOOLS_Q}`, `Feedback - ${TOOLS_Q}`] : []),
    OFTEN_Q,
    COMMENT_Q,
  ];
  const rows = RESPONDENTS.map((r) => {
    const tools = chosen(r);
    return [
      picks(r) + 1,
      time(picks(r)),
      time(picks(r)),
      kind === 'anonymous' ? 'anonymous' : r.email,
      kind === 'anonymous' ? '' : r.email.split('@')[0],
      '',
      ...(quiz ? ['0', ''] : []),
      tools.length ? `${tools.join(';')};` : '',
      ...(quiz ? ['', ''] : []),
      FREQUENCY[r.often],
      r.comment,
    ];
  });
  return {
    vendor: 'microsoft-forms',
    options: kind,
    fileName: `microsoft-forms-${kind}.xlsx`,
    rows: [header, ...rows],
  };
}

// ---- Typeform: one column per choice (older exports) or choices joined (newer), CSV or XLSX.

function typeform(choices: 'columns' | 'joined', ext: string): ExportVariant {
  const trailer = ['Start Date (UTC)', 'Submit Date (UTC)', 'Network ID'];
  const header =
    choices === 'columns'
      ? ['#', ...OPTIONS, 'Other', OFTEN_Q, COMMENT_Q, 'email', ...trailer]
      : ['#', TOOLS_Q, OFTEN_Q, COMMENT_Q, 'email', ...trailer];
  const rows = RESPONDENTS.map((r) => [
    `tf${r.token}`,
    ...(choices === 'columns'
      ? [...OPTIONS.map((o, i) => (r.picked.includes(i) ? o : '')), r.other]
      : [chosen(r).join(', ')]),
    FREQUENCY[r.often],
    r.comment,
    r.email,
    stamp(picks(r)),
    stamp(picks(r)),
    `net${picks(r)}`,
  ]);
  return {
    vendor: 'typeform',
    options: choices === 'columns' ? 'one column per choice' : 'choices in one column',
    fileName: `typeform-${choices}.${ext}`,
    rows: [header, ...rows],
  };
}

// ---- Formbricks: CSV or XLSX download.

function formbricks(ext: string): ExportVariant {
  const header = [
    'No.',
    'Response ID',
    'Timestamp',
    'Finished',
    'Survey ID',
    'Formbricks ID (internal)',
    'User ID',
    'Tags',
    `1. ${TOOLS_Q}`,
    `1. ${TOOLS_Q} - Option ID`,
    `2. ${OFTEN_Q}`,
    `3. ${COMMENT_Q}`,
    'Verified Email',
  ];
  const rows = RESPONDENTS.map((r) => [
    String(picks(r) + 1),
    `resp-${r.token}`,
    stamp(picks(r)),
    'Completed',
    'survey-1',
    `fb-${picks(r)}`,
    '',
    '',
    chosen(r).join('; '),
    r.picked.map((i) => `opt${i + 1}`).join('; '),
    FREQUENCY[r.often],
    r.comment,
    r.email,
  ]);
  return {
    vendor: 'formbricks',
    options: ext.toUpperCase(),
    fileName: `formbricks.${ext}`,
    rows: [header, ...rows],
  };
}

function withSeparator(v: ExportVariant, separator: string, name: string): ExportVariant {
  return {
    ...v,
    separator,
    options: `${v.options}; CSV field separator: ${name}`,
    fileName: v.fileName.replace(/\.csv$/, `-${name}.csv`),
  };
}

/** Every export option of every vendor, each holding RESPONDENTS. */
export function surveyExportVariants(): ExportVariant[] {
  const lime: [LimeHeading, LimeAnswers][] = [
    ['code', 'short'],
    ['code', 'long'],
    ['em', 'short'],
    ['full', 'short'],
    ['full', 'long'],
    ['full', 'convert'],
    ['abbreviated', 'long'],
    ['codetext', 'short'],
    ['underscores', 'long'],
  ];
  return [
    ...lime.map(([h, a]) => limeSurvey(h, a, 'csv')),
    withSeparator(limeSurvey('full', 'long', 'csv'), ';', 'semicolon'),
    withSeparator(limeSurvey('code', 'short', 'csv'), '\t', 'tab'),
    limeSurvey('full', 'long', 'xlsx'),
    limeSurvey('code', 'short', 'xlsx'),
    qualtrics('text', true, 'csv'),
    qualtrics('numeric', true, 'csv'),
    qualtrics('text', false, 'csv'),
    qualtrics('text', true, 'xlsx'),
    qualtrics('numeric', true, 'csv', { seenUnanswered: true, displayOrder: true }),
    qualtrics('text', false, 'csv', { seenUnanswered: true }),
    surveyMonkey('expanded', 'text', 'csv'),
    surveyMonkey('expanded', 'numeric', 'csv'),
    surveyMonkey('condensed', 'text', 'csv'),
    surveyMonkey('expanded', 'text', 'xlsx'),
    googleForms(true, 'csv'),
    googleForms(false, 'csv'),
    googleForms(true, 'xlsx'),
    microsoftForms('identified'),
    microsoftForms('anonymous'),
    microsoftForms('quiz'),
    typeform('columns', 'csv'),
    typeform('joined', 'csv'),
    typeform('joined', 'xlsx'),
    formbricks('csv'),
    formbricks('xlsx'),
  ];
}

/** Layouts that hold only codes for the options: no file of theirs can say which tool was meant. */
export function codeOnlyVariants(): ExportVariant[] {
  const sq = limeSurvey('code', 'short', 'csv');
  sq.rows[0] = sq.rows[0].map((h) =>
    String(h).replace(
      /\[(copilot|chatgpt|cursor)\]/,
      (_, c) => `[SQ00${OPTION_CODES.indexOf(c) + 1}]`,
    ),
  );
  sq.fileName = 'limesurvey-code-sq.csv';
  return [sq, qualtrics('numeric', false, 'csv')];
}
