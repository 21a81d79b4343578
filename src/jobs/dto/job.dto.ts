import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

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

  @ApiPropertyOptional({ type: Number, description: 'fail at this step (checks the failure path)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  failAtStep?: number;

  @ApiPropertyOptional({ enum: ['invalid-input', 'transient'] })
  @IsOptional()
  @IsIn(['invalid-input', 'transient'])
  failure?: 'invalid-input' | 'transient';

  @ApiPropertyOptional({
    type: Boolean,
    description: 'run the steps inside one database transaction (checks progress while it is held)',
  })
  @IsOptional()
  @IsBoolean()
  inTransaction?: boolean;
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
