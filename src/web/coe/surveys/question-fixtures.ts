// Questions the editor's specs share.
import type { QuestionDefinition } from '../../../surveys/survey.types';

export const FREQUENCY_QUESTION: QuestionDefinition = {
  key: 'frequency',
  text: 'How often?',
  kind: 'single',
  required: true,
  options: [
    { value: 'daily', label: 'Daily' },
    { value: 'never', label: 'Never' },
  ],
};
