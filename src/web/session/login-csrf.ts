import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../../config/app-config';
import { LOGIN_CSRF_COOKIE, parseCookies, serializeCookie } from './cookies';

/** Secure cookies when the browser came over https (directly, or as PUBLIC_URL says). */
export function cookiesSecure(req: Request, config: AppConfig): boolean {
  return req.secure || (config.publicUrl?.startsWith('https://') ?? false);
}

/**
 * Before there is a session the sign-in form is protected by a double-submit token: the same
 * random value in a SameSite=Strict cookie and in the form. Reuses the browser's cookie if any.
 */
export function issueLoginCsrf(req: Request, res: Response, config: AppConfig): string {
  const existing = parseCookies(req.headers.cookie)[LOGIN_CSRF_COOKIE];
  const token =
    existing && /^[\w-]{32,64}$/.test(existing) ? existing : randomBytes(24).toString('base64url');
  if (token !== existing)
    res.append(
      'Set-Cookie',
      serializeCookie(LOGIN_CSRF_COOKIE, token, {
        secure: cookiesSecure(req, config),
        path: '/login',
        maxAge: 3600,
      }),
    );
  return token;
}

export function loginCsrfCookie(req: Request): string | undefined {
  return parseCookies(req.headers.cookie)[LOGIN_CSRF_COOKIE];
}
