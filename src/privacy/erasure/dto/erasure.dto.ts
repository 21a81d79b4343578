import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class RequestErasureDto {
  @ApiProperty({ description: 'the person: their id, e-mail or GitHub login' })
  @IsString()
  @MinLength(1)
  @MaxLength(320)
  person: string;

  @ApiProperty({
    description: 'why (kept in the audit record, scrubbed of the person’s identifiers)',
  })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
}
