import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsString, Length, Matches } from 'class-validator';
import { Role } from '../role';

export class CreateTokenDto {
  @ApiProperty({ example: 'ci-reporting' })
  @IsString()
  @Length(1, 100)
  @Matches(/^[\w .@-]+$/, { message: 'name may hold letters, digits, spaces and _ . @ - only' })
  name: string;

  @ApiProperty({ enum: Role })
  @IsEnum(Role, { message: `role must be one of ${Object.values(Role).join(', ')}` })
  role: Role;

  @ApiPropertyOptional({
    example: '30d',
    description:
      'hours, days or weeks until the token stops working (12h, 30d, 8w); none: until revoked',
  })
  @IsOptional()
  @IsString()
  expiresIn?: string;
}
