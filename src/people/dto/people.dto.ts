import { PageQueryDto } from '../../common/page-query.dto';
import { GITHUB_URL_IS_CONFIGURATION } from '../../config/env.schema';
import { ApiHideProperty, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmpty,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

export class ImportDirectoryDto {
  @ApiProperty({
    description: 'CSV with a header naming email, name, team, manager, github login, aliases',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(50_000_000)
  csv: string;

  @ApiPropertyOptional()
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

export const IDENTITY_KINDS = ['email', 'github', 'commit-email', 'username', 'ip'] as const;

export class LinkIdentityDto {
  @ApiProperty()
  @IsUUID()
  personId: string;

  @ApiProperty({ enum: IDENTITY_KINDS })
  @IsIn(IDENTITY_KINDS)
  kind: (typeof IDENTITY_KINDS)[number];

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(320)
  value: string;
}

export class ResolveIdentityDto {
  @ApiProperty({ enum: IDENTITY_KINDS })
  @IsIn(IDENTITY_KINDS)
  kind: (typeof IDENTITY_KINDS)[number];

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(320)
  value: string;
}

export class ListPeopleQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  teamId?: string;
}
