import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { REVEAL_STATES, type RevealState } from '../reveal/reveal-state';

export class RevealRequestDto {
  @ApiProperty({ description: 'why the person behind this finding must be known' })
  @IsString()
  @MinLength(10, { message: 'reason: say why, in at least 10 characters' })
  @MaxLength(2000)
  reason: string;
}

export class RevealDecisionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class ListRevealsDto {
  @ApiPropertyOptional({ enum: REVEAL_STATES })
  @IsOptional()
  @IsIn(REVEAL_STATES)
  state?: RevealState;
}
