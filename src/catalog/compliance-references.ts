import type { DataClass, PolicyStatus, ToolCategory } from './catalog.types';

/**
 * The frameworks organisations report their AI use against, cited by article, clause or
 * subcategory exactly as their published texts number them. Only provisions that bear on an
 * organisation using AI tools are listed: what an inventory, a policy decision or a shadow-AI
 * finding is evidence for.
 */
export type ComplianceFramework = 'eu-ai-act' | 'iso-iec-42001' | 'nist-ai-rmf';

export interface ComplianceReference {
  id: string;
  framework: ComplianceFramework;
  /** as the text numbers it: "Article 4", "Annex A.9.2", "GOVERN 1.6" */
  ref: string;
  title: string;
  /** the published text */
  source: string;
}

const EU_AI_ACT = 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj';
const ISO_42001 = 'https://www.iso.org/standard/81230.html';
const NIST_AI_RMF = 'https://doi.org/10.6028/NIST.AI.100-1';

export const COMPLIANCE_REFERENCES: readonly ComplianceReference[] = [
  {
    id: 'eu-ai-act:art-4',
    framework: 'eu-ai-act',
    ref: 'Article 4',
    title: 'AI literacy of staff and others dealing with AI systems on the deployer’s behalf',
    source: EU_AI_ACT,
  },
  {
    id: 'eu-ai-act:art-50',
    framework: 'eu-ai-act',
    ref: 'Article 50',
    title: 'Transparency obligations for providers and deployers of certain AI systems',
    source: EU_AI_ACT,
  },
  {
    id: 'iso-42001:6.1.2',
    framework: 'iso-iec-42001',
    ref: 'Clause 6.1.2',
    title: 'AI risk assessment',
    source: ISO_42001,
  },
  {
    id: 'iso-42001:a.2.2',
    framework: 'iso-iec-42001',
    ref: 'Annex A.2.2',
    title: 'AI policy',
    source: ISO_42001,
  },
  {
    id: 'iso-42001:a.9.2',
    framework: 'iso-iec-42001',
    ref: 'Annex A.9.2',
    title: 'Processes for responsible use of AI systems',
    source: ISO_42001,
  },
  {
    id: 'iso-42001:a.9.4',
    framework: 'iso-iec-42001',
    ref: 'Annex A.9.4',
    title: 'Intended use of the AI system',
    source: ISO_42001,
  },
  {
    id: 'iso-42001:a.10.3',
    framework: 'iso-iec-42001',
    ref: 'Annex A.10.3',
    title: 'Suppliers',
    source: ISO_42001,
  },
  {
    id: 'nist-ai-rmf:govern-1.6',
    framework: 'nist-ai-rmf',
    ref: 'GOVERN 1.6',
    title: 'Mechanisms are in place to inventory AI systems',
    source: NIST_AI_RMF,
  },
  {
    id: 'nist-ai-rmf:govern-6.1',
    framework: 'nist-ai-rmf',
    ref: 'GOVERN 6.1',
    title: 'Policies and procedures address AI risks associated with third-party entities',
    source: NIST_AI_RMF,
  },
  {
    id: 'nist-ai-rmf:map-4.1',
    framework: 'nist-ai-rmf',
    ref: 'MAP 4.1',
    title: 'Legal and technology risks of AI components, third-party software included, are mapped',
    source: NIST_AI_RMF,
  },
  {
    id: 'nist-ai-rmf:manage-3.1',
    framework: 'nist-ai-rmf',
    ref: 'MANAGE 3.1',
    title: 'AI risks and benefits from third-party resources are monitored and controlled',
    source: NIST_AI_RMF,
  },
];

const BY_ID = new Map(COMPLIANCE_REFERENCES.map((r) => [r.id, r]));

export function complianceReference(id: string): ComplianceReference {
  const ref = BY_ID.get(id);
  if (!ref) throw new Error(`unknown compliance reference ${id}`);
  return ref;
}

const SYNTHETIC_MEDIA: ReadonlySet<ToolCategory> = new Set([
  'image-generation',
  'video-generation',
  'audio-generation',
]);

/** What a policy decision about one tool documents, framework by framework. */
export function policyReferenceIds(
  policy: { status: PolicyStatus; dataClasses: readonly DataClass[] },
  category: ToolCategory,
): string[] {
  // every tool the organisation knows of belongs in its inventory
  const ids = ['nist-ai-rmf:govern-1.6'];
  if (policy.status === 'unreviewed' || policy.status === 'under-review') {
    ids.push('nist-ai-rmf:map-4.1');
  } else {
    // a decision is part of the AI policy and of the rules for third-party tools
    ids.push('iso-42001:a.2.2', 'iso-42001:a.9.2', 'nist-ai-rmf:govern-6.1');
  }
  if (policy.status === 'sanctioned' || policy.status === 'tolerated') {
    ids.push('iso-42001:a.10.3', 'nist-ai-rmf:manage-3.1', 'eu-ai-act:art-4');
  }
  if (policy.dataClasses.length > 0) ids.push('iso-42001:a.9.4');
  // Article 50's transparency duties cover generated images, video and audio alike
  if (SYNTHETIC_MEDIA.has(category)) ids.push('eu-ai-act:art-50');
  return ids;
}

/** What a finding is evidence for: use found outside, or against, the organisation's rules. */
export function findingReferenceIds(finding: {
  subjectType: 'person' | 'repository';
  shadow: boolean;
  factors: readonly { key: string }[];
}): string[] {
  const ids = ['nist-ai-rmf:govern-1.6', 'iso-42001:6.1.2'];
  if (finding.shadow) ids.push('iso-42001:a.9.2', 'nist-ai-rmf:manage-3.1');
  if (finding.factors.some((f) => f.key === 'violation.data-class')) ids.push('iso-42001:a.9.4');
  if (finding.subjectType === 'person') ids.push('eu-ai-act:art-4');
  return ids;
}
