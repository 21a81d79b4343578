import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { AuditService } from '../../auth/audit.service';
import { ALL_ROLES, type Actor } from '../../auth/role';
import { TokenService } from '../../auth/token.service';
import { AppConfig } from '../../config/app-config';
import { ConsoleSessionRepository } from './console-session.repository';

/** A signed-in browser as the pages see it. */
export interface ConsoleSessionContext {
  idHash: string;
  actor: Actor;
  csrfToken: string;
  /** the one-time message left by the previous form, if any */
  flash: string | null;
}

export type SignInOutcome =
  { ok: true; secret: string; session: ConsoleSessionContext } | { ok: false; reason: string };

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** Sessions of the console: opened with an API token, kept server-side, ended by time or sign-out. */
@Injectable()
export class ConsoleSessionService {
  constructor(
    private readonly repo: ConsoleSessionRepository,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** Opens a session for an API token; the secret goes in the cookie and nowhere else. */
  async signIn(token: string, now = new Date()): Promise<SignInOutcome> {
    const actor = await this.tokens.authenticate(token.trim());
    if (!actor) return { ok: false, reason: 'That token is unknown, revoked or expired.' };
    if (!ALL_ROLES.includes(actor.role))
      return { ok: false, reason: `A ${actor.role} token cannot sign in to the console.` };
    const { idleMs, maxMs } = this.config.consoleSession;
    await this.repo.deleteExpired(now, new Date(now.getTime() - idleMs));
    const secret = randomBytes(32).toString('base64url');
    const session: ConsoleSessionContext = {
      idHash: hashOf(secret),
      actor,
      csrfToken: randomBytes(32).toString('base64url'),
      flash: null,
    };
    await this.repo.insert({
      idHash: session.idHash,
      tokenId: actor.tokenId!,
      csrfToken: session.csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + maxMs),
      flash: null,
    });
    await this.audit.record({ actor, action: 'console.sign-in', targetType: 'console-session' });
    return { ok: true, secret, session };
  }

  /**
   * The live session behind a cookie's secret, or null: unknown, idle too long, past its absolute
   * end, or its token revoked or expired since sign-in (such a session is deleted on sight).
   */
  async resolve(
    secret: string | undefined,
    now = new Date(),
  ): Promise<ConsoleSessionContext | null> {
    if (!secret || secret.length > 200) return null;
    const idHash = hashOf(secret);
    const row = await this.repo.findByHash(idHash);
    if (!row) return null;
    const { idleMs } = this.config.consoleSession;
    const idle = now.getTime() - row.lastSeenAt.getTime();
    const actor =
      now < row.expiresAt && idle <= idleMs ? await this.tokens.activeActor(row.tokenId) : null;
    if (!actor) {
      await this.repo.delete(idHash);
      return null;
    }
    // Written at most every few seconds, so a polling progress bar does not write on each poll.
    if (idle > Math.min(5_000, idleMs / 4)) await this.repo.touch(idHash, now);
    return { idHash, actor, csrfToken: row.csrfToken, flash: row.flash };
  }

  /** Leaves a one-time message for the session's next page. */
  async flash(session: ConsoleSessionContext, message: string): Promise<void> {
    await this.repo.setFlash(session.idHash, message.slice(0, 500));
  }

  async clearFlash(session: ConsoleSessionContext): Promise<void> {
    if (session.flash !== null) await this.repo.setFlash(session.idHash, null);
  }

  async signOut(session: ConsoleSessionContext): Promise<void> {
    await this.repo.delete(session.idHash);
    await this.audit.record({
      actor: session.actor,
      action: 'console.sign-out',
      targetType: 'console-session',
    });
  }
}
