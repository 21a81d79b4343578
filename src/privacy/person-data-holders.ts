import type { Provider } from '@nestjs/common';
import type { PersonDataHolder } from '../common/person-data';
import { EvidenceService } from '../evidence/evidence.service';
import { FindingsService } from '../findings/findings.service';
import { OutreachService } from '../guardrails/outreach/outreach.service';
import { PeopleService } from '../people/people.service';
import { EndpointsService } from '../signals/endpoints/endpoints.service';
import { NetworkUsageService } from '../signals/network/network-usage.service';
import { VendorConnectorsService } from '../signals/vendors/vendor-connectors.service';
import { SurveysService } from '../surveys/surveys.service';

/** What a subject-access request asks each module that holds person-level records. */
export type PersonDataSource = Pick<PersonDataHolder, 'personData'>;

export const PERSON_DATA_SOURCES = Symbol('PERSON_DATA_SOURCES');

/**
 * Every module service that holds records about a person, in the order an export lists them.
 * A module that starts holding person-level records adds its service here: one line.
 */
const SOURCES = [
  PeopleService,
  EvidenceService,
  NetworkUsageService,
  EndpointsService,
  VendorConnectorsService,
  FindingsService,
  SurveysService,
  OutreachService,
] as const;

export const personDataSourcesProvider: Provider = {
  provide: PERSON_DATA_SOURCES,
  inject: [...SOURCES],
  useFactory: (...sources: PersonDataSource[]): PersonDataSource[] => sources,
};
