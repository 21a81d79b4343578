import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { BASELINE_CSV_PARTS, REPORT_FORMATS, REPORT_KINDS } from '../model/report.types';
import type { BaselineCsvPart, ReportFormat, ReportKind } from '../model/report.types';

export class CreateReportDto {
  @ApiProperty({ enum: REPORT_KINDS }) @IsIn(REPORT_KINDS) kind: ReportKind;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) organisation?: string;
}

export class DownloadReportDto {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'html' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format: ReportFormat = 'html';

  @ApiPropertyOptional({
    enum: BASELINE_CSV_PARTS,
    description:
      'baseline CSV only: the tools (default), the policy acknowledgements by team, the seats, the vendor facts with their sources, adoption by source, or the GitHub Copilot organisation figures per week',
  })
  @IsOptional()
  @IsIn(BASELINE_CSV_PARTS)
  part?: BaselineCsvPart;
}
