import { PageQueryDto } from '../../../common/page-query.dto';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { NETWORK_FORMATS } from '../network.types';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class UsageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'first UTC day, YYYY-MM-DD' })
  @IsOptional()
  @Matches(DAY, { message: 'from must be YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ description: 'last UTC day, YYYY-MM-DD' })
  @IsOptional()
  @Matches(DAY, { message: 'to must be YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) toolId?: string;

  @ApiPropertyOptional({ description: 'an identity value (e-mail, user name or IP)' })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  identity?: string;

  @ApiPropertyOptional({ enum: ['person', 'tool'], description: 'leaders always get tool' })
  @IsOptional()
  @IsIn(['person', 'tool'])
  level?: 'person' | 'tool';
}

export class UploadQueryDto {
  @ApiPropertyOptional({ enum: ['auto', ...NETWORK_FORMATS], default: 'auto' })
  @IsOptional()
  @IsIn(['auto', ...NETWORK_FORMATS])
  format?: string;

  @ApiPropertyOptional({ description: 'IANA zone for formats that log local time' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  zone?: string;

  @ApiPropertyOptional({ description: 'the file name to record for a raw-body upload' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  name?: string;
}

export class ListIngestsDto extends PageQueryDto {}
