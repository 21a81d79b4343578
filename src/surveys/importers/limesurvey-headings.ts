// LimeSurvey writes a response column's heading in one of several modes, chosen in its export
// dialog: the question code (`Q1[SQ001]`, or `Q1_SQ001` as an ExpressionScript code), the full
// question text (`Which AI tools do you use? [ChatGPT]`), the text abbreviated to 15 characters
// per part (`Which AI tools .. [ChatGPT]`), code and text (`Q1[SQ001]. Which AI tools … [ChatGPT]`),
// any text mode with spaces turned to underscores. Meta columns follow the same mode
// (`submitdate`, `Date submitted`, `submitdate. Date submitted`, `Date_submitted`).

export interface LimeHeading {
  /** the question code, when the heading carries it */
  code?: string;
  /** the subquestion code (`SQ001`, `other`, `SQ001comment`) */
  subCode?: string;
  /** the question text, when the heading carries it */
  text?: string;
  /** the subquestion text (`ChatGPT`, `Other`) */
  subText?: string;
}

const META_CODES = new Set([
  'id',
  'submitdate',
  'lastpage',
  'startlanguage',
  'seed',
  'token',
  'startdate',
  'datestamp',
  'ipaddr',
  'refurl',
]);
const CODE = String.raw`[A-Za-z][A-Za-z0-9]*`;
const BRACKETED_CODE = new RegExp(String.raw`^(${CODE})\[([^\]]+)\](?:\[([^\]]+)\])?$`);
const EM_CODE = new RegExp(String.raw`^(${CODE})_(SQ\d+|other|[A-Za-z0-9]+?)(comment)?$`, 'i');
const CODE_AND_TEXT = new RegExp(String.raw`^(${CODE}(?:\[[^\]]+\]){0,2})\.\s+(.*)$`);
const TEXT_WITH_SUB = /^(.*?)\s*\[([^\]]*)\]\s*$/;

/** Whether the export turned spaces in headings into underscores (text modes only). */
export function underscoredHeadings(header: string[]): boolean {
  return header.some((h) => /^(?:\w+\.\s*)?date_submitted$/i.test(h.trim()));
}

export function parseLimeHeading(raw: string, underscored: boolean): LimeHeading {
  const heading = raw.trim();
  const both = CODE_AND_TEXT.exec(heading);
  if (both) {
    const code = parseCode(both[1]);
    if (code) return { ...code, ...parseText(both[2], underscored) };
  }
  if (!underscored) {
    const code = parseCode(heading);
    if (code) return code;
  }
  return parseText(heading, underscored);
}

function parseCode(text: string): LimeHeading | undefined {
  const bracketed = BRACKETED_CODE.exec(text);
  if (bracketed) {
    const sub = bracketed[3] ? `${bracketed[2]}${bracketed[3]}` : bracketed[2];
    return { code: bracketed[1], subCode: sub };
  }
  if (META_CODES.has(text.toLowerCase())) return { code: text };
  const em = EM_CODE.exec(text);
  if (em) return { code: em[1], subCode: `${em[2]}${em[3] ?? ''}` };
  return /^[A-Za-z][A-Za-z0-9]{0,19}$/.test(text) ? { code: text } : undefined;
}

function parseText(text: string, underscored: boolean): LimeHeading {
  const spaced = underscored ? text.replace(/_/g, ' ') : text;
  // An abbreviated part ends in "..": the words before it are all the export kept.
  const clean = (s: string) => s.replace(/\s*\.\.\s*$/, '').trim();
  const sub = TEXT_WITH_SUB.exec(spaced);
  if (sub) return { text: clean(sub[1]), subText: clean(sub[2]) };
  return { text: clean(spaced) };
}

/** Meta column names in code and in text mode, lower-cased. */
export const LIME_META_ROLES: Record<
  string,
  'respondent-id' | 'submitted-at' | 'respondent-token'
> = {
  id: 'respondent-id',
  'response id': 'respondent-id',
  submitdate: 'submitted-at',
  'date submitted': 'submitted-at',
  token: 'respondent-token',
  'access code': 'respondent-token',
};

export const LIME_IGNORED = new Set([
  'lastpage',
  'last page',
  'startlanguage',
  'start language',
  'seed',
  'startdate',
  'date started',
  'datestamp',
  'date last action',
  'date last actio',
  'ipaddr',
  'ip address',
  'refurl',
  'referrer url',
  'referring url',
]);

/** The name of a meta column in any heading mode, lower-cased; undefined for questions. */
export function limeMetaName(h: LimeHeading): string | undefined {
  if (h.subCode || h.subText) return undefined;
  const names = [h.code, h.text].filter((n): n is string => !!n).map((n) => n.toLowerCase());
  return names.find((n) => n in LIME_META_ROLES || LIME_IGNORED.has(n));
}
