import type { ColumnSpec, SurveyImporter } from './import.types';
import { columnValues, looksJoined } from './plan.util';

const QUESTION = /^(\d+)\.\s+(.+)$/;

export const formbricksImporter: SurveyImporter = {
  format: 'formbricks',
  detect(table) {
    return (table[0] ?? []).some((h) => h.trim() === 'Formbricks ID (internal)');
  },
  plan(table) {
    const header = (table[0] ?? []).map((h) => h.trim());
    const columns = header.map((text, index): ColumnSpec => {
      const lower = text.toLowerCase();
      if (lower === 'response id') return { index, header: text, role: 'respondent-id' };
      if (lower === 'timestamp') return { index, header: text, role: 'submitted-at' };
      if (lower === 'user id') return { index, header: text, role: 'respondent-token' };
      // "Verified Email" may read "Not verified"; non-addresses fall back to the next key.
      if (lower === 'verified email' || lower === 'person.email') {
        return { index, header: text, role: 'respondent-email' };
      }
      const question = QUESTION.exec(text);
      // "N. headline - Option ID" repeats a choice answer as option ids: not an answer of its own.
      if (!question || / - Option ID$/i.test(text)) return { index, header: text, role: 'ignore' };
      const joined = looksJoined(columnValues(table, 1, index), '; ', text);
      return {
        index,
        header: text,
        role: 'question',
        questionKey: `q${question[1]}`,
        questionText: question[2],
        encoding: joined ? 'joined' : 'value',
        separator: joined ? '; ' : undefined,
      };
    });
    return { format: 'formbricks', headerRows: 1, columns };
  },
};
