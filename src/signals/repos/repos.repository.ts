import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, Repository } from 'typeorm';
import { GithubOwnerEntity } from './entities/github-owner.entity';
import { RepoScanEntity } from './entities/repo-scan.entity';
import { RepositoryEntity, type RepoSource } from './entities/repository.entity';
import type { RepositoryOwnership } from './repo-ownership.types';
import type { RepoClassification } from './github/github.types';
import type { ScanWarning } from './repo-scan.types';

export interface RepositoryUpsert {
  source: RepoSource;
  locationKey: string;
  name: string;
  owner?: string | null;
  lastScannedCommit?: string | null;
  lastCommitAt?: Date | null;
  pushedAt?: Date | null;
  classification?: RepoClassification;
  /** undefined keeps what is stored */
  guardrails?: string[];
  scannedAt: Date;
}

const NO_CLASSIFICATION: RepoClassification = { topics: [], properties: {}, dataClasses: [] };

@Injectable()
export class ReposRepository {
  constructor(
    @InjectRepository(RepositoryEntity) private readonly repos: Repository<RepositoryEntity>,
    @InjectRepository(RepoScanEntity) private readonly scans: Repository<RepoScanEntity>,
    @InjectRepository(GithubOwnerEntity) private readonly owners: Repository<GithubOwnerEntity>,
  ) {}

  findByKey(locationKey: string): Promise<RepositoryEntity | null> {
    return this.repos.findOneBy({ locationKey });
  }

  findByKeys(keys: string[]): Promise<RepositoryEntity[]> {
    return keys.length ? this.repos.findBy({ locationKey: In(keys) }) : Promise.resolve([]);
  }

  findById(id: string): Promise<RepositoryEntity | null> {
    return this.repos.findOneBy({ id });
  }

  findByName(name: string): Promise<RepositoryEntity[]> {
    return this.repos.find({ where: { name }, order: { locationKey: 'ASC' } });
  }

  /** A field left undefined keeps its value; null clears it. */
  async setOwnership(
    id: string,
    change: { team?: string | null; declaredDataClasses?: string[] | null },
  ): Promise<void> {
    await this.repos.update(id, {
      ...(change.team !== undefined
        ? { team: change.team, teamSource: change.team === null ? null : 'manual' }
        : {}),
      ...(change.declaredDataClasses !== undefined
        ? { declaredDataClasses: change.declaredDataClasses }
        : {}),
      updatedAt: new Date(),
    });
  }

  /**
   * Teams read from GitHub during a scan, set where no person chose one; a property that is gone
   * clears the team it had set.
   */
  async setScannedTeams(rows: { locationKey: string; team: string | null }[]): Promise<void> {
    if (rows.length === 0) return;
    await this.repos.query(
      `UPDATE repository r SET team = s.team, team_source = CASE WHEN s.team IS NULL THEN NULL ELSE 'github' END,
              updated_at = now()
         FROM unnest($1::text[], $2::text[]) AS s(location_key, team)
        WHERE r.location_key = s.location_key AND r.team_source IS DISTINCT FROM 'manual'
          AND r.team IS DISTINCT FROM s.team`,
      [rows.map((r) => r.locationKey), rows.map((r) => r.team)],
    );
  }

  /** Every repository's owning team and data classes (declared ones first), in one query. */
  ownership(): Promise<RepositoryOwnership[]> {
    return this.repos.query(
      `SELECT name AS repository, team, coalesce(guardrails, '{}') AS guardrails,
              coalesce(declared_data_classes,
                       ARRAY(SELECT jsonb_array_elements_text(coalesce(classification->'dataClasses', '[]'::jsonb))))
                AS "dataClasses"
         FROM repository ORDER BY name, location_key`,
    );
  }

  list(filter: {
    source?: RepoSource;
    owner?: string;
    limit: number;
    offset: number;
  }): Promise<RepositoryEntity[]> {
    return this.repos.find({
      where: {
        ...(filter.source ? { source: filter.source } : {}),
        ...(filter.owner ? { owner: filter.owner } : {}),
      },
      order: { name: 'ASC' },
      take: filter.limit,
      skip: filter.offset,
    });
  }

