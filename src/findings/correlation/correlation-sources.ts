import { Injectable } from '@nestjs/common';
import type { ToolDefinition } from '../../catalog/catalog.types';
import type { IdentityKind } from '../../evidence/evidence.types';
import type { SurveyDisclosure } from '../disclosure/disclosure';
import type { ToolPolicy } from '../sanction/sanction';

export interface DirectoryPerson {
  id: string;
  /** display name or e-mail: only person-level views (security, CoE) show it */
  label: string;
  team: string | null;
}

export interface IdentityRef {
  kind: IdentityKind;
  value: string;
}

/**
 * What correlation needs from the catalog, people, surveys and repository modules. The findings
 * module reads them through this port so it does not reach into their tables.
 */
export interface CorrelationSources {
  tools(): Promise<ToolDefinition[]>;
  policies(): Promise<Map<string, ToolPolicy>>;
  people(): Promise<DirectoryPerson[]>;
  /** one person id (or null) per identity, in order */
  resolveIdentities(identities: IdentityRef[]): Promise<(string | null)[]>;
  disclosures(): Promise<{ surveyedPersonIds: string[]; disclosures: SurveyDisclosure[] }>;
  repositories(): Promise<{ repository: string; team: string | null; dataClasses: string[] }[]>;
}

export const CORRELATION_SOURCES = Symbol('CORRELATION_SOURCES');

export interface CorrelationSnapshot {
  tools: ToolDefinition[];
  policies: Map<string, ToolPolicy>;
  people: DirectoryPerson[];
  identities: Map<string, string>;
  surveyedPersonIds: string[];
  disclosures: SurveyDisclosure[];
  repositories: { repository: string; team: string | null; dataClasses: string[] }[];
}

export const identityKey = (kind: string, value: string) => `${kind}\u0000${value.toLowerCase()}`;

/**
 * Sources held in memory: the embedded demo and the benchmark load them directly, and it stands
 * in for modules that are not installed.
 */
@Injectable()
export class InMemoryCorrelationSources implements CorrelationSources {
  private data: CorrelationSnapshot = {
    tools: [],
    policies: new Map(),
    people: [],
    identities: new Map(),
    surveyedPersonIds: [],
    disclosures: [],
    repositories: [],
  };

  set(data: Partial<CorrelationSnapshot>): void {
    this.data = { ...this.data, ...data };
  }

  async tools() {
    return this.data.tools;
  }

  async policies() {
    return this.data.policies;
  }

  async people() {
    return this.data.people;
  }

  async resolveIdentities(identities: IdentityRef[]) {
    return identities.map((i) =>
      i.kind === 'person'
        ? i.value
        : (this.data.identities.get(identityKey(i.kind, i.value)) ?? null),
    );
  }

  async disclosures() {
    return { surveyedPersonIds: this.data.surveyedPersonIds, disclosures: this.data.disclosures };
  }

  async repositories() {
    return this.data.repositories;
  }
}
