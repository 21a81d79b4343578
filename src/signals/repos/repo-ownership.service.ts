import { Injectable } from '@nestjs/common';
import { AuditService } from '../../auth/audit.service';
import type { Actor } from '../../auth/role';
import { DATA_CLASSES } from '../../catalog/catalog.types';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { PeopleService } from '../../people/people.service';
import type { RepositoryEntity } from './entities/repository.entity';
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
