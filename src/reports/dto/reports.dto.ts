import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { REPORT_FORMATS, REPORT_KINDS } from '../model/report.types';
import type { ReportFormat, ReportKind } from '../model/report.types';

export class CreateReportDto {
  @ApiProperty({ enum: REPORT_KINDS }) @IsIn(REPORT_KINDS) kind: ReportKind;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) organisation?: string;
}

export class DownloadReportDto {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'html' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format: ReportFormat = 'html';
}
