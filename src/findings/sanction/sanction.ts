import type { DataClass, PolicyStatus } from '../../catalog/catalog.types';
import type { FactPlan } from '../../catalog/facts/vendor-facts.types';
import type { SanctionStatus } from '../findings.types';

/** The terms a use is judged against: the catalog's ToolPolicy, as correlation reads it. */
export interface SanctionPolicy {
  status: PolicyStatus;
  /** data classes the tool may be used with; empty = no restriction recorded */
  allowedDataClasses: DataClass[];
  /** sanctioned only through the organisation's own tenant (e.g. Copilot Business seats) */
  tenantBound: boolean;
  /** the plan the organisation holds (free, team, enterprise, api); null or absent: not stated */
  plan?: FactPlan | null;
}

export const UNREVIEWED_POLICY: SanctionPolicy = {
  status: 'unreviewed',
  allowedDataClasses: [],
  tenantBound: false,
};

export interface SanctionInput {
  policy: SanctionPolicy | undefined;
  /** data classes of the repositories (or survey answers) the tool was traced in */
  dataClasses: DataClass[];
  /**
   * For person subjects of a tenant-bound tool: whether the person holds an organisation seat.
   * Undefined when not known or not applicable (repository subjects).
   */
  hasOrgSeat?: boolean;
}

export interface SanctionResult {
  status: SanctionStatus;
  policyStatus: PolicyStatus;
  /** not covered by policy: anything but sanctioned or tolerated use within its terms */
  shadow: boolean;
  dataClassViolations: DataClass[];
  personalAccount: boolean;
  reasons: string[];
}

export function evaluateSanction(input: SanctionInput): SanctionResult {
  const policy = input.policy ?? UNREVIEWED_POLICY;
  const reasons: string[] = [];
  const permissive = policy.status === 'sanctioned' || policy.status === 'tolerated';

  // Only a permissive policy can be "violated"; a prohibited tool is already the worst status.
  const dataClassViolations =
    permissive && policy.allowedDataClasses.length > 0
      ? [...new Set(input.dataClasses)].filter((c) => !policy.allowedDataClasses.includes(c)).sort()
      : [];
  const personalAccount = permissive && policy.tenantBound && input.hasOrgSeat === false;

  if (dataClassViolations.length > 0) {
    reasons.push(
      `${policy.status} only for ${policy.allowedDataClasses.join(', ')}; traced with ${dataClassViolations.join(', ')} data`,
    );
  }
  if (personalAccount) {
    reasons.push(
      `${policy.status} only through the organisation's tenant; no organisation seat held`,
    );
  }
  const status: SanctionStatus =
    dataClassViolations.length > 0 || personalAccount ? 'violation' : policy.status;
  if (status !== 'violation') reasons.push(`policy: ${policy.status}`);

  return {
    status,
    policyStatus: policy.status,
    shadow: status !== 'sanctioned' && status !== 'tolerated',
    dataClassViolations,
    personalAccount,
    reasons,
  };
}
