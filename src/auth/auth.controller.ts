import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditService } from './audit.service';
import { CurrentActor } from './current-actor.decorator';
import { AuditQueryDto } from './dto/audit-query.dto';
import { CreateTokenDto } from './dto/create-token.dto';
import { Actor, Role } from './role';
import { Roles } from './roles.decorator';
import { TokenService } from './token.service';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('api')
export class AuthController {
  constructor(
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
  ) {}

  @Get('me')
  @Roles(Role.Admin, Role.Coe, Role.Security, Role.Leader)
  me(@CurrentActor() actor: Actor) {
    return actor;
  }

  @Post('tokens')
  @Roles(Role.Admin)
  create(@Body() dto: CreateTokenDto, @CurrentActor() actor: Actor) {
    return this.tokens.create(dto.name, dto.role, actor, dto.expiresIn);
  }

  @Get('tokens')
  @Roles(Role.Admin)
  list() {
    return this.tokens.list();
  }

  @Delete('tokens/:id')
  @HttpCode(204)
  @Roles(Role.Admin)
  async revoke(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    await this.tokens.revoke(id, actor);
  }

  @Get('audit')
  @Roles(Role.Admin, Role.Security)
  events(@Query() q: AuditQueryDto, @CurrentActor() actor: Actor) {
    return this.audit.read(q, actor);
  }
}
