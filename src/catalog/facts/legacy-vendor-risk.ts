import type { ToolCategory, VendorRisk } from '../catalog.types';
import { consumerPlan } from './plan-in-force';
import type { Fact, PlanFacts, Stated, VendorFacts } from './vendor-facts.types';

// Tool files carried `vendorRisk` before the facts moved to vendor-facts/ (issue #15). Until the
// last block has moved, a tool with only a legacy block reads it as facts of its consumer plan,
// so scoring and reports read one shape. Remove with the field.
const stated = (v: 'yes' | 'no' | 'unknown'): Stated => (v === 'unknown' ? 'not-stated' : v);

export function legacyVendorFacts(risk: VendorRisk, category: ToolCategory): VendorFacts {
  const plan = consumerPlan(undefined, category);
  const planFacts: PlanFacts = {};
  const t = risk.trainsOnInputsByDefault;
  if (t) planFacts.trainsOnInputs = { ...t, value: stated(t.value) };
  if (risk.retention) planFacts.retention = { ...risk.retention };
  const c = risk.enterpriseControls;
  if (c && c.value.zeroRetention !== 'unknown')
    planFacts.zeroRetention = { ...c, value: stated(c.value.zeroRetention) };
  const out: VendorFacts = {
    plans: Object.keys(planFacts).length > 0 ? { [plan]: planFacts } : {},
  };
  if (c && c.value.sso !== 'unknown') {
    out.enterpriseControls = {
      ...c,
      value: {
        sso: stated(c.value.sso),
        scim: 'not-stated',
        adminConsole: 'not-stated',
        auditLog: 'not-stated',
      },
    };
  }
  if (risk.certifications) out.certifications = { ...risk.certifications } as Fact<string[]>;
  if (risk.jurisdiction)
    out.jurisdiction = { ...risk.jurisdiction, value: [risk.jurisdiction.value] };
  return out;
}
