import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { SURVEY_FORMATS } from '../importers/import.types';
import { SURVEY_TEMPLATES, type SurveyTemplate } from '../survey-templates';
import {
  PRIVACY_MODES,
  QUESTION_KINDS,
  QUESTION_ROLES,
  type PrivacyMode,
  type QuestionKind,
  type Condition,
  type QuestionRole,
  type QuestionTranslation,
} from '../survey.types';
import { IsCondition, IsTranslations, NumberSpecDto, SectionDto } from './question-extras.dto';
import { SurveyTextsDto } from './survey-texts.dto';

export class CreateSurveyDto extends SurveyTextsDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiProperty({ enum: PRIVACY_MODES })
  @IsIn(PRIVACY_MODES)
  privacyMode: PrivacyMode;

  @ApiPropertyOptional({ description: 'k-anonymity threshold; defaults to PRIVACY_K_DEFAULT (5)' })
  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(1000)
  k?: number;

  @ApiPropertyOptional({ enum: SURVEY_TEMPLATES, description: 'default ai-usage-inventory' })
  @IsOptional()
  @IsIn(SURVEY_TEMPLATES)
  template?: SurveyTemplate;
}

export class QuestionOptionDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  value: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  label: string;
}

export class ScaleDto {
  @IsInt()
  @Min(0)
  @Max(10)
  min: number;

  @IsInt()
  @Min(1)
  @Max(10)
  max: number;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  minLabel?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  maxLabel?: string;
}

export class QuestionDto {
  @ApiProperty()
  @Matches(/^[A-Za-z][\w.-]{0,63}$/, {
    message: 'key must start with a letter and hold letters, digits, _ . - (max 64)',
  })
  key: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  text: string;

  @ApiProperty({ enum: QUESTION_KINDS })
  @IsIn(QUESTION_KINDS)
  kind: QuestionKind;

  @ApiProperty()
  @IsBoolean()
  required: boolean;

  @ApiPropertyOptional({ enum: QUESTION_ROLES })
  @IsOptional()
  @IsIn(QUESTION_ROLES)
  role?: QuestionRole;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  help?: string;

  @ApiPropertyOptional({
    type: [QuestionOptionDto],
    description: 'tool-picker: leave empty to offer the whole catalog',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => QuestionOptionDto)
  options?: QuestionOptionDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  multiple?: boolean;

  @ApiPropertyOptional({
    type: ScaleDto,
    description:
      'scale; likert (1–5 or 1–7, labelled ends); nps (0–10, labels only); matrix columns',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ScaleDto)
  scale?: ScaleDto;

  @ApiPropertyOptional({ description: 'key of the survey section the question belongs to' })
  @IsOptional()
  @Matches(/^[A-Za-z][\w.-]{0,63}$/, { message: 'section must be a section key' })
  section?: string | null;

  @ApiPropertyOptional({ type: [QuestionOptionDto], description: 'matrix: its rows' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => QuestionOptionDto)
  items?: QuestionOptionDto[];

  @ApiPropertyOptional({ type: NumberSpecDto, description: 'number: unit and bounds' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NumberSpecDto)
  number?: NumberSpecDto;

  @ApiPropertyOptional({
    description:
      'show only when this holds on earlier answers: { question, op, value? } with op answered, not-answered, equals, not-equals, includes, not-includes, gte, lte; or { all: [...] } / { any: [...] }',
  })
  @IsOptional()
  @IsCondition()
  showIf?: Condition | null;

  @ApiPropertyOptional({
    description:
      '{ lang: { text, help, options: {value: label}, items, minLabel, maxLabel, unit } }',
  })
  @IsOptional()
  @IsTranslations()
  translations?: Record<string, QuestionTranslation>;
}

export class ReplaceQuestionsDto {
  @ApiProperty({ type: [QuestionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => QuestionDto)
  questions: QuestionDto[];

  @ApiPropertyOptional({
    type: [SectionDto],
    description: 'the survey’s sections in order (one form page each); omitted: kept as they are',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SectionDto)
  sections?: SectionDto[];
}

/** How links are handed out: returned (JSON or mail-merge CSV), or e-mailed by a job. */
export class SendRemindersDto {
  @ApiPropertyOptional({ type: Number, description: 'days the new links stay valid (default 30)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  expiresInDays?: number;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'true: e-mail each person their link through SMTP_URL instead of returning the links; answers 202 with the send job (GET /api/jobs/:id: progress = sent/total, result = counts and failed recipients); 503 when SMTP_URL is not set',
  })
  @IsOptional()
  @IsBoolean()
  send?: boolean;
}

export class IssueInvitationsDto extends SendRemindersDto {
  @ApiPropertyOptional({ description: 'people to invite' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100_000)
  @IsUUID('all', { each: true })
  personIds?: string[];

  @ApiPropertyOptional({ description: 'invite a team and every team below it' })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({ description: 'invite everyone in the directory' })
  @IsOptional()
  @IsBoolean()
  everyone?: boolean;
}

export class ImportSurveyQueryDto {
  @ApiPropertyOptional({ enum: ['auto', ...SURVEY_FORMATS] })
  @IsOptional()
  @IsIn(['auto', ...SURVEY_FORMATS])
  format?: 'auto' | (typeof SURVEY_FORMATS)[number];

  @ApiPropertyOptional({
    description: 'JSON object: column header or "#index" → question key, or null to ignore',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  mapping?: string;
}

export class ExportSurveyQueryDto {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'] })
  @IsOptional()
  @IsIn(['csv', 'xlsx'])
  format?: 'csv' | 'xlsx';
}
