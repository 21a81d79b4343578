import { isIn, isInt, max, maxLength, min } from 'class-validator';
import type { Answers, QuestionDefinition } from '../survey.types';

export const MAX_TEXT_ANSWER = 4000;

export interface AnswerError {
  key: string;
  message: string;
}

/**
 * Normalise the posted form fields (strings, or arrays for checkboxes) to answers, checking each
 * against its question with class-validator's validators. A draft ("save") skips the required check.
 */
export function validateAnswers(
  questions: QuestionDefinition[],
  posted: Record<string, unknown>,
  mode: 'save' | 'submit',
): { answers: Answers; errors: AnswerError[] } {
  const answers: Answers = {};
  const errors: AnswerError[] = [];
  for (const question of questions) {
    const raw = posted[`q_${question.key}`];
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
      .filter((v): v is string => typeof v === 'string')
      .map((v) => v.trim())
      .filter(Boolean);
    const fail = (message: string) => errors.push({ key: question.key, message });
    if (values.length === 0) {
      if (question.required && mode === 'submit') fail(`"${question.text}" needs an answer.`);
      continue;
    }
    const allowed = (question.options ?? []).map((o) => o.value);
    switch (question.kind) {
      case 'single':
        if (values.length > 1 || !isIn(values[0], allowed))
          fail(`Choose one of the listed answers for "${question.text}".`);
        else answers[question.key] = values[0];
        break;
      case 'multiple':
        if (!values.every((v) => isIn(v, allowed)))
          fail(`Choose only listed answers for "${question.text}".`);
        else answers[question.key] = [...new Set(values)];
        break;
      case 'tool-picker':
        if (!values.every((v) => isIn(v, allowed)))
          fail(`Choose only listed tools for "${question.text}".`);
        else if (!question.multiple && values.length > 1)
          fail(`Choose one tool for "${question.text}".`);
        else answers[question.key] = question.multiple ? [...new Set(values)] : values[0];
        break;
      case 'scale': {
        const scale = question.scale ?? { min: 1, max: 5 };
        const n = Number(values[0]);
        if (!isInt(n) || !min(n, scale.min) || !max(n, scale.max))
          fail(`Pick a number from ${scale.min} to ${scale.max} for "${question.text}".`);
        else answers[question.key] = String(n);
        break;
      }
      case 'text':
        if (!maxLength(values[0], MAX_TEXT_ANSWER))
          fail(`Keep "${question.text}" under ${MAX_TEXT_ANSWER} characters.`);
        else answers[question.key] = values[0];
        break;
    }
  }
  return { answers, errors };
}
