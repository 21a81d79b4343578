import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DATA_CLASSES, POLICY_STATUSES, type DataClass, type PolicyStatus } from '../catalog.types';

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
}
