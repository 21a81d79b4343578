import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { QuestionDto } from '../../../surveys/dto/survey.dto';
import type { QuestionDefinition } from '../../../surveys/survey.types';
import type { CoeFieldError } from '../coe-form';

/**
 * The API's input rules for one question (lengths, key pattern, condition and translation
 * shapes), run on what the editor built, so both ways in accept the same questions.
 */
export function questionShapeErrors(q: QuestionDefinition): CoeFieldError[] {
  const dto = plainToInstance(QuestionDto, { ...q, role: q.role ?? undefined });
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  return errors.flatMap((e) => flatten(e, e.property));
}

function flatten(e: ValidationError, field: string): CoeFieldError[] {
  const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
  return [...own, ...(e.children ?? []).flatMap((c) => flatten(c, field))];
}
