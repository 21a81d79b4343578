import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorCode } from '../common/domain-error';
import { ACTOR_REQUEST_KEY } from './current-actor.decorator';
import { Role } from './role';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';
import { TokenService } from './token.service';

/** Deny by default: a route opens only to the roles it names, or to all with @Public. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const req = ctx
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined> } & Record<string, unknown>>();
    const header = req.headers['authorization'] ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match)
      throw new DomainError(
        ErrorCode.Unauthenticated,
        'An API token is required: send "Authorization: Bearer <token>"',
      );
    const actor = await this.tokens.authenticate(match[1]);
    if (!actor)
      throw new DomainError(
        ErrorCode.Unauthenticated,
        'The API token is unknown, revoked or expired',
      );
    req[ACTOR_REQUEST_KEY] = actor;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || roles.length === 0) {
      throw new DomainError(ErrorCode.Forbidden, 'This route admits no role');
    }
    if (!roles.includes(actor.role)) {
      throw new DomainError(
        ErrorCode.Forbidden,
        `This route needs one of the roles ${roles.join(', ')}; the token has role ${actor.role}`,
      );
    }
    return true;
  }
}
