import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class ImportPolicyDto {
  @ApiProperty({ description: 'the policy file, as exported by GET /api/catalog/policies/export' })
  @IsString()
  @MaxLength(1_000_000)
  yaml: string;
}
