import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { AppConfig } from '../config/app-config';
import { DomainError, ErrorCode } from '../common/domain-error';
import type { PersonDataSection } from '../common/person-data';
import type { ProgressCallback } from '../jobs/job.types';
import { parseDirectoryCsv } from './directory-csv.parser';
import { fetchGithubOrgMembers } from './github-directory.client';
import {
  IdentityRepository,
  type IdentityUpsert,
  type LeaseInsert,
  type UnresolvedRecord,
} from './identity.repository';
import type { ResolvableKind } from './identity/identity-kinds';
import {
  normaliseIdentity,
  resolveIdentity,
  type Directory,
  type ObservedIdentity,
  type ResolutionRule,
} from './identity/identity-rules';
import { LeaseBook, type IpLease, type TimeSpan } from './identity/ip-leases';
import type { IpLeaseEntity } from './entities/ip-lease.entity';
import { parseLeaseCsv } from './lease-csv.parser';
import { PeopleRepository } from './people.repository';
import {
  ErasedIdentities,
  isTombstoneKind,
  tombstoneHash,
  type TombstoneKind,
} from './identity/erased-identities';
import { usernameLocalPart } from './identity/identity-rules';
import { PersonErasureRepository } from './person-erasure.repository';

export interface IdentityResolution {
  personId: string | null;
  confidence: number;
  rule?: ResolutionRule;
}

const DIRECTORY_TTL_MS = 30_000;
/** A lease names its holder only on a rule this sure: no guesses from name shapes. */
const LEASE_HOLDER_MIN_CONFIDENCE = 0.9;
/** persons per INSERT, and so per progress step of a directory import */
const PERSON_BATCH = 1_000;

/** Everything that names one person, gathered before an erasure removes it. */
export interface PersonIdentifiers {
  personId: string;
  name: string | null;
  /** every identity, kind and normalised value (the directory's e-mail and login included) */
  identities: { kind: ResolvableKind; value: string }[];
  leases: { ip: string; from: Date; to: Date | null }[];
  /** every string that names them, for scrubbing free text: id, name, identities, addresses */
  strings: string[];
}

export interface DirectoryImportResult {
  persons: number;
  teams: number;
  identities: number;
  errors: string[];
}

/** The people directory and identity resolution other modules call. */
@Injectable()
export class PeopleService {
  private directory?: { at: number; value: Directory };

  constructor(
    private readonly people: PeopleRepository,
    private readonly identities: IdentityRepository,
    private readonly config: AppConfig,
    private readonly erasure: PersonErasureRepository,
  ) {}

  // ── Subject access (privacy): what the people module holds about one person ──

  /** The directory entry, the identities and the IP leases of one person. */
  async personData(personId: string): Promise<PersonDataSection[]> {
    const [person, identities, leases] = await Promise.all([
      this.people.findById(personId),
      this.identities.listForPerson(personId),
      this.identities.leasesOf(personId),
    ]);
    return [
      {
        kind: 'directory',
        rows: person
          ? [
              {
                id: person.id,
                email: person.email,
                name: person.name,
                team: person.teamPath,
                githubLogin: person.githubLogin,
                source: person.source,
              },
            ]
          : [],
      },
      {
        kind: 'identities',
        rows: identities.map((i) => ({
          kind: i.kind,
          value: i.value,
          confidence: i.confidence,
          source: i.source,
          linkedByHand: i.manual,
          since: i.createdAt.toISOString(),
        })),
      },
      {
        kind: 'ip-leases',
        rows: leases.map((l) => ({
          ip: l.ip,
          from: l.validFrom.toISOString(),
          to: l.validTo?.toISOString() ?? null,
          source: l.source,
        })),
      },
    ];
  }

  /**
   * Which of the observed identities the resolution rules give to this person (as correlation
   * would, IP addresses by the lease covering their span); nothing is recorded as unresolved.
   */
  async identitiesOfPerson<T extends ObservedIdentity>(
    personId: string,
    observed: T[],
  ): Promise<T[]> {
    const directory = await this.loadDirectory(true);
    return observed.filter((o) => {
      const r = resolveIdentity(directory, o.kind, o.value, o.at);
      return r.resolved && r.personId === personId;
    });
  }

