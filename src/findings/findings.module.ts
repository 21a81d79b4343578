import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleModule } from '../people/people.module';
import { ReposModule } from '../signals/repos/repos.module';
import { SurveysModule } from '../surveys/surveys.module';
import { CorrelateProcessor } from './correlation/correlate.processor';
import type { CorrelationSources } from './correlation/correlation-sources';
import { CORRELATION_SOURCES, GIVEN_CORRELATION_SOURCES } from './correlation/correlation-sources';
import { CorrelationSourcesAdapter } from './correlation/correlation-sources.adapter';
import { CorrelationRepository } from './correlation/correlation.repository';
import { CorrelationService } from './correlation/correlation.service';
import { FindingEventEntity } from './entities/finding-event.entity';
import { FindingIdentityEntity } from './entities/finding-identity.entity';
import { FindingEntity } from './entities/finding.entity';
import { SuppressedFingerprintEntity } from './entities/suppressed-fingerprint.entity';
import { CorrelationStateEntity } from './entities/correlation-state.entity';
import { ClarifiedDisclosureService } from './disclosure/clarified-disclosure.service';
import { FindingReadsService } from './finding-reads.service';
import { FindingsController } from './findings.controller';
import { FindingRevealEntity } from './entities/finding-reveal.entity';
import { FindingRevealsController } from './finding-reveals.controller';
import { FindingMasksService } from './reveal/finding-masks.service';
import { FindingRevealRepository } from './reveal/finding-reveal.repository';
import { RevealService } from './reveal/reveal.service';
import { TriagePseudonyms } from './reveal/triage-pseudonyms';
import { FindingsErasureRepository } from './findings-erasure.repository';
import { FindingsRepository } from './findings.repository';
import { FindingsService } from './findings.service';
import { TriageService } from './triage/triage.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      FindingEntity,
      FindingEventEntity,
      SuppressedFingerprintEntity,
      CorrelationStateEntity,
      FindingIdentityEntity,
      FindingRevealEntity,
    ]),
    PeopleModule,
    SurveysModule,
    ReposModule,
  ],
  // reveals first: `reveal-requests` must not be taken for a finding id
  controllers: [FindingRevealsController, FindingsController],
  providers: [
    FindingReadsService,
    FindingsRepository,
    FindingsErasureRepository,
    FindingRevealRepository,
    TriagePseudonyms,
    RevealService,
    FindingMasksService,
    CorrelationRepository,
    CorrelationService,
    TriageService,
    FindingsService,
    ClarifiedDisclosureService,
    CorrelateProcessor,
    CorrelationSourcesAdapter,
    {
      provide: CORRELATION_SOURCES,
      inject: [CorrelationSourcesAdapter, { token: GIVEN_CORRELATION_SOURCES, optional: true }],
      useFactory: (modules: CorrelationSourcesAdapter, given?: CorrelationSources) =>
        given ?? modules,
    },
  ],
  exports: [
    CorrelationService,
    FindingsService,
    FindingReadsService,
    TriageService,
    ClarifiedDisclosureService,
    CORRELATION_SOURCES,
  ],
})
export class FindingsModule {}
