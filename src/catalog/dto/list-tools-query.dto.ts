import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  POLICY_STATUSES,
  SIGNALS,
  TOOL_CATEGORIES,
  type PolicyStatus,
  type Signal,
  type ToolCategory,
} from '../catalog.types';

export class ListToolsQueryDto {
  @ApiPropertyOptional({ enum: TOOL_CATEGORIES })
  @IsOptional()
  @IsIn(TOOL_CATEGORIES, { message: `category must be one of ${TOOL_CATEGORIES.join(', ')}` })
  category?: ToolCategory;

  @ApiPropertyOptional({ enum: POLICY_STATUSES })
  @IsOptional()
  @IsIn(POLICY_STATUSES, { message: `status must be one of ${POLICY_STATUSES.join(', ')}` })
  status?: PolicyStatus;

  @ApiPropertyOptional({ enum: SIGNALS })
  @IsOptional()
  @IsIn(SIGNALS, { message: `signal must be one of ${SIGNALS.join(', ')}` })
  signal?: Signal;

  @ApiPropertyOptional({ description: 'search id, name, vendor and aliases' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
