import { parseCookies, serializeCookie } from './cookies';

describe(parseCookies.name, () => {
  it('should read each pair, decode values and keep the first of a repeated name', () => {
    expect(parseCookies('a=1; aic_session=x%2By; a=2; b="q"')).toEqual({
      a: '1',
      aic_session: 'x+y',
      b: 'q',
    });
  });

  it('should skip pairs without a name or with broken encoding when the header is malformed', () => {
    expect(parseCookies('=1; novalue; c=%E0%A4%A; d=ok')).toEqual({ d: 'ok' });
    expect(parseCookies(undefined)).toEqual({});
  });
});

describe(serializeCookie.name, () => {
  it('should always mark the cookie httpOnly and SameSite=Strict, and Secure when asked', () => {
    expect(serializeCookie('aic_session', 'a b', { secure: false })).toBe(
      'aic_session=a%20b; Path=/; HttpOnly; SameSite=Strict',
    );
    expect(serializeCookie('s', 'v', { secure: true, maxAge: 60 })).toBe(
      's=v; Path=/; Max-Age=60; HttpOnly; SameSite=Strict; Secure',
    );
  });

  it('should expire the cookie at once when max-age is zero', () => {
    expect(serializeCookie('s', '', { secure: false, maxAge: 0 })).toContain(
      'Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT',
    );
  });
});
