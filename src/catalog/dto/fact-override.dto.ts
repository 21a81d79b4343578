import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { FACT_PLANS, PLAN_FACT_KEYS, TOOL_FACT_KEYS } from '../facts/vendor-facts.types';

const FACTS = [...TOOL_FACT_KEYS, ...PLAN_FACT_KEYS];

/** One vendor fact the organisation adds or corrects; checked as the catalog's facts files are. */
export class FactOverrideDto {
  @ApiProperty({ enum: FACTS })
  @IsIn(FACTS, { message: `fact must be one of ${FACTS.join(', ')}` })
  fact: string;

  @ApiPropertyOptional({
    enum: FACT_PLANS,
    nullable: true,
    description: 'required for trainsOnInputs, retention and zeroRetention; left out otherwise',
  })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsIn(FACT_PLANS, { message: `plan must be one of ${FACT_PLANS.join(', ')}` })
  plan?: string | null;

  @ApiProperty({
    description:
      'yes | no | not-stated; retention as the vendor words it; region codes; certifications; {sso, scim, adminConsole, auditLog}',
    example: 'no',
  })
  @IsDefined()
  value: unknown;

  @ApiProperty({
    description: "an https URL of the vendor's own page",
    example: 'https://vendor.example/terms',
  })
  @IsString()
  @MaxLength(2000)
  source: string;

  @ApiProperty({ description: 'the date the source was read, YYYY-MM-DD', example: '2026-11-29' })
  @IsString()
  checked: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class RemoveFactOverrideQueryDto {
  @ApiProperty({ enum: FACTS })
  @IsIn(FACTS, { message: `fact must be one of ${FACTS.join(', ')}` })
  fact: string;

  @ApiPropertyOptional({ enum: FACT_PLANS })
  @IsOptional()
  @IsIn(FACT_PLANS, { message: `plan must be one of ${FACT_PLANS.join(', ')}` })
  plan?: string;
}
