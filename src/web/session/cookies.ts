/** Cookie names of the console. */
export const SESSION_COOKIE = 'aic_session';
export const LOGIN_CSRF_COOKIE = 'aic_login_csrf';

/** The cookies of a `Cookie` header; a malformed pair is skipped, the first of a name wins. */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2)
      value = value.slice(1, -1);
    if (!name || name in out) continue;
    try {
      out[name] = decodeURIComponent(value);
    } catch {
      continue; // not percent-encoded properly: not one of ours
    }
  }
  return out;
}

export interface CookieOptions {
  /** seconds; 0 deletes the cookie */
  maxAge?: number;
  secure: boolean;
  path?: string;
}

/** A `Set-Cookie` value: always httpOnly and SameSite=Strict; Secure over https. */
export function serializeCookie(name: string, value: string, opts: CookieOptions): string {
  if (!/^[\w-]+$/.test(name)) throw new Error(`bad cookie name ${name}`);
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${opts.path ?? '/'}`];
  if (opts.maxAge !== undefined) {
    parts.push(`Max-Age=${Math.max(0, Math.floor(opts.maxAge))}`);
    if (opts.maxAge <= 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  }
  parts.push('HttpOnly', 'SameSite=Strict');
  if (opts.secure) parts.push('Secure');
  return parts.join('; ');
}
