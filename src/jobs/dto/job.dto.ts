import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export class DiagnosticsJobDto {
  @ApiPropertyOptional({ type: Number, default: 10 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  steps = 10;

  @ApiPropertyOptional({ type: Number, default: 100, description: 'pause per step, milliseconds' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  stepMs = 100;
}

export class ListJobsDto {
  @ApiPropertyOptional({ enum: ['queued', 'running', 'completed', 'failed'] })
  @IsOptional()
  @IsIn(['queued', 'running', 'completed', 'failed'])
  state?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() name?: string;

  @ApiPropertyOptional({ type: Number, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 50;
}
