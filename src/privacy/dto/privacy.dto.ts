import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class SubjectAccessQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class RecordOfProcessingQueryDto {
  @ApiPropertyOptional({ enum: ['md', 'pdf'], default: 'md' })
  @IsOptional()
  @IsIn(['md', 'pdf'])
  format?: 'md' | 'pdf';
}
