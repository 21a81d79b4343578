import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode } from '../common/domain-error';
import { AuditService } from './audit.service';
import { ApiTokenEntity } from './entities/api-token.entity';
import { Actor, Role, TOKEN_ROLES } from './role';
import { expiryFrom } from './token-expiry';
import { generateToken, hashToken, looksLikeToken } from './token-secret';
import { TokenRepository } from './token.repository';

export type TokenView = Pick<
  ApiTokenEntity,
  | 'id'
  | 'name'
  | 'role'
  | 'prefix'
  | 'createdBy'
  | 'createdAt'
  | 'lastUsedAt'
  | 'revokedAt'
  | 'expiresAt'
>;

/** How often a token's last use is written (TokenRepository.touch keeps to the same minute). */
const TOUCH_EVERY_MS = 60_000;

@Injectable()
export class TokenService {
  /** When this process last wrote each token's use. */
  private readonly touchedAt = new Map<string, number>();

  constructor(
    private readonly tokens: TokenRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Creates a token; the secret is in the answer and nowhere else, ever again. With `expiresIn`
   * ("30d") it stops working then; without, it works until revoked.
   */
  async create(
    name: string,
    role: Role,
    actor: Actor,
    expiresIn?: string,
  ): Promise<{ token: string; info: TokenView }> {
    if (!TOKEN_ROLES.includes(role)) {
      throw new DomainError(
        ErrorCode.InvalidInput,
        `role must be one of ${TOKEN_ROLES.join(', ')} (got "${role}")`,
      );
    }
    const expiresAt = expiresIn === undefined ? null : expiryFrom(expiresIn, new Date());
    const { token, hash, prefix } = generateToken();
    const row = await this.tokens.insert({
      id: randomUUID(),
      name,
      role,
      tokenHash: hash,
      prefix,
      createdBy: actor.name,
      expiresAt,
    });
    await this.audit.record({
      actor,
      action: 'token.create',
      targetType: 'token',
      targetId: row.id,
      detail: { name, role, expiresAt },
    });
    return { token, info: view(row) };
  }

  /** On first start with no token at all, an admin token so the operator can get in. */
  async createBootstrapTokenIfNone(actor: Actor): Promise<string | null> {
    if ((await this.tokens.countActive()) > 0) return null;
    return (await this.create('bootstrap-admin', Role.Admin, actor)).token;
  }

  async authenticate(bearer: string): Promise<Actor | null> {
    if (!looksLikeToken(bearer)) return null;
    const row = await this.tokens.findActiveByHash(hashToken(bearer));
    if (!row) return null;
    // the stored last use moves at most once a minute: no query for it on every other request
    const now = Date.now();
    if (now - (this.touchedAt.get(row.id) ?? 0) >= TOUCH_EVERY_MS) {
      await this.tokens.touch(row.id, new Date(now));
      this.touchedAt.set(row.id, now);
    }
    return { tokenId: row.id, name: row.name, role: row.role };
  }

  /**
   * The actor of a token that is still active (a console session signed in with it re-checks on
   * every request, so revoking or expiring the token ends its sessions too).
   */
  async activeActor(tokenId: string): Promise<Actor | null> {
    if (!isUUID(tokenId)) return null;
    const row = await this.tokens.findActiveById(tokenId);
    return row ? { tokenId: row.id, name: row.name, role: row.role } : null;
  }

  async list(): Promise<TokenView[]> {
    return (await this.tokens.list()).map(view);
  }

  async revoke(id: string, actor: Actor): Promise<void> {
    if (!isUUID(id))
      throw new DomainError(ErrorCode.InvalidInput, `"${id}" is not a token id (see token list)`);
    const row = await this.tokens.findById(id);
    if (!row) throw new DomainError(ErrorCode.NotFound, `No token with id ${id}`);
    if (!(await this.tokens.revoke(id)))
      throw new DomainError(ErrorCode.Conflict, `Token ${id} is already revoked`);
    await this.audit.record({
      actor,
      action: 'token.revoke',
      targetType: 'token',
      targetId: id,
      detail: { name: row.name },
    });
  }
}

function view(row: ApiTokenEntity): TokenView {
  const { id, name, role, prefix, createdBy, createdAt, lastUsedAt, revokedAt, expiresAt } = row;
  return { id, name, role, prefix, createdBy, createdAt, lastUsedAt, revokedAt, expiresAt };
}
