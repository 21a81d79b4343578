import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  DATA_CLASSES,
  POLICY_STATUSES,
  type DataClass,
  type PolicyStatus,
} from '../../../catalog/catalog.types';
import { PageQueryDto } from '../../../common/page-query.dto';
import { TOOL_REQUEST_STATUSES, type ToolRequestStatus } from '../outreach.types';

export class LinkDeliveryDto {
  @ApiPropertyOptional({ description: 'e-mail the links (a job; needs SMTP_URL and PUBLIC_URL)' })
  @IsOptional()
  @IsBoolean()
  send?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 90, default: 14 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(90)
  expiresInDays?: number;
}

export class AskClarificationDto extends LinkDeliveryDto {
  @ApiProperty({ description: 'leads or undisclosed findings about people', type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  findingIds: string[];
}

export class SendNudgesDto extends LinkDeliveryDto {
  @ApiProperty({ description: 'the tool whose findings name the people to nudge' })
  @IsString()
  @MaxLength(200)
  toolId: string;

  @ApiPropertyOptional({
    description: 'only these people (each must be behind a finding of the tool)',
  })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  personIds?: string[];
}

export class NudgeTemplateDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  subject: string;

  @ApiProperty({ description: 'text with {{placeholders}}; must hold {{ackUrl}}' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  body: string;
}

export class PublishAupDto {
  @ApiProperty({ example: '2026-11' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, {
    message: 'version must be 1–40 letters, digits, dots, dashes or underscores',
  })
  version: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_tld: false })
  url?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  summary?: string;
}

export class CreateToolRequestDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  toolId: string;

  @ApiProperty()
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  reason: string;

  @ApiPropertyOptional({ description: 'the person asking' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ description: 'the team asking (its path)' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  team?: string;

  @ApiPropertyOptional({ description: 'where the decision is mailed' })
  @IsOptional()
  @IsEmail()
  contactEmail?: string;
}

export class ToolRequestCommentDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  body: string;
}

export class DecideToolRequestDto {
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

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  tenantBound?: boolean;

  @ApiPropertyOptional({ description: 'why; shown to the requester' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ListToolRequestsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TOOL_REQUEST_STATUSES })
  @IsOptional()
  @IsIn(TOOL_REQUEST_STATUSES)
  status?: ToolRequestStatus;
}

export class ListOutreachDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  toolId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  findingId?: string;
}
