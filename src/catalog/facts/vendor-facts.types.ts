// Vendor facts: what a tool's vendor states about data handling, each fact with the vendor's own
// page and the date it was read. Kept apart from detection rules (src/catalog/data/vendor-facts/).

/** The plans a vendor may state different terms for. */
export const FACT_PLANS = ['free', 'team', 'enterprise', 'api'] as const;
export type FactPlan = (typeof FACT_PLANS)[number];

/** What a plan means, for people choosing one in a policy. */
export const FACT_PLAN_LABELS: Record<FactPlan, string> = {
  free: 'free / consumer / individual plan',
  team: 'team / business plan',
  enterprise: 'enterprise plan',
  api: 'API / developer platform',
};

export const STATED = ['yes', 'no', 'not-stated'] as const;
export type Stated = (typeof STATED)[number];

export const NOT_STATED = 'not-stated';

export const CERTIFICATIONS = [
  'SOC 2 Type I',
  'SOC 2 Type II',
  'ISO 27001',
  'ISO 27017',
  'ISO 27018',
  'ISO 27701',
  'ISO 42001',
  'HIPAA BAA',
  'FedRAMP Moderate',
  'FedRAMP High',
  'PCI DSS',
  'CSA STAR',
] as const;

export const CONTROL_KEYS = ['sso', 'scim', 'adminConsole', 'auditLog'] as const;
export type ControlKey = (typeof CONTROL_KEYS)[number];
export type EnterpriseControls = Record<ControlKey, Stated>;

/** Where a fact comes from: the built-in catalog, or the organisation's own override. */
export type FactOrigin = 'catalog' | 'organisation';

export interface Fact<T> {
  value: T;
  /** an https URL of the vendor's own page */
  source: string;
  /** YYYY-MM-DD the page was read */
  checked: string;
  note?: string;
  /** absent means catalog */
  origin?: FactOrigin;
  /** an organisation override: who set it */
  setBy?: string;
}

export const PLAN_FACT_KEYS = ['trainsOnInputs', 'retention', 'zeroRetention'] as const;
export type PlanFactKey = (typeof PLAN_FACT_KEYS)[number];

export interface PlanFacts {
  trainsOnInputs?: Fact<Stated>;
  /** the vendor's own words, short ("30 days", "until deleted", "not stated") */
  retention?: Fact<string>;
  /** a zero-data-retention option exists for this plan */
  zeroRetention?: Fact<Stated>;
}

export const TOOL_FACT_KEYS = [
  'jurisdiction',
  'certifications',
  'dataResidency',
  'enterpriseControls',
] as const;
export type ToolFactKey = (typeof TOOL_FACT_KEYS)[number];
export type FactKey = ToolFactKey | PlanFactKey;

export interface VendorFacts {
  /** region codes (US, EU, CN …) or not-stated */
  jurisdiction?: Fact<string[] | typeof NOT_STATED>;
  /** only what the vendor's own page states, from CERTIFICATIONS */
  certifications?: Fact<string[] | typeof NOT_STATED>;
  /** regions the customer can choose; `none`: one region, no choice */
  dataResidency?: Fact<string[] | 'none' | typeof NOT_STATED>;
  enterpriseControls?: Fact<EnterpriseControls>;
  /** only the plans the vendor offers for the tool */
  plans: Partial<Record<FactPlan, PlanFacts>>;
  /** why a tool has no plans (open source, runs locally) */
  note?: string;
}

/** The facts of one plan in force, as risk scoring and reports read them. */
export interface FactsInForce {
  plan: FactPlan;
  /** why this plan: the policy's plan, or the consumer plan for shadow use */
  why: string;
  /** true when the vendor states no terms for that plan at all */
  planMissing: boolean;
  planFacts: PlanFacts;
  facts: VendorFacts | undefined;
}
