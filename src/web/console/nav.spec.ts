import { Role } from '../../auth/role';
import { homeFor, navFor } from './nav';

describe(navFor.name, () => {
  it('should show a leader only the dashboard and reports', () => {
    expect(navFor(Role.Leader, '/').map((i) => i.path)).toEqual(['/', '/reports']);
  });

  it('should mark the deepest item that holds the current path', () => {
    const nav = navFor(Role.Security, '/findings/123');
    expect(nav.filter((i) => i.current).map((i) => i.path)).toEqual(['/findings']);
    expect(navFor(Role.Admin, '/admin/audit').find((i) => i.current)?.path).toBe('/admin/audit');
  });
});

describe(homeFor.name, () => {
  it('should land each role on the first page it may open', () => {
    expect(homeFor(Role.Leader)).toBe('/');
    expect(homeFor(Role.Privacy)).toBe('/account');
  });
});
