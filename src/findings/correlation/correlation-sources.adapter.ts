import { Injectable } from '@nestjs/common';
import { CatalogService } from '../../catalog/catalog.service';
import type { ToolDefinition } from '../../catalog/catalog.types';
import { PeopleService } from '../../people/people.service';
import { isResolvableKind } from '../../people/identity/identity-kinds';
import { RepoOwnershipService } from '../../signals/repos/repo-ownership.service';
import { SurveysService } from '../../surveys/surveys.service';
import type { SurveyDisclosure } from '../disclosure/disclosure';
import type { SanctionPolicy } from '../sanction/sanction';
import type {
  CorrelationSources,
  DirectoryPerson,
  IdentityRef,
  RepositorySource,
} from './correlation-sources';

const PAGE = 1000;

/** Correlation's sources read from the catalog, people, surveys and repository modules. */
@Injectable()
export class CorrelationSourcesAdapter implements CorrelationSources {
  constructor(
    private readonly catalog: CatalogService,
    private readonly peopleService: PeopleService,
    private readonly surveys: SurveysService,
    private readonly repos: RepoOwnershipService,
  ) {}

  async tools(): Promise<ToolDefinition[]> {
    return [...this.catalog.tools()];
  }

  async policies(): Promise<Map<string, SanctionPolicy>> {
    const out = new Map<string, SanctionPolicy>();
    for (const [id, p] of await this.catalog.policiesById()) {
      out.set(id, {
        status: p.status,
        allowedDataClasses: p.dataClasses,
        tenantBound: p.tenantBound,
        plan: p.plan ?? null,
        actions: p.actions ?? {},
      });
    }
    return out;
  }

  async people(): Promise<DirectoryPerson[]> {
    const out: DirectoryPerson[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.peopleService.listPersons({ limit: PAGE, offset });
      out.push(...page.map(directoryPerson));
      if (page.length < PAGE) return out;
    }
  }

  async peopleWithIds(ids: string[]): Promise<DirectoryPerson[]> {
    return (await this.peopleService.personsWithIds(ids)).map(directoryPerson);
  }

  peopleOfTeam(team: string): Promise<string[]> {
    return this.peopleService.personIdsOfTeam(team);
  }

  peopleTeams(): Promise<string[]> {
    return this.peopleService.teamsWithPeople();
  }

  async resolveIdentities(identities: IdentityRef[]): Promise<(string | null)[]> {
    // One batch, each identity with the span its evidence covers: IP leases depend on when.
    const observed = identities.flatMap((i) =>
      isResolvableKind(i.kind) ? [{ kind: i.kind, value: i.value, at: i.seen }] : [],
    );
    const resolved = await this.peopleService.resolveIdentities(observed, 'correlation');
    let next = 0;
    return identities.map((i) =>
      isResolvableKind(i.kind) ? resolved[next++].personId : i.kind === 'person' ? i.value : null,
    );
  }

  async disclosures(): Promise<{
    surveyedPersonIds: string[];
    respondentPersonIds: string[];
    disclosures: SurveyDisclosure[];
  }> {
    const { surveyedPersonIds, respondentPersonIds, disclosures } =
      await this.surveys.disclosuresForCorrelation();
    return {
      surveyedPersonIds,
      respondentPersonIds,
      disclosures: disclosures.map(({ personId, toolId, dataClasses, account, confidence }) => ({
        personId,
        toolId,
        dataClasses,
        account,
        confidence,
      })),
    };
  }

  directoryRevision(): Promise<string> {
    return this.peopleService.directoryRevision();
  }

  /** Each repository with the team that owns it and its data classes, as the repos module keeps them. */
  repositories(): Promise<RepositorySource[]> {
    return this.repos.ownership();
  }
}

function directoryPerson(p: {
  id: string;
  name: string | null;
  email: string | null;
  teamPath?: string | null;
}): DirectoryPerson {
  const label = p.name && p.email ? `${p.name} <${p.email}>` : (p.email ?? p.name ?? p.id);
  return { id: p.id, label, team: p.teamPath ?? null };
}
