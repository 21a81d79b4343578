import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { DATA_CLASSES, POLICY_STATUSES, type DataClass, type PolicyStatus } from '../catalog.types';
import { FACT_PLANS, type FactPlan } from '../facts/vendor-facts.types';

export class SetPolicyDto {
  @ApiProperty({ enum: POLICY_STATUSES })
  @IsIn(POLICY_STATUSES, { message: `status must be one of ${POLICY_STATUSES.join(', ')}` })
  status: PolicyStatus;

  @ApiPropertyOptional({ enum: DATA_CLASSES, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(DATA_CLASSES, {
    each: true,
    message: `dataClasses must hold only ${DATA_CLASSES.join(', ')}`,
  })
  dataClasses?: DataClass[];

  @ApiPropertyOptional({ description: "allowed only through the organisation's own tenant" })
  @IsOptional()
  @IsBoolean()
  tenantBound?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({
    description: 'who answers for the tool (a team or role), for the AI register; null clears it',
    nullable: true,
  })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsString()
  @MaxLength(500)
  owner?: string | null;

  @ApiPropertyOptional({ description: 'what the tool is used for; null clears it', nullable: true })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsString()
  @MaxLength(500)
  purpose?: string | null;

  @ApiPropertyOptional({
    description: 'date the decision is due for review, YYYY-MM-DD; null clears it',
    nullable: true,
    example: '2027-06-30',
  })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'nextReview must be a date written YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'nextReview must be a real calendar date' })
  nextReview?: string | null;

  @ApiPropertyOptional({
    enum: FACT_PLANS,
    nullable: true,
    description:
      'the plan the organisation holds; its vendor facts govern sanctioned and tolerated use. Left out keeps it, null clears it',
  })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsIn(FACT_PLANS, { message: `plan must be one of ${FACT_PLANS.join(', ')}` })
  plan?: FactPlan | null;
}