  /** The person a directory e-mail, or an e-mail identity linked to one person, designates. */
  async personIdByEmail(email: string): Promise<string | undefined> {
    const value = normaliseIdentity('email', email);
    if (!value) return undefined;
    const direct = await this.people.idsByEmail([email.trim(), value]);
    const [first] = [...direct.values()];
    if (first) return first;
    const linked = await this.identities.personIdsWithIdentity('email', value);
    return linked.length === 1 ? linked[0] : undefined;
  }

  // ── end of subject access ──

  async importDirectoryCsv(
    text: string,
    fileName = 'directory.csv',
    progress: ProgressCallback = () => undefined,
  ): Promise<DirectoryImportResult> {
    const parsed = parseDirectoryCsv(text, fileName);
    const { errors } = parsed;
    const erased = await this.erasedIdentities();
    // an erased person is not brought back by an old export; the error names only the line
    const rows = parsed.rows.filter((r) => {
      if (!erased.has('email', r.email)) return true;
      errors.push(`${fileName}: line ${r.line}: an erased person; not imported again`);
      return false;
    });
    if (rows.length === 0 && errors.length > 0)
      throw new DomainError(ErrorCode.InvalidInput, errors.join('; '));
    await progress(10, { rows: rows.length, persons: 0 });
    const teamIds = new Map<string, string | null>();
    for (const row of rows) {
      const key = row.teamPath.join('/');
      if (key && !teamIds.has(key))
        teamIds.set(key, await this.people.upsertTeamPath(row.teamPath));
    }
    await progress(20, { rows: rows.length, persons: 0, teams: teamIds.size });
    const ids = new Map<string, string>();
    for (let i = 0; i < rows.length; i += PERSON_BATCH) {
      const batch = await this.people.upsertPersons(
        rows.slice(i, i + PERSON_BATCH).map((r) => ({
          email: r.email,
          name: r.name,
          teamId: teamIds.get(r.teamPath.join('/')) ?? null,
          githubLogin: r.githubLogin,
          source: 'directory-csv',
        })),
      );
      for (const [email, id] of batch) ids.set(email, id);
      await progress(20 + (60 * ids.size) / rows.length, { rows: rows.length, persons: ids.size });
    }
    const managerEmails = rows.map((r) => r.managerEmail).filter((e): e is string => !!e);
    const managers = await this.people.idsByEmail(managerEmails);
    const pairs: { personId: string; managerId: string }[] = [];
    for (const row of rows) {
      if (!row.managerEmail) continue;
      const managerId = managers.get(row.managerEmail);
      if (!managerId)
        errors.push(
          `${fileName}: line ${row.line}: field "manager": ${row.managerEmail} is not in the directory`,
        );
      else pairs.push({ personId: ids.get(row.email) as string, managerId });
    }
    await this.people.setManagers(pairs);
    const identityRows: IdentityUpsert[] = [];
    const leases: LeaseInsert[] = [];
    for (const row of rows) {
      const personId = ids.get(row.email) as string;
      identityRows.push({
        personId,
        kind: 'email',
        value: row.email,
        confidence: 1,
        source: 'directory-csv',
      });
      if (row.githubLogin)
        identityRows.push({
          personId,
          kind: 'github',
          value: normaliseIdentity('github', row.githubLogin),
          confidence: 1,
          source: 'directory-csv',
        });
      for (const alias of row.aliases) {
        if (alias.kind === 'ip')
          leases.push({
            ip: normaliseIdentity('ip', alias.value),
            personId,
            from: new Date(0),
            to: null,
            source: 'directory-csv',
          });
        else
          identityRows.push({
            personId,
            kind: alias.kind,
            value: normaliseIdentity(alias.kind, alias.value),
            confidence: 1,
            source: 'directory-csv',
          });
      }
    }
    await this.identities.upsertImported(dedupe(identityRows));
    await this.identities.addLeases(leases);
    this.directory = undefined;
    await progress(100, { rows: rows.length, persons: ids.size });
    return { persons: rows.length, teams: teamIds.size, identities: identityRows.length, errors };
  }

