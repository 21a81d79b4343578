import { PageQueryDto } from '../../common/page-query.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDate,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { RISK_TIERS, SUBJECT_TYPES, TRIAGE_STATES } from '../findings.types';
import type { RiskTier, SubjectType, TriageState } from '../findings.types';
import { TRIAGE_ACTIONS } from '../triage/triage-state-machine';
import { STRENGTHS, type Strength } from '../../evidence/confidence';
import { SIGNALS } from '../../catalog/catalog.types';
import type { TriageAction } from '../triage/triage-state-machine';

export class ListFindingsDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() toolId?: string;

  @ApiPropertyOptional({ enum: RISK_TIERS }) @IsOptional() @IsIn(RISK_TIERS) tier?: RiskTier;

  @ApiPropertyOptional({ enum: TRIAGE_STATES })
  @IsOptional()
  @IsIn(TRIAGE_STATES)
  triageState?: TriageState;

  @ApiPropertyOptional({ enum: SUBJECT_TYPES })
  @IsOptional()
  @IsIn(SUBJECT_TYPES)
  subjectType?: SubjectType;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  shadow?: boolean;

  @ApiPropertyOptional({
    enum: STRENGTHS,
    description: 'claim: counted as use; lead: weak evidence only, kept for review',
  })
  @IsOptional()
  @IsIn(STRENGTHS)
  strength?: Strength;

  @ApiPropertyOptional({ description: 'only findings with evidence of this signal (the source)' })
  @IsOptional()
  @IsIn(SIGNALS)
  signal?: string;

  @ApiPropertyOptional({ description: "the owning team's path: its people and its repositories" })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  team?: string;
}

export class TriageDto {
  @ApiProperty({ enum: TRIAGE_ACTIONS })
  @IsIn(TRIAGE_ACTIONS)
  action: TriageAction;

  @ApiPropertyOptional({ description: 'required for accept: the risk is accepted until then' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  acceptedUntil?: Date;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) assignee?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) comment?: string;
}

export class AssignDto {
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) assignee?:
    string | null;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) comment?: string;
}

export class CommentDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(4000) comment: string;
}
