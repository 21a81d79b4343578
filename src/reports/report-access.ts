import { Role } from '../auth/role';
import type { ReportFormat, ReportKind } from './model/report.types';

/** Who may read which report: leaders the aggregate baseline only; person-level findings only security. */
export const REPORT_ROLES: Record<ReportKind, readonly Role[]> = {
  baseline: [Role.Leader, Role.Coe, Role.Security, Role.Admin],
  inventory: [Role.Coe, Role.Security, Role.Admin],
  findings: [Role.Security],
};

export const REPORT_FORMATS_BY_KIND: Record<ReportKind, readonly ReportFormat[]> = {
  baseline: ['html', 'pdf', 'csv', 'json'],
  inventory: ['html', 'pdf', 'csv', 'json', 'xlsx'],
  findings: ['html', 'pdf', 'csv', 'json'],
};

export function kindsFor(role: Role): ReportKind[] {
  return (Object.keys(REPORT_ROLES) as ReportKind[]).filter((k) => REPORT_ROLES[k].includes(role));
}
