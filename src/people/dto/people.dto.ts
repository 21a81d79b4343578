import { PageQueryDto } from '../../common/page-query.dto';
import { GITHUB_URL_IS_CONFIGURATION } from '../../config/env.schema';
import { ApiHideProperty, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDate,
  IsEmpty,
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

export class DirectoryUploadQueryDto {
  @ApiPropertyOptional({ description: 'file name of a raw-body upload (errors name it)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;
}

export class ImportGithubOrgDto {
  @ApiProperty()
  @Matches(/^[a-z0-9](?:[a-z0-9-]{0,38})$/i, { message: 'org must be a GitHub organisation name' })
  org: string;

  /** Refused by name: the server's GITHUB_TOKEN goes only to the configured GITHUB_API_URL. */
  @ApiHideProperty()
  @IsEmpty({ message: GITHUB_URL_IS_CONFIGURATION })
  apiUrl?: never;
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
