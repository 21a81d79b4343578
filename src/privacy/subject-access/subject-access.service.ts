import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../../auth/audit.service';
import type { Actor } from '../../auth/role';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { PeopleService } from '../../people/people.service';
import { PERSON_DATA_SOURCES, type PersonDataSource } from '../person-data-holders';
import {
  buildSubjectAccessExport,
  subjectAccessCsv,
  type SubjectAccessExport,
} from './subject-access-export';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type SubjectAccessFormat = 'json' | 'csv';

/** Answers a subject-access request: everything each module holds about one person, audited. */
@Injectable()
export class SubjectAccessService {
  constructor(
    @Inject(PERSON_DATA_SOURCES) private readonly sources: PersonDataSource[],
    private readonly people: PeopleService,
    private readonly audit: AuditService,
  ) {}

  /** A person id, or an e-mail address of the directory (or linked to exactly one person). */
  async resolvePerson(ref: string): Promise<string> {
    const text = ref.trim();
    if (UUID.test(text)) {
      const [found] = await this.people.existingPersonIds([text.toLowerCase()]);
      if (found) return found;
    } else if (text.includes('@')) {
      const found = await this.people.personIdByEmail(text);
      if (found) return found;
    } else {
      throw new DomainError(
        ErrorCode.InvalidInput,
        `person: "${text}" is neither a person id nor an e-mail address`,
      );
    }
    throw new DomainError(ErrorCode.NotFound, `person: no person ${text} in the directory`);
  }

  async export(ref: string, actor: Actor, now = new Date()): Promise<SubjectAccessExport> {
    const personId = await this.resolvePerson(ref);
    const sections = [];
    for (const source of this.sources) sections.push(...(await source.personData(personId)));
    const result = buildSubjectAccessExport(personId, sections, now);
    await this.audit.record({
      actor,
      action: 'person.export',
      targetType: 'person',
      targetId: personId,
      detail: {
        records: Object.fromEntries(Object.entries(result.data).map(([k, v]) => [k, v.length])),
      },
    });
    return result;
  }

  async exportAs(
    ref: string,
    format: SubjectAccessFormat,
    actor: Actor,
  ): Promise<{ personId: string; contentType: string; extension: string; body: string }> {
    const x = await this.export(ref, actor);
    return format === 'csv'
      ? {
          personId: x.personId,
          contentType: 'text/csv; charset=utf-8',
          extension: 'csv',
          body: subjectAccessCsv(x),
        }
      : {
          personId: x.personId,
          contentType: 'application/json',
          extension: 'json',
          body: `${JSON.stringify(x, null, 2)}\n`,
        };
  }
}
