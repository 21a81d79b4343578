import type { ToolDefinition } from '../../catalog/catalog.types';
import type { IdentityKind } from '../../people/identity/identity-kinds';
import type { TimeSpan } from '../../people/identity/ip-leases';
import type { SurveyDisclosure } from '../disclosure/disclosure';
import type { SanctionPolicy } from '../sanction/sanction';

export interface DirectoryPerson {
  id: string;
  /** display name or e-mail: only person-level views (security, CoE) show it */
  label: string;
  team: string | null;
}

export interface IdentityRef {
  kind: IdentityKind;
  value: string;
  /** first to last seen over the identity's evidence: who held an IP address depends on when */
  seen?: TimeSpan;
}

/**
 * What correlation needs from the catalog, people, surveys and repository modules. The findings
 * module reads them through this port so it does not reach into their tables.
 */
export interface CorrelationSources {
  tools(): Promise<ToolDefinition[]>;
  policies(): Promise<Map<string, SanctionPolicy>>;
  people(): Promise<DirectoryPerson[]>;
  /** The people among these ids, as people() has them: a page of findings names only its own. */
  peopleWithIds(ids: string[]): Promise<DirectoryPerson[]>;
  /** Ids of the people of a team and of the teams under it (`eng` holds `eng/web`). */
  peopleOfTeam(team: string): Promise<string[]>;
  /** The teams the directory's people are in. */
  peopleTeams(): Promise<string[]>;
  /** one person id (or null) per identity, in order */
  resolveIdentities(identities: IdentityRef[]): Promise<(string | null)[]>;
  /** surveyed: invited or answered; respondents: answered (so a report's response rate is true) */
  disclosures(): Promise<{
    surveyedPersonIds: string[];
    respondentPersonIds: string[];
    disclosures: SurveyDisclosure[];
  }>;
  repositories(): Promise<RepositorySource[]>;
  /**
   * Changes whenever resolveIdentities could answer differently. Incremental correlation asks
   * only identities in new evidence; a changed directory makes it correlate everything.
   */
  directoryRevision(): Promise<string>;
}

export interface RepositorySource {
  /** as evidence names it */
  repository: string;
  /** the owning team's path */
  team: string | null;
  dataClasses: string[];
  /** AI guardrails its CI or hooks run (`check-repo`); read by the reports' maturity measures */
  guardrails?: string[];
}

/** Whether a team path is the team or a team under it (`eng` holds `eng/web`). */
export function isInTeam(path: string | null, team: string): boolean {
  return path !== null && (path === team || path.startsWith(`${team}/`));
}

export const CORRELATION_SOURCES = Symbol('CORRELATION_SOURCES');

/**
 * Sources given whole in place of the modules (AppModule.forRoot's `correlationSources`): the
 * benchmark and the end-to-end tests of scoring use a fixed organisation this way.
 */
export const GIVEN_CORRELATION_SOURCES = Symbol('GIVEN_CORRELATION_SOURCES');
