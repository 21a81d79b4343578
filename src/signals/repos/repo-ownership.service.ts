import { Injectable } from '@nestjs/common';
import { AuditService } from '../../auth/audit.service';
import type { Actor } from '../../auth/role';
import { DATA_CLASSES } from '../../catalog/catalog.types';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { PeopleService } from '../../people/people.service';
import type { RepositoryEntity } from './entities/repository.entity';
import { teamProperty } from './github/github-org-level';
import type { ScanWarning } from './repo-scan.types';
import type { RepositoryOwnership } from './repo-ownership.types';
import { ReposRepository } from './repos.repository';

export interface OwnershipChange {
  /** a team path or name the directory knows; null clears it */
  team?: string | null;
  /** replaces the data classes the scan read; null goes back to them */
  dataClasses?: string[] | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which team owns each repository and which data classes it holds: what correlation reads. */
@Injectable()
export class RepoOwnershipService {
  constructor(
    private readonly repos: ReposRepository,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
  ) {}

  /** A person (the CoE, through the API or the CLI) sets the owner and data classes. */
  async set(ref: string, change: OwnershipChange, actor: Actor): Promise<RepositoryEntity> {
    if (change.team === undefined && change.dataClasses === undefined)
      throw new DomainError(ErrorCode.InvalidInput, 'give team, dataClasses or both');
    const repo = await this.find(ref);
    const team = change.team ? await this.teamPath(change.team) : change.team;
    const dataClasses = change.dataClasses
      ? checkDataClasses(change.dataClasses)
      : change.dataClasses;
    await this.repos.setOwnership(repo.id, { team, declaredDataClasses: dataClasses });
    await this.audit.record({
      actor,
      action: 'repos.ownership',
      targetType: 'repository',
      targetId: repo.id,
      detail: {
        repository: repo.name,
        ...(team !== undefined ? { team } : {}),
        ...(dataClasses !== undefined ? { dataClasses } : {}),
      },
    });
    return (await this.repos.findById(repo.id))!;
  }

  /**
   * The team a GitHub custom property ("team", "owning-team") names, for repositories no person
   * gave one. A value the directory does not know exactly once sets no team and is reported.
   */
  async setFromGithubProperties(
    repos: { locationKey: string; repository: string; properties: Record<string, string> }[],
  ): Promise<ScanWarning[]> {
    const warnings: ScanWarning[] = [];
    const named = new Map<string, string[]>();
    const rows = [];
    for (const r of repos) {
      const value = teamProperty(r.properties);
      if (value !== undefined && !named.has(value))
        named.set(value, await this.people.teamPathsNamed(value));
      const paths = value === undefined ? [] : named.get(value)!;
      if (value !== undefined && paths.length !== 1)
        warnings.push({
          path: r.repository,
          reason: `custom property team "${value}" names ${paths.length === 0 ? 'no team' : `${paths.length} teams`} in the directory; no team set`,
        });
      rows.push({ locationKey: r.locationKey, team: paths.length === 1 ? paths[0] : null });
    }
    await this.repos.setScannedTeams(rows);
    return warnings;
  }

  /** Every repository with its team and data classes, for correlation and the reports. */
  ownership(): Promise<RepositoryOwnership[]> {
    return this.repos.ownership();
  }

  /** By id, or by the name evidence gives it when only one repository has that name. */
  private async find(ref: string): Promise<RepositoryEntity> {
    const found = UUID.test(ref)
      ? [await this.repos.findById(ref)].filter((r) => r !== null)
      : await this.repos.findByName(ref);
    if (found.length === 0) throw new DomainError(ErrorCode.NotFound, `no repository ${ref}`);
    if (found.length > 1)
      throw new DomainError(
        ErrorCode.InvalidInput,
        `repository: "${ref}" names ${found.length} repositories (${found.map((r) => r.id).join(', ')}); give its id`,
      );
    return found[0];
  }

  private async teamPath(text: string): Promise<string> {
    const paths = await this.people.teamPathsNamed(text);
    if (paths.length === 1) return paths[0];
    throw new DomainError(
      ErrorCode.InvalidInput,
      paths.length === 0
        ? `team: the directory has no team "${text}" (import the directory first, or give the team's path)`
        : `team: "${text}" names ${paths.length} teams (${paths.join(', ')}); give the team's path`,
    );
  }
}

function checkDataClasses(classes: string[]): string[] {
  for (const c of classes)
    if (!(DATA_CLASSES as readonly string[]).includes(c))
      throw new DomainError(
        ErrorCode.InvalidInput,
        `dataClasses: "${c}" is not one of ${DATA_CLASSES.join(', ')}`,
      );
  return [...new Set(classes)].sort();
}
