import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsObject, IsOptional, IsString } from 'class-validator';
import { TOOL_CATEGORIES, type ToolCategory, type ToolRules } from '../catalog.types';

/**
 * The top level of a tool definition. The nested rules and vendor risk are checked by the same
 * validator as the built-in data files, so the API and the files accept exactly the same tools.
 */
export class CustomToolDto {
  @ApiProperty({ example: 'acme-internal-llm' })
  @IsString()
  id: string;

  @ApiProperty()
  @IsString()
  name: string;

  @ApiProperty()
  @IsString()
  vendor: string;

  @ApiProperty({ enum: TOOL_CATEGORIES })
  @IsString()
  category: ToolCategory;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  homepage?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  aliases?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  generic?: boolean;

  @ApiProperty({
    description: 'domains, packages, paths, commitIdentities, … as in the data files',
  })
  @IsObject()
  rules: ToolRules;
}
