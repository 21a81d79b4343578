import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MinLength } from 'class-validator';
import { DATA_CLASSES, type DataClass } from '../../../catalog/catalog.types';

export class RepositoryOwnershipDto {
  @ApiPropertyOptional({
    description: 'the owning team, by its path ("Engineering/Platform") or name; null clears it',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  team?: string | null;

  @ApiPropertyOptional({
    description: 'the data classes it holds, replacing those the scan read; null goes back to them',
    nullable: true,
    enum: DATA_CLASSES,
    isArray: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(DATA_CLASSES.length)
  @IsIn(DATA_CLASSES, { each: true })
  dataClasses?: DataClass[] | null;
}
