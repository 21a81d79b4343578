import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The sign-in form: the API token, its CSRF token and where to go next. */
export class LoginFormDto {
  @IsString()
  @MaxLength(500)
  token: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  _csrf?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  next?: string;
}
