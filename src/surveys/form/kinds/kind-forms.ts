import type { QuestionKind } from '../../survey.types';
import { choiceForm } from './choice.kind';
import type { KindForm } from './kind-form';
import { matrixForm } from './matrix.kind';
import { numberForm } from './number.kind';
import { rankingForm } from './ranking.kind';
import { scaleForm } from './scale.kind';
import { textForm } from './text.kind';

/** Each question kind's form handling; the compiler flags a kind without one. */
export const KIND_FORMS: Record<QuestionKind, KindForm> = {
  single: choiceForm,
  multiple: choiceForm,
  'tool-picker': choiceForm,
  scale: scaleForm,
  likert: scaleForm,
  nps: scaleForm,
  text: textForm,
  number: numberForm,
  matrix: matrixForm,
  ranking: rankingForm,
};
