import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export class StoreCredentialDto {
  @ApiProperty({ description: 'the admin API key or token; stored sealed, never returned' })
  @IsString()
  @MinLength(8)
  @MaxLength(4096)
  credential: string;

  @ApiPropertyOptional({ description: "the admin API's base URL when not the vendor's own" })
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'apiUrl must be an http(s) URL' })
  apiUrl?: string;
}

export class ConnectorScheduleDto {
  @ApiPropertyOptional({ description: 'minutes between runs (5 or more); null stops the schedule' })
  @IsOptional()
  @IsInt({ message: 'everyMinutes must be a whole number' })
  @Min(5)
  @Max(10080)
  everyMinutes?: number | null;
}
