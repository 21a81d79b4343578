import type { ColumnSpec, SurveyImporter } from './import.types';
import { uniqueKey } from './microsoft-forms.importer';
import { columnValues, looksJoined, looksLikeEmail, slugKey } from './plan.util';

export const googleFormsImporter: SurveyImporter = {
  format: 'google-forms',
  detect(table) {
    const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
    return header[0] === 'timestamp';
  },
  plan(table) {
    const header = table[0] ?? [];
    const used = new Set<string>();
    const columns = header.map((raw, index): ColumnSpec => {
      const text = raw.trim();
      const lower = text.toLowerCase();
      if (index === 0) return { index, header: text, role: 'submitted-at' };
      const values = columnValues(table, 1, index);
      if (lower === 'email address' || lower === 'username') {
        return { index, header: text, role: 'respondent-email' };
      }
      if (/e-?mail/.test(lower) && values.length > 0 && values.every(looksLikeEmail)) {
        return { index, header: text, role: 'respondent-email' };
      }
      // Checkbox answers are joined with ", " - ambiguous when an option has a comma, so
      // only columns whose pieces recur across respondents are split (the CoE can remap).
      const joined = looksJoined(values, ', ', text);
      return {
        index,
        header: text,
        role: 'question',
        questionKey: uniqueKey(slugKey(text, `q${index}`), used),
        questionText: text,
        encoding: joined ? 'joined' : 'value',
        separator: joined ? ', ' : undefined,
      };
    });
    // Without an e-mail column, a response is known only by its row: number them.
    return { format: 'google-forms', headerRows: 1, columns };
  },
};
