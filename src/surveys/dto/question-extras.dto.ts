import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';
import { conditionShapeProblem } from '../logic/condition';
import type { Condition } from '../survey.types';

const KEY = /^[A-Za-z][\w.-]{0,63}$/;
const LANG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const TRANSLATION_FIELDS = ['text', 'help', 'minLabel', 'maxLabel', 'unit', 'title'];

export class NumberSpecDto {
  @ApiProperty({ description: 'shown beside the input, e.g. "hours per week"' })
  @IsString()
  @MaxLength(60)
  unit: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber()
  min?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber()
  max?: number;

  @ApiPropertyOptional({ description: 'whole numbers only' })
  @IsOptional()
  @IsBoolean()
  integer?: boolean;
}

/** A showIf condition: { question, op, value? } or { all: [...] } / { any: [...] }. */
export function IsCondition(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isCondition',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => value === null || conditionShapeProblem(value) === null,
        defaultMessage: (args) =>
          `${args?.property}: ${conditionShapeProblem(args?.value) ?? 'not a condition'}`,
      },
    });
}

function translationProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'an object keyed by language tag';
  const langs = Object.entries(value as Record<string, unknown>);
  if (langs.length > 40) return 'at most 40 languages';
  for (const [lang, t] of langs) {
    if (!LANG.test(lang)) return `"${lang}" is not a BCP-47 language tag`;
    if (typeof t !== 'object' || t === null || Array.isArray(t)) return `${lang}: an object`;
    for (const [field, v] of Object.entries(t as Record<string, unknown>)) {
      if (TRANSLATION_FIELDS.includes(field)) {
        if (typeof v !== 'string' || v.length > 1000) return `${lang}.${field}: text up to 1000`;
      } else if (field === 'options' || field === 'items') {
        if (typeof v !== 'object' || v === null || Array.isArray(v))
          return `${lang}.${field}: an object of value → label`;
        if (Object.values(v).some((l) => typeof l !== 'string' || l.length > 300))
          return `${lang}.${field}: labels are text up to 300`;
      } else return `${lang}: unknown field ${field}`;
    }
  }
  return null;
}

/** Wording per language: { "de": { text, help, options: { value: label }, … } }. */
export function IsTranslations(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isTranslations',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => translationProblem(value) === null,
        defaultMessage: (args) => `${args?.property}: ${translationProblem(args?.value)}`,
      },
    });
}

export class SectionDto {
  @ApiProperty()
  @Matches(KEY, { message: 'section key must start with a letter (letters, digits, _ . -)' })
  key: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ description: 'show the section only when this holds on earlier answers' })
  @IsOptional()
  @IsCondition()
  showIf?: Condition | null;

  @ApiPropertyOptional({ description: '{ lang: { title } }' })
  @IsOptional()
  @IsTranslations()
  translations?: Record<string, { title?: string }>;
}
