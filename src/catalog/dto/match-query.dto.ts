import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ECOSYSTEMS, type Ecosystem } from '../catalog.types';

export class MatchQueryDto {
  @ApiPropertyOptional({ example: 'generativelanguage.googleapis.com' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  host?: string;

  @ApiPropertyOptional({ enum: ECOSYSTEMS })
  @IsOptional()
  @IsIn(ECOSYSTEMS)
  ecosystem?: Ecosystem;

  @ApiPropertyOptional({ example: 'langchain-openai' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  package?: string;

  @ApiPropertyOptional({ example: '.cursor/rules/general.mdc' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  path?: string;

  @ApiPropertyOptional({ example: 'chat gpt' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  name?: string;
}