  async importGithubOrg(
    org: string,
  ): Promise<{ members: number; created: number; requests: number }> {
    if (!/^[a-z0-9](?:[a-z0-9-]{0,38})$/i.test(org))
      throw new DomainError(
        ErrorCode.InvalidInput,
        `org: "${org}" is not a GitHub organisation name`,
      );
    let fetched: Awaited<ReturnType<typeof fetchGithubOrgMembers>>;
    try {
      fetched = await fetchGithubOrgMembers({
        org,
        apiUrl: this.config.githubApiUrl,
        token: this.config.githubToken,
      });
    } catch (error) {
      const status = (error as { status?: number }).status;
      // The message names the organisation and status only; never the request's credentials.
      throw new DomainError(
        status === 404 ? ErrorCode.NotFound : ErrorCode.Unavailable,
        `GitHub organisation ${org}: members could not be read (${status ?? 'no response'})`,
      );
    }
    let created = 0;
    const identityRows: IdentityUpsert[] = [];
    const erased = await this.erasedIdentities();
    for (const member of fetched.members) {
      if (erased.has('github', member.login)) continue;
      const person = await this.people.upsertGithubMember(member);
      if (person.created) created++;
      identityRows.push({
        personId: person.id,
        kind: 'github',
        value: member.login.toLowerCase(),
        confidence: 1,
        source: 'github-org',
      });
      if (member.email)
        identityRows.push({
          personId: person.id,
          kind: 'email',
          value: member.email,
          confidence: 0.9,
          source: 'github-org',
        });
    }
    await this.identities.upsertImported(dedupe(identityRows));
    this.directory = undefined;
    return { members: fetched.members.length, created, requests: fetched.requests };
  }

  /** The person an identity resolves to now, or null; unlike resolveIdentity, nothing is recorded. */
  async personOfIdentity(kind: ResolvableKind, value: string): Promise<string | null> {
    const r = resolveIdentity(await this.loadDirectory(), kind, value);
    return r.resolved ? r.personId : null;
  }

  /**
   * Which person an observed identity belongs to, with the confidence of the rule that said so.
   * An identity no rule settles is added to the list for a human and returns personId null.
   * `at`: when it was observed (a moment, or first to last seen); IP leases depend on it.
   */
  async resolveIdentity(
    kind: ResolvableKind,
    value: string,
    opts: { at?: Date | TimeSpan; source?: string } = {},
  ): Promise<IdentityResolution> {
    const [result] = await this.resolveIdentities(
      [{ kind, value, at: opts.at }],
      opts.source ?? 'unknown',
    );
    return result;
  }

  /** As resolveIdentity, for a batch: one directory read, one write for what stays unresolved. */
  /** Changes whenever anything resolveIdentities reads changes: derived results keyed on it stay true. */
  directoryRevision(): Promise<string> {
    return this.identities.directoryRevision();
  }

  async resolveIdentities(
    observed: ObservedIdentity[],
    source: string,
  ): Promise<IdentityResolution[]> {
    const directory = await this.loadDirectory();
    const erased = await this.erasedIdentities();
    const unresolved = new Map<string, UnresolvedRecord>();
    const out = observed.map(({ kind, value, at }): IdentityResolution => {
      // an erased identity resolves to no one and is not kept for a human to link either
      if (erased.has(kind, value)) return { personId: null, confidence: 0 };
      const result = resolveIdentity(directory, kind, value, at);
      if (result.resolved)
        return { personId: result.personId, confidence: result.confidence, rule: result.rule };
      if (result.reason !== 'invalid') {
        const normalised = normaliseIdentity(kind, value);
        unresolved.set(`${kind}\u0000${normalised}`, {
          kind,
          value: normalised,
          source,
          reason: result.reason,
          candidates: result.candidates,
        });
      }
      return { personId: null, confidence: 0 };
    });
    await this.identities.recordUnresolved([...unresolved.values()]);
    return out;
  }

  /**
   * Imports a lease export (ip, person, from, to). Each person is found in the directory by
   * e-mail or user name. `strict` (a lease file given with a log ingest) refuses the whole file
   * when a row is bad, since an ingest attributes its lines once; otherwise good rows are kept
   * and bad ones reported, as the directory import does.
   */
  async importLeasesCsv(
    text: string,
    fileName = 'leases.csv',
    opts: { strict?: boolean } = {},
  ): Promise<{ leases: number; added: number; errors: string[] }> {
    const { rows, errors } = parseLeaseCsv(text, fileName);
    const directory = await this.loadDirectory(true);
    const leases: LeaseInsert[] = [];
    for (const row of rows) {
      const kind = row.person.includes('@') && !row.person.includes('\\') ? 'email' : 'username';
      const result = resolveIdentity(directory, kind, row.person);
      if (result.resolved && result.confidence >= LEASE_HOLDER_MIN_CONFIDENCE)
        leases.push({
          ip: row.ip,
          personId: result.personId,
          from: row.from ?? new Date(0),
          to: row.to,
          source: `lease-csv:${fileName}`,
        });
      else
        errors.push(
          `${fileName}: line ${row.line}: field "person": ${row.person} ${
            !result.resolved && result.reason === 'ambiguous'
              ? `matches ${result.candidates.length} people`
              : 'is not a person of the directory'
          }`,
        );
    }
    if (rows.length === 0 && errors.length === 0)
      errors.push(`${fileName}: the file holds no lease`);
    if (errors.length > 0 && (opts.strict || leases.length === 0))
      throw new DomainError(ErrorCode.InvalidInput, summariseErrors(errors));
    const added = await this.identities.addLeases(leases);
    this.directory = undefined;
    return { leases: leases.length, added, errors };
  }

