import { ApiProperty } from '@nestjs/swagger';
import { IsEnum, IsString, Length, Matches } from 'class-validator';
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
}
