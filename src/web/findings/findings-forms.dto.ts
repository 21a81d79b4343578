import { Transform } from 'class-transformer';
import { BlankAsAbsent, OptionalDate, OptionalNumber } from '../console/form-transforms';
import {
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { SIGNALS } from '../../catalog/catalog.types';
import { STRENGTHS, type Strength } from '../../evidence/confidence';
import {
  RISK_TIERS,
  SUBJECT_TYPES,
  TRIAGE_STATES,
  type RiskTier,
  type SubjectType,
  type TriageState,
} from '../../findings/findings.types';

/** The filters of the triage queue, as its GET form sends them (shareable URLs). */
export class FindingsFilterForm {
  @IsOptional() @BlankAsAbsent() @IsIn(RISK_TIERS) tier?: RiskTier;
  @IsOptional() @BlankAsAbsent() @IsString() @MaxLength(200) toolId?: string;
  @IsOptional() @BlankAsAbsent() @IsString() @MaxLength(500) team?: string;
  @IsOptional() @BlankAsAbsent() @IsIn(TRIAGE_STATES) triageState?: TriageState;
  @IsOptional() @BlankAsAbsent() @IsIn(SIGNALS) signal?: string;
  @IsOptional() @BlankAsAbsent() @IsIn(STRENGTHS) strength?: Strength;
  @IsOptional() @BlankAsAbsent() @IsIn(SUBJECT_TYPES) subjectType?: SubjectType;

  @IsOptional()
  @OptionalNumber()
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;
}

/** The console's triage actions (reopen stays with the API). */
export const CONSOLE_TRIAGE_ACTIONS = [
  'acknowledge',
  'accept',
  'remediate',
  'mark-false-positive',
] as const;
export type ConsoleTriageAction = (typeof CONSOLE_TRIAGE_ACTIONS)[number];

/** One finding's triage form, or the bulk form of the list (with `ids`). */
export class TriageForm {
  @IsIn(CONSOLE_TRIAGE_ACTIONS, { message: 'choose an action' })
  action: ConsoleTriageAction;

  /** accept: the risk is accepted until the end of this day (UTC) */
  @IsOptional()
  @OptionalDate()
  @IsDate({ message: 'accepted until must be a date' })
  acceptedUntil?: Date;

  @IsOptional() @BlankAsAbsent() @IsString() @MaxLength(4000) comment?: string;

  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === undefined ? undefined : Array.isArray(value) ? value : [value],
  )
  @IsUUID('all', { each: true })
  ids?: string[];

  /** the list page to return to after a bulk action */
  @IsOptional() @IsString() @MaxLength(2000) back?: string;
}
