import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { AuditService } from '../../auth/audit.service';
import { TOKEN_ROLES, type Role } from '../../auth/role';
import { TokenService } from '../../auth/token.service';
import { DomainError } from '../../common/domain-error';
import { ConsolePage } from '../console/console.decorators';
import { BlankAsAbsent, OptionalNumber } from '../console/form-transforms';
import { CONSOLE_ROLES } from '../console/nav';
import { page, redirectTo, SignedIn } from '../console/page';
import type { ConsoleSessionContext } from '../session/console-session.service';

export class CreateTokenForm {
  @IsString()
  @Length(1, 100)
  @Matches(/^[\w .@-]+$/, { message: 'name may hold letters, digits, spaces and _ . @ - only' })
  name: string;

  @IsIn(TOKEN_ROLES, { message: `role must be one of ${TOKEN_ROLES.join(', ')}` })
  role: Role;

  @IsOptional() @BlankAsAbsent() @IsString() @MaxLength(10) expiresIn?: string;
}

export class AuditPageQuery {
  @IsOptional() @BlankAsAbsent() @IsString() @MaxLength(100) action?: string;
  @IsOptional() @BlankAsAbsent() @IsString() @MaxLength(100) targetType?: string;

  @IsOptional()
  @OptionalNumber()
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;
}

export const AUDIT_PAGE_SIZE = 100;

/** Tokens (create, shown once; revoke) and the audit log. */
@Controller('admin')
export class AdminPagesController {
  constructor(
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
  ) {}

  @Get('tokens')
  @ConsolePage(...CONSOLE_ROLES.tokens)
  async tokenList() {
    return page('admin/tokens', 'Tokens', await this.tokenData());
  }

  /** The new secret is rendered in this answer only (never stored, logged or flashed). */
  @Post('tokens')
  @ConsolePage(...CONSOLE_ROLES.tokens)
  async create(@Body() form: CreateTokenForm, @SignedIn() session: ConsoleSessionContext) {
    try {
      const { token, info } = await this.tokens.create(
        form.name.trim(),
        form.role,
        session.actor,
        form.expiresIn,
      );
      return page(
        'admin/tokens',
        'Tokens',
        { ...(await this.tokenData()), created: { token, info } },
        201,
      );
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      return page(
        'admin/tokens',
        'Tokens',
        { ...(await this.tokenData()), error: e.message, form },
        400,
      );
    }
  }

  @Post('tokens/:id/revoke')
  @ConsolePage(...CONSOLE_ROLES.tokens)
  async revoke(@Param('id', ParseUUIDPipe) id: string, @SignedIn() session: ConsoleSessionContext) {
    await this.tokens.revoke(id, session.actor);
    return redirectTo('/admin/tokens', 'Token revoked; its console sessions have ended.');
  }

  @Get('audit')
  @ConsolePage(...CONSOLE_ROLES.audit)
  async auditLog(@Query() q: AuditPageQuery, @SignedIn() session: ConsoleSessionContext) {
    const pageNo = q.page ?? 1;
    // One row more than the page says whether another page follows.
    const rows = await this.audit.read(
      {
        action: q.action,
        targetType: q.targetType,
        limit: AUDIT_PAGE_SIZE + 1,
        offset: (pageNo - 1) * AUDIT_PAGE_SIZE,
      },
      session.actor,
    );
    return page('admin/audit', 'Audit log', {
      events: rows.slice(0, AUDIT_PAGE_SIZE),
      query: { action: q.action, targetType: q.targetType },
      page: pageNo,
      hasNext: rows.length > AUDIT_PAGE_SIZE,
    });
  }

  private async tokenData() {
    const now = Date.now();
    return {
      tokens: (await this.tokens.list()).map((t) => ({
        ...t,
        status: t.revokedAt
          ? 'revoked'
          : t.expiresAt && t.expiresAt.getTime() <= now
            ? 'expired'
            : 'active',
      })),
      roles: TOKEN_ROLES,
    };
  }
}
