import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ALL_ROLES } from '../../auth/role';
import { AppConfig } from '../../config/app-config';
import { ConsolePage, ConsolePublic } from '../console/console.decorators';
import { sameSecret } from '../console/console.guard';
import { homeFor } from '../console/nav';
import { localPath, page, redirectTo, SignedIn, type ConsoleRequest } from '../console/page';
import {
  ConsoleSessionService,
  type ConsoleSessionContext,
} from '../session/console-session.service';
import { LOGIN_CSRF_COOKIE, SESSION_COOKIE, serializeCookie } from '../session/cookies';
import { cookiesSecure, issueLoginCsrf, loginCsrfCookie } from '../session/login-csrf';
import { describeDuration } from '../render/console-helpers';
import { LoginFormDto } from './login-form.dto';

/** Sign-in with an API token, sign-out, and the session's own page. */
@Controller()
export class SignInController {
  constructor(
    private readonly sessions: ConsoleSessionService,
    private readonly config: AppConfig,
  ) {}

  @Get('login')
  @ConsolePublic()
  loginForm(
    @Req() req: ConsoleRequest,
    @Res({ passthrough: true }) res: Response,
    @Query('next') next?: string,
    @Query('signedOut') signedOut?: string,
  ) {
    if (req.consoleSession)
      return redirectTo(localPath(next, homeFor(req.consoleSession.actor.role)));
    return page('auth-pages/login', 'Sign in', {
      next: localPath(next, ''),
      notice: signedOut === '1' ? 'You have signed out.' : null,
      loginCsrf: issueLoginCsrf(req, res, this.config),
    });
  }

  @Post('login')
  @HttpCode(200)
  @ConsolePublic({ ownCsrf: true })
  async login(
    @Body() form: LoginFormDto,
    @Req() req: ConsoleRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const again = (error: string, status: number) =>
      page(
        'auth-pages/login',
        'Sign in',
        { next: localPath(form.next, ''), error, loginCsrf: issueLoginCsrf(req, res, this.config) },
        status,
      );
    const cookie = loginCsrfCookie(req);
    if (!cookie || !form._csrf || !sameSecret(cookie, form._csrf))
      return again('The sign-in form expired or came from another site. Please try again.', 403);
    if (!form.token.trim()) return again('Enter your API token.', 400);
    const outcome = await this.sessions.signIn(form.token);
    if (!outcome.ok) return again(outcome.reason, 401);
    const secure = cookiesSecure(req, this.config);
    res.append(
      'Set-Cookie',
      serializeCookie(SESSION_COOKIE, outcome.secret, {
        secure,
        maxAge: this.config.consoleSession.maxMs / 1000,
      }),
    );
    res.append(
      'Set-Cookie',
      serializeCookie(LOGIN_CSRF_COOKIE, '', { secure, path: '/login', maxAge: 0 }),
    );
    return redirectTo(localPath(form.next, homeFor(outcome.session.actor.role)));
  }

  /** A sign-out button for whoever types the address (signing out itself is a POST with CSRF). */
  @Get('logout')
  @ConsolePublic()
  logoutForm() {
    return page('auth-pages/logout', 'Sign out');
  }

  /** Ends the session on the server (the cookie alone would not). Needs the form's CSRF token. */
  @Post('logout')
  @ConsolePublic()
  async logout(@Req() req: ConsoleRequest, @Res({ passthrough: true }) res: Response) {
    if (req.consoleSession) await this.sessions.signOut(req.consoleSession);
    res.append(
      'Set-Cookie',
      serializeCookie(SESSION_COOKIE, '', { secure: cookiesSecure(req, this.config), maxAge: 0 }),
    );
    return redirectTo('/login?signedOut=1');
  }

  @Get('account')
  @ConsolePage(...ALL_ROLES)
  account(@SignedIn() session: ConsoleSessionContext) {
    return page('auth-pages/account', 'Your session', {
      idle: describeDuration(this.config.consoleSession.idleMs),
      max: describeDuration(this.config.consoleSession.maxMs),
      actor: session.actor,
    });
  }
}
