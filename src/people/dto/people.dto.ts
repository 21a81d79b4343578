import { PageQueryDto } from '../../common/page-query.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDate,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { RESOLVABLE_KINDS, type ResolvableKind } from '../identity/identity-kinds';

/** A CSV sent as JSON text; each import route says which columns it reads. */
export class CsvImportDto {
  @ApiProperty({ description: 'the CSV text, header row first' })
  @IsString()
  @MinLength(1)
  @MaxLength(50_000_000)
  csv: string;

  @ApiPropertyOptional({ description: 'the file name, for error messages' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  fileName?: string;
}

export class ImportGithubOrgDto {
  @ApiProperty()
  @Matches(/^[a-z0-9](?:[a-z0-9-]{0,38})$/i, { message: 'org must be a GitHub organisation name' })
  org: string;

  @ApiPropertyOptional({ description: 'GitHub API base URL (GitHub Enterprise Server)' })
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'apiUrl must be an http(s) URL' })
  apiUrl?: string;
}

export class LinkIdentityDto {
  @ApiProperty()
  @IsUUID()
  personId: string;

  @ApiProperty({ enum: RESOLVABLE_KINDS })
  @IsIn(RESOLVABLE_KINDS)
  kind: ResolvableKind;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(320)
  value: string;
}

export class ResolveIdentityDto {
  @ApiProperty({ enum: RESOLVABLE_KINDS })
  @IsIn(RESOLVABLE_KINDS)
  kind: ResolvableKind;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(320)
  value: string;

  @ApiPropertyOptional({ description: 'when it was observed (ISO 8601): IP leases depend on it' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  at?: Date;
}

export class ListPeopleQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  teamId?: string;
}
