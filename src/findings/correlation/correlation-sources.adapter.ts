import { Injectable } from '@nestjs/common';
import { CatalogService } from '../../catalog/catalog.service';
import { PeopleService } from '../../people/people.service';
import { ReposService } from '../../signals/repos/repos.service';
import { isResolvableKind } from '../../people/identity/identity-kinds';
import { SurveysService } from '../../surveys/surveys.service';
import type { SurveyDisclosure } from '../disclosure/disclosure';
import type { SanctionPolicy } from '../sanction/sanction';
import type { CorrelationSnapshot, DirectoryPerson, IdentityRef } from './correlation-sources';
import { InMemoryCorrelationSources } from './correlation-sources';

const PAGE = 1000;

/**
 * Binds correlation to the catalog, people, surveys and repository modules. Any part given
 * through `set()` (the embedded demo, the benchmark) takes the place of its module.
 */
@Injectable()
export class CorrelationSourcesAdapter extends InMemoryCorrelationSources {
  private readonly given = new Set<keyof CorrelationSnapshot>();

  constructor(
    private readonly catalog: CatalogService,
    private readonly peopleService: PeopleService,
    private readonly surveys: SurveysService,
    private readonly repos: ReposService,
  ) {
    super();
  }

  override set(data: Partial<CorrelationSnapshot>): void {
    for (const key of Object.keys(data) as (keyof CorrelationSnapshot)[]) this.given.add(key);
    super.set(data);
  }

  override async tools() {
    return this.given.has('tools') ? super.tools() : [...this.catalog.tools()];
  }

  override async policies(): Promise<Map<string, SanctionPolicy>> {
    if (this.given.has('policies')) return super.policies();
    const out = new Map<string, SanctionPolicy>();
    for (const [id, p] of await this.catalog.policiesById()) {
      out.set(id, {
        status: p.status,
        allowedDataClasses: p.dataClasses,
        tenantBound: p.tenantBound,
      });
    }
    return out;
  }

  override async people(): Promise<DirectoryPerson[]> {
    if (this.given.has('people')) return super.people();
    const out: DirectoryPerson[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.peopleService.listPersons({ limit: PAGE, offset });
      for (const p of page) {
        const label = p.name && p.email ? `${p.name} <${p.email}>` : (p.email ?? p.name ?? p.id);
        out.push({ id: p.id, label, team: p.teamPath ?? null });
      }
      if (page.length < PAGE) return out;
    }
  }

  override async resolveIdentities(identities: IdentityRef[]): Promise<(string | null)[]> {
    if (this.given.has('identities')) return super.resolveIdentities(identities);
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

  override async disclosures(): Promise<{
    surveyedPersonIds: string[];
    disclosures: SurveyDisclosure[];
  }> {
    if (this.given.has('disclosures') || this.given.has('surveyedPersonIds'))
      return super.disclosures();
    const { surveyedPersonIds, disclosures } = await this.surveys.disclosuresForCorrelation();
    return {
      surveyedPersonIds,
      disclosures: disclosures.map(({ personId, toolId, dataClasses, account, confidence }) => ({
        personId,
        toolId,
        dataClasses,
        account,
        confidence,
      })),
    };
  }

  override async repositories() {
    if (this.given.has('repositories')) return super.repositories();
    return (await this.repos.classifications()).map((r) => ({ ...r, team: null }));
  }
}