  /** Every lease, read now (not from the cached directory), for a run that resolves many lines. */
  async leaseBook(): Promise<LeaseBook> {
    return new LeaseBook((await this.identities.listLeases()).map(toIpLease));
  }

  async linkIdentity(
    personId: string,
    kind: ResolvableKind,
    value: string,
    actorName: string,
  ): Promise<void> {
    if ((await this.people.existingIds([personId])).length === 0)
      throw new DomainError(ErrorCode.NotFound, `personId: no person ${personId}`);
    const normalised = normaliseIdentity(kind, value);
    if (!normalised) throw new DomainError(ErrorCode.InvalidInput, 'value: empty identity');
    await this.identities.linkManually(personId, kind, normalised, `manual:${actorName}`);
    this.directory = undefined;
  }

  listUnresolved(limit = 500) {
    return this.identities.listUnresolved(limit);
  }

  listPersons(filter: { teamId?: string; limit?: number; offset?: number }) {
    return this.people.list({
      teamId: filter.teamId,
      limit: Math.min(filter.limit ?? 100, 1000),
      offset: filter.offset ?? 0,
    });
  }

  /** The people among these ids (ids that are not a person's are left out). */
  personsWithIds(ids: string[]) {
    const valid = ids.filter((id) => isUUID(id));
    return valid.length === 0 ? Promise.resolve([]) : this.people.withIds(valid);
  }

  /** Ids of the people of a team and of the teams under it (`eng` holds `eng/web`). */
  personIdsOfTeam(path: string) {
    return this.people.idsInTeam(path);
  }

  /** The paths of the teams that have people. */
  teamsWithPeople() {
    return this.people.pathsWithPeople();
  }

  /** People to pick from when linking an identity by hand: e-mail, name or login contains `text`. */
  searchPersons(text: string, limit = 20) {
    const q = text.trim();
    if (q.length < 2) return Promise.resolve([]);
    return this.people.search(q.slice(0, 200), Math.min(limit, 100));
  }

  async getPerson(id: string) {
    const person = await this.people.findById(id);
    if (!person) throw new DomainError(ErrorCode.NotFound, `no person ${id}`);
    return { ...person, identities: await this.identities.listForPerson(id) };
  }

  listTeams() {
    return this.people.listTeams();
  }

  /** The paths of the teams a name or path (any case) designates: none, one, or several. */
  teamPathsNamed(text: string): Promise<string[]> {
    return this.people.teamPathsNamed(text);
  }

  existingPersonIds(ids: string[]) {
    return this.people.existingIds(ids);
  }

  allPersonIds() {
    return this.people.allIds();
  }

  personIdsInTeam(teamId: string) {
    return this.people.idsInTeamTree(teamId);
  }

  teamPathsOf(personIds: string[]) {
    return this.people.teamPathsOf(personIds);
  }

  teamsWithHeadcount(personIds: string[]) {
    return this.people.teamsWithHeadcount(personIds);
  }

  async contactsOf(
    personIds: string[],
  ): Promise<Map<string, { email: string | null; name: string | null }>> {
    return this.people.contactsOf(personIds);
  }

  // --- erasure (privacy): what names a person, their removal, and the tombstones left behind ---

  /** A person named by id, e-mail or GitHub login; null when none or several match. */
  findPersonIdByReference(ref: string): Promise<string | null> {
    return this.erasure.findPersonId(ref);
  }

