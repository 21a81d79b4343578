import type { Disclosure, SubjectType } from '../findings.types';

/** What the surveys module hands to correlation. */
export interface SurveyDisclosure {
  personId: string;
  toolId: string;
  dataClasses: string[];
  /** 'work' | 'personal' | 'unknown' as the respondent answered */
  account?: string;
  /** how sure the answer names the tool (below 1 for a misspelt name in free text); 1 if absent */
  confidence?: number;
}

export interface DisclosureIndex {
  surveyed: ReadonlySet<string>;
  /** `${personId}\u0000${toolId}` */
  disclosed: ReadonlySet<string>;
}

export function buildDisclosureIndex(
  surveyedPersonIds: Iterable<string>,
  disclosures: Iterable<SurveyDisclosure>,
): DisclosureIndex {
  const disclosed = new Set<string>();
  for (const d of disclosures) disclosed.add(`${d.personId}\u0000${d.toolId}`);
  return { surveyed: new Set(surveyedPersonIds), disclosed };
}

export function classifyDisclosure(
  index: DisclosureIndex,
  subjectType: SubjectType,
  subjectId: string,
  toolId: string,
): Disclosure {
  // A repository cannot answer a survey; its people's findings carry the disclosure.
  if (subjectType === 'repository') return 'not-applicable';
  if (index.disclosed.has(`${subjectId}\u0000${toolId}`)) return 'disclosed';
  return index.surveyed.has(subjectId) ? 'undisclosed' : 'not-surveyed';
}