  /** One statement for any number of repositories; a field left undefined keeps its value. */
  async upsert(rows: RepositoryUpsert[]): Promise<void> {
    if (rows.length === 0) return;
    const col = <T>(f: (r: RepositoryUpsert) => T) => rows.map(f);
    await this.repos.query(
      `INSERT INTO repository AS r (id, source, location_key, name, owner, last_scanned_commit, last_commit_at,
              pushed_at, classification, last_scanned_at, guardrails)
       SELECT id, source, location_key, name, owner, last_scanned_commit, last_commit_at, pushed_at,
              classification, last_scanned_at,
              CASE guardrails WHEN '-' THEN '{}'::text[] ELSE string_to_array(guardrails, ',') END
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
              $7::timestamptz[], $8::timestamptz[], $9::jsonb[], $10::timestamptz[], $11::text[])
              AS u(id, source, location_key, name, owner, last_scanned_commit, last_commit_at,
                   pushed_at, classification, last_scanned_at, guardrails)
       ON CONFLICT (location_key) DO UPDATE SET
         name = excluded.name,
         owner = COALESCE(excluded.owner, r.owner),
         last_scanned_commit = COALESCE(excluded.last_scanned_commit, r.last_scanned_commit),
         last_commit_at = COALESCE(excluded.last_commit_at, r.last_commit_at),
         pushed_at = COALESCE(excluded.pushed_at, r.pushed_at),
         classification = excluded.classification,
         last_scanned_at = excluded.last_scanned_at,
         guardrails = COALESCE(excluded.guardrails, r.guardrails),
         updated_at = now()`,
      [
        col(() => randomUUID()),
        col((r) => r.source),
        col((r) => r.locationKey),
        col((r) => r.name),
        col((r) => r.owner ?? null),
        col((r) => r.lastScannedCommit ?? null),
        col((r) => r.lastCommitAt?.toISOString() ?? null),
        col((r) => r.pushedAt?.toISOString() ?? null),
        col((r) => JSON.stringify(r.classification ?? NO_CLASSIFICATION)),
        col((r) => r.scannedAt.toISOString()),
        // a text[] of text[] is not possible in unnest: each row's list travels joined
        col((r) => (r.guardrails === undefined ? null : r.guardrails.join(',') || '-')),
      ],
    );
  }

  async startScan(source: RepoSource, target: string, jobId: string | null): Promise<string> {
    const id = randomUUID();
    await this.scans.insert({
      id,
      jobId,
      source,
      target,
      state: 'running',
      repositories: 0,
      traces: 0,
      evidenceInserted: 0,
      requests: null,
      warnings: [],
      error: null,
      startedAt: new Date(),
      finishedAt: null,
    });
    return id;
  }

  async finishScan(
    id: string,
    result: {
      repositories: number;
      traces: number;
      evidenceInserted: number;
      requests?: number;
      warnings: ScanWarning[];
    },
  ): Promise<void> {
    await this.scans.update(id, {
      state: 'completed',
      repositories: result.repositories,
      traces: result.traces,
      evidenceInserted: result.evidenceInserted,
      requests: result.requests ?? null,
      warnings: result.warnings.slice(0, 500),
      finishedAt: new Date(),
    });
  }

  async failScan(id: string, error: string): Promise<void> {
    await this.scans.update(id, { state: 'failed', error, finishedAt: new Date() });
  }

  listScans(limit: number): Promise<RepoScanEntity[]> {
    return this.scans.find({ order: { startedAt: 'DESC' }, take: limit });
  }

  findOwner(ownerKey: string): Promise<GithubOwnerEntity | null> {
    return this.owners.findOneBy({ ownerKey });
  }

  async saveOwner(row: Omit<GithubOwnerEntity, 'updatedAt'>): Promise<void> {
    await this.owners.upsert({ ...row, updatedAt: new Date() }, ['ownerKey']);
  }
}
