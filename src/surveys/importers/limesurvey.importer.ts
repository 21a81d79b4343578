import type { ColumnSpec, SurveyImporter } from './import.types';
import {
  LIME_META_ROLES,
  limeMetaName,
  parseLimeHeading,
  underscoredHeadings,
  type LimeHeading,
} from './limesurvey-headings';
import { arrayColumns } from './limesurvey-arrays';
import { uniqueKey } from './microsoft-forms.importer';
import { columnValues, isMark, slugKey } from './plan.util';

interface SubColumn {
  index: number;
  header: string;
  heading: LimeHeading;
  comment: boolean;
  other: boolean;
}

export const limeSurveyImporter: SurveyImporter = {
  format: 'limesurvey',
  detect(table) {
    const header = table[0] ?? [];
    const underscored = underscoredHeadings(header);
    const names = new Set(header.map((h) => limeMetaName(parseLimeHeading(h, underscored))));
    return (
      (names.has('submitdate') || names.has('date submitted')) &&
      (names.has('lastpage') || names.has('last page'))
    );
  },
  plan(table) {
    const header = (table[0] ?? []).map((h) => h.trim());
    const underscored = underscoredHeadings(header);
    const used = new Set<string>();
    const columns: ColumnSpec[] = [];
    const warnings: string[] = [];
    const groups = new Map<string, SubColumn[]>();
    header.forEach((text, index) => {
      const heading = parseLimeHeading(text, underscored);
      const meta = limeMetaName(heading);
      if (meta)
        return columns.push({ index, header: text, role: LIME_META_ROLES[meta] ?? 'ignore' });
      if (heading.subCode !== undefined || heading.subText !== undefined) {
        const base = heading.code ?? heading.text ?? text;
        const sub = (heading.subCode ?? heading.subText ?? '').toLowerCase();
        const subText = (heading.subText ?? '').toLowerCase();
        groups.set(base, [
          ...(groups.get(base) ?? []),
          {
            index,
            header: text,
            heading,
            comment: sub.endsWith('comment') || subText.endsWith('comment'),
            other: sub === 'other' || (!heading.subCode && subText === 'other'),
          },
        ]);
        return;
      }
      columns.push({
        index,
        header: text,
        role: 'question',
        questionKey: uniqueKey(keyOf(heading, index), used),
        questionText: heading.text ?? heading.code ?? text,
        encoding: 'value',
      });
    });
    for (const subs of groups.values()) {
      // "Which tools [optional]" alone in a text heading is a question whose wording has
      // brackets, not a group of one subquestion (code headings always name the code).
      const lone = subs.length === 1 && !subs[0].heading.code && !subs[0].comment && !subs[0].other;
      if (lone)
        columns.push({
          index: subs[0].index,
          header: subs[0].header,
          role: 'question',
          questionKey: uniqueKey(slugKey(subs[0].header, `q${subs[0].index}`), used),
          questionText: subs[0].header,
          encoding: 'value',
        });
      else columns.push(...groupColumns(table, subs, used, warnings));
    }
    columns.sort((a, b) => a.index - b.index);
    return { format: 'limesurvey', headerRows: 1, columns, warnings };
  },
};

function keyOf(heading: LimeHeading, index: number): string {
  if (heading.code && /^[A-Za-z][A-Za-z0-9_]{0,47}$/.test(heading.code)) return heading.code;
  return slugKey(heading.text ?? '', `q${index}`);
}

/**
 * How a multiple-choice group marks its options: Y/blank (answer codes), Yes/No (full answers),
 * the converted pair ("Convert Y to 1, N to 2"), or each column its own option text (older
 * versions). Anything else is an array question whose rows are questions of their own.
 */
function choiceMarking(
  table: string[][],
  choices: SubColumn[],
): { kind: 'marks'; unselected?: string } | { kind: 'texts' } | undefined {
  const values = choices.flatMap((s) => columnValues(table, 1, s.index));
  const distinct = [...new Set(values)];
  if (distinct.every(isMark)) return { kind: 'marks' };
  if (distinct.length === 2 && distinct.some(isMark) && distinct.some((v) => !isMark(v)))
    return { kind: 'marks', unselected: distinct.find((v) => !isMark(v)) };
  const own = choices.every((s) => new Set(columnValues(table, 1, s.index)).size <= 1);
  return own ? { kind: 'texts' } : undefined;
}

function groupColumns(
  table: string[][],
  subs: SubColumn[],
  used: Set<string>,
  warnings: string[],
): ColumnSpec[] {
  const first = subs[0].heading;
  const key = uniqueKey(keyOf(first, subs[0].index), used);
  const questionText = first.text ?? first.code ?? subs[0].header;
  const choices = subs.filter((s) => !s.comment && !s.other);
  const array = arrayColumns(table, choices, key, questionText, !!choiceMarking(table, choices));
  const marking = array ? undefined : choiceMarking(table, choices);
  const specs: ColumnSpec[] = [];
  const codeOnly: string[] = [];
  for (const s of subs) {
    const subName = s.heading.subText ?? s.heading.subCode ?? s.header;
    if (s.comment || s.other) {
      specs.push({
        index: s.index,
        header: s.header,
        role: 'question',
        questionKey: uniqueKey(`${key}_${s.other ? 'other' : slugKey(subName, 'comment')}`, used),
        questionText: `${questionText} [${subName}]`,
        encoding: 'value',
        kind: 'text',
      });
    } else if (array) {
      specs.push(array.find((a) => a.index === s.index) as ColumnSpec);
    } else if (marking) {
      const ownText = columnValues(table, 1, s.index).find((v) => !isMark(v));
      const option =
        marking.kind === 'texts' ? (ownText ?? subName) : (s.heading.subText ?? s.heading.subCode);
      if (
        !s.heading.subText &&
        /^SQ\d+$/i.test(s.heading.subCode ?? '') &&
        marking.kind === 'marks'
      )
        codeOnly.push(s.header);
      specs.push({
        index: s.index,
        header: s.header,
        role: 'question',
        questionKey: key,
        questionText,
        encoding: 'flag',
        option: option ?? s.header,
        ...(marking.kind === 'marks' && marking.unselected !== undefined
          ? { unselected: marking.unselected }
          : {}),
      });
    } else {
      specs.push({
        index: s.index,
        header: s.header,
        role: 'question',
        questionKey: uniqueKey(
          `${key}_${s.heading.subCode ?? slugKey(subName, String(s.index))}`,
          used,
        ),
        questionText: `${questionText} [${subName}]`,
        encoding: 'value',
      });
    }
  }
  if (codeOnly.length > 0)
    warnings.push(
      `${questionText}: options are subquestion codes only (${codeOnly.join(', ')}); export with "Full question text" headings to read which tools were ticked`,
    );
  return specs;
}
