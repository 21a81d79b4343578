import { Role } from '../../auth/role';

/**
 * Who may open each console area. Pages and the navigation read the same lists, so a link is shown
 * exactly to the roles the server lets through; each mirrors the roles of the API routes it uses.
 */
export const CONSOLE_ROLES = {
  dashboard: [Role.Leader, Role.Coe, Role.Security, Role.Admin],
  reports: [Role.Leader, Role.Coe, Role.Security, Role.Admin],
  findings: [Role.Security, Role.Coe],
  // what acts on the organisation's behalf: the roles of GET /api/agents and /api/mcp-servers
  agents: [Role.Security, Role.Coe, Role.Admin],
  catalog: [Role.Coe, Role.Admin],
  surveys: [Role.Coe, Role.Admin],
  // the CoE's pages (issue 13): security triages findings, it does not run the sources
  sources: [Role.Coe, Role.Admin],
  people: [Role.Coe, Role.Admin],
  tokens: [Role.Admin],
  audit: [Role.Admin, Role.Security],
} as const satisfies Record<string, readonly Role[]>;

export interface ConsoleNavItem {
  path: string;
  label: string;
  roles: readonly Role[];
}

/** The header's navigation, in order; a role sees the items it may open. */
export const CONSOLE_NAV: readonly ConsoleNavItem[] = [
  { path: '/', label: 'Dashboard', roles: CONSOLE_ROLES.dashboard },
  { path: '/reports', label: 'Reports', roles: CONSOLE_ROLES.reports },
  { path: '/findings', label: 'Findings', roles: CONSOLE_ROLES.findings },
  { path: '/agents', label: 'Agents & MCP', roles: CONSOLE_ROLES.agents },
  { path: '/catalog', label: 'Catalog', roles: CONSOLE_ROLES.catalog },
  { path: '/surveys', label: 'Surveys', roles: CONSOLE_ROLES.surveys },
  { path: '/sources', label: 'Sources', roles: CONSOLE_ROLES.sources },
  { path: '/people', label: 'People', roles: CONSOLE_ROLES.people },
  { path: '/admin/tokens', label: 'Tokens', roles: CONSOLE_ROLES.tokens },
  { path: '/admin/audit', label: 'Audit log', roles: CONSOLE_ROLES.audit },
];

/** The navigation for a role, the item for `currentPath` marked (its own path or a sub-path). */
export function navFor(role: Role, currentPath: string): (ConsoleNavItem & { current: boolean })[] {
  const items = CONSOLE_NAV.filter((i) => i.roles.includes(role));
  const best = items
    .filter(
      (i) => i.path === currentPath || (i.path !== '/' && currentPath.startsWith(`${i.path}/`)),
    )
    .sort((a, b) => b.path.length - a.path.length)[0];
  return items.map((i) => ({ ...i, current: i === best }));
}

/** Where a role lands after sign-in: the first page it may open. */
export function homeFor(role: Role): string {
  return CONSOLE_NAV.find((i) => i.roles.includes(role))?.path ?? '/account';
}