  /** Everything that names the person, or null when there is no such person. */
  async identifiersOf(personId: string): Promise<PersonIdentifiers | null> {
    const person = await this.erasure.person(personId);
    if (!person) return null;
    const identities = new Map<string, { kind: ResolvableKind; value: string }>();
    const add = (kind: ResolvableKind, value: string | null) => {
      if (value)
        identities.set(`${kind}\u0000${value}`, { kind, value: normaliseIdentity(kind, value) });
    };
    add('email', person.email);
    add('github', person.githubLogin);
    for (const i of await this.identities.listForPerson(personId)) add(i.kind, i.value);
    const leases = (await this.identities.listLeases())
      .filter((l) => l.personId === personId)
      .map((l) => ({ ip: l.ip, from: l.validFrom, to: l.validTo }));
    const list = [...identities.values()];
    const strings = [
      personId,
      ...(person.name ? [person.name] : []),
      ...list.map((i) => i.value),
      // a log names the user as DOMAIN\\user or user@domain as well
      ...list.filter((i) => i.kind === 'username').map((i) => usernameLocalPart(i.value)),
      ...leases.map((l) => l.ip),
    ];
    return {
      personId,
      name: person.name,
      identities: list,
      leases,
      strings: [...new Set(strings)],
    };
  }

  /** The tombstones of erased identities, read now, for a run that checks many identities. */
  async erasedIdentities(): Promise<ErasedIdentities> {
    const hashes = await this.erasure.tombstoneHashes();
    return new ErasedIdentities(hashes.size > 0 ? await this.erasure.salt() : '', hashes);
  }

  /**
   * Removes the person, their identities and leases from the directory and leaves a keyed hash
   * of each identity (and of each e-mail's local part as a user name), so later imports and
   * resolution skip them. Run last: the other modules find the person's records through it.
   */
  async erasePerson(
    personId: string,
    erasureId: string = randomUUID(),
  ): Promise<Record<string, number>> {
    const ids = await this.identifiersOf(personId);
    if (!ids) return { persons: 0 };
    const salt = await this.erasure.salt();
    const tombstones = new Map<string, { hash: string; kind: string }>();
    const stone = (kind: TombstoneKind, value: string) => {
      const hash = tombstoneHash(salt, kind, value);
      tombstones.set(hash, { hash, kind });
    };
    for (const i of ids.identities) {
      if (!isTombstoneKind(i.kind)) continue;
      stone(i.kind, i.value);
      if (i.kind === 'email') stone('username', i.value);
    }
    const counts = await this.erasure.erase(
      personId,
      ids.identities.map((i) => i.value),
      [...tombstones.values()],
      erasureId,
    );
    this.directory = undefined;
    return counts;
  }

  private async loadDirectory(fresh = false): Promise<Directory> {
    if (!fresh && this.directory && Date.now() - this.directory.at < DIRECTORY_TTL_MS)
      return this.directory.value;
    const [persons, identities, leases] = await Promise.all([
      this.people.directoryPersons(),
      this.identities.listAll(),
      this.identities.listLeases(),
    ]);
    const byPerson = new Map<string, { emails: string[]; usernames: string[] }>();
    for (const i of identities) {
      const entry = byPerson.get(i.personId) ?? { emails: [], usernames: [] };
      if (i.kind === 'email') entry.emails.push(i.value);
      if (i.kind === 'username') entry.usernames.push(i.value);
      byPerson.set(i.personId, entry);
    }
    const value: Directory = {
      persons: persons.map((p) => ({
        id: p.id,
        emails: [...(p.email ? [p.email] : []), ...(byPerson.get(p.id)?.emails ?? [])],
        githubLogin: p.githubLogin,
        usernames: byPerson.get(p.id)?.usernames ?? [],
      })),
      identities: identities.map((i) => ({
        personId: i.personId,
        kind: i.kind,
        value: i.value,
        manual: i.manual,
      })),
      leases: leases.map(toIpLease),
    };
    this.directory = { at: Date.now(), value };
    return value;
  }
}

function toIpLease(l: IpLeaseEntity): IpLease {
  return { ip: l.ip, personId: l.personId, from: l.validFrom, to: l.validTo };
}

function summariseErrors(errors: string[]): string {
  const shown = errors.slice(0, 10).join('; ');
  return errors.length > 10 ? `${shown}; and ${errors.length - 10} more` : shown;
}

function dedupe(rows: IdentityUpsert[]): IdentityUpsert[] {
  const byKey = new Map<string, IdentityUpsert>();
  for (const row of rows) byKey.set(`${row.kind}\u0000${row.value}`, row);
  return [...byKey.values()];
}
