import { createHash } from 'node:crypto';
import type { ToolDefinition } from '../../src/catalog/catalog.types';
import type { SurveyDisclosure } from '../../src/findings/disclosure/disclosure';
import { isInTeam } from '../../src/findings/correlation/correlation-sources';
import type {
  CorrelationSources,
  DirectoryPerson,
  IdentityRef,
  RepositorySource,
} from '../../src/findings/correlation/correlation-sources';
import type { SanctionPolicy } from '../../src/findings/sanction/sanction';

export interface CorrelationSnapshot {
  tools: ToolDefinition[];
  policies: Map<string, SanctionPolicy>;
  people: DirectoryPerson[];
  /** identityKey(kind, value) → person id */
  identities: Map<string, string>;
  surveyedPersonIds: string[];
  /** who answered; when not given, every surveyed person did */
  respondentPersonIds?: string[];
  disclosures: SurveyDisclosure[];
  repositories: RepositorySource[];
}

export const identityKey = (kind: string, value: string) => `${kind}\u0000${value.toLowerCase()}`;

/**
 * A fixed organisation held in memory, given to AppModule.forRoot in place of the modules: the
 * scoring tests and the benchmark use it. Production code never does.
 */
export class InMemoryCorrelationSources implements CorrelationSources {
  constructor(private readonly data: CorrelationSnapshot) {}

  async tools() {
    return this.data.tools;
  }

  async policies() {
    return this.data.policies;
  }

  async people() {
    return this.data.people;
  }

  async peopleWithIds(ids: string[]) {
    const wanted = new Set(ids);
    return this.data.people.filter((p) => wanted.has(p.id));
  }

  async peopleOfTeam(team: string) {
    return this.data.people.filter((p) => isInTeam(p.team, team)).map((p) => p.id);
  }

  async peopleTeams() {
    return [...new Set(this.data.people.flatMap((p) => (p.team ? [p.team] : [])))];
  }

  async resolveIdentities(identities: IdentityRef[]) {
    return identities.map((i) =>
      i.kind === 'person'
        ? i.value
        : (this.data.identities.get(identityKey(i.kind, i.value)) ?? null),
    );
  }

  async disclosures() {
    return {
      surveyedPersonIds: this.data.surveyedPersonIds,
      respondentPersonIds: this.data.respondentPersonIds ?? this.data.surveyedPersonIds,
      disclosures: this.data.disclosures,
    };
  }

  async repositories() {
    return this.data.repositories;
  }

  /** The identities map is the directory here: its content is its revision. */
  async directoryRevision() {
    const h = createHash('sha1');
    for (const [k, v] of [...this.data.identities].sort(([a], [b]) => (a < b ? -1 : 1)))
      h.update(`${k}\u0001${v}\u0002`);
    return h.digest('hex');
  }
}
