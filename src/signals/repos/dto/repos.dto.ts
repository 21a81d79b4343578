import { PageQueryDto } from '../../../common/page-query.dto';
import { ApiHideProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GITHUB_URL_IS_CONFIGURATION } from '../../../config/env.schema';
import {
  IsBoolean,
  IsEmpty,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { SIGNALS } from '../../../catalog/catalog.types';

export class CreateRepoScanDto {
  @ApiPropertyOptional({
    description: 'a local checkout on the server (exactly one of path, owner)',
  })
  @ValidateIf((o: CreateRepoScanDto) => o.owner === undefined)
  @IsString()
  @MinLength(1)
  path?: string;

  @ApiPropertyOptional({
    description:
      "a GitHub organisation or user (the server's GITHUB_API_URL and GITHUB_TOKEN are used)",
  })
  @ValidateIf((o: CreateRepoScanDto) => o.path === undefined)
  @IsString()
  @Matches(/^[a-z\d](?:[a-z\d-]{0,38})$/i, {
    message: 'owner must be a GitHub organisation or user name',
  })
  owner?: string;

  @ApiPropertyOptional({ description: 'first scan only: history since this date (YYYY-MM-DD)' })
  @IsOptional()
  @IsISO8601()
  since?: string;

  @ApiPropertyOptional({
    description: "GitHub only: also read each repository's dependency-graph SBOM",
  })
  @IsOptional()
  @IsBoolean()
  sbom?: boolean;

  /** Refused by name: the server's GITHUB_TOKEN goes only to the configured GITHUB_API_URL. */
  @ApiHideProperty()
  @IsEmpty({ message: GITHUB_URL_IS_CONFIGURATION })
  apiUrl?: never;
}

export class ListReposDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['local', 'github'] })
  @IsOptional()
  @IsIn(['local', 'github'])
  source?: 'local' | 'github';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  owner?: string;
}

export class RepoEvidenceQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  toolId?: string;

  @ApiPropertyOptional({ enum: SIGNALS })
  @IsOptional()
  @IsIn(SIGNALS)
  signal?: string;
}
