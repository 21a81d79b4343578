import { DynamicModule, Module } from '@nestjs/common';
import { CatalogModule } from './catalog/catalog.module';
import { AppConfig } from './config/app-config';
import { DemoModule } from './demo/demo.module';
import { HealthModule } from './health/health.module';
import { coreModules } from './bootstrap/core-modules';
import { JobsModule } from './jobs/jobs.module';
import type { ProcessRole } from './jobs/process-role';
import { PeopleModule } from './people/people.module';
import { PrivacyAccessModule } from './privacy/privacy-access.module';
import { EvidenceModule } from './evidence/evidence.module';
import { ReposModule } from './signals/repos/repos.module';
import type { CorrelationSources } from './findings/correlation/correlation-sources';
import { GIVEN_CORRELATION_SOURCES } from './findings/correlation/correlation-sources';
import { FindingsModule } from './findings/findings.module';
import { GuardrailsEnforcementModule } from './guardrails/enforcement/guardrails-enforcement.module';
import { GuardrailsOutreachModule } from './guardrails/outreach/guardrails-outreach.module';
import { ReportsModule } from './reports/reports.module';
import { EndpointsModule } from './signals/endpoints/endpoints.module';
import { NetworkModule } from './signals/network/network.module';
import { SurveysModule } from './surveys/surveys.module';
import { PrivacyErasureModule } from './privacy/erasure/privacy-erasure.module';
import { RetentionModule } from './privacy/retention/retention.module';
import { VendorsModule } from './signals/vendors/vendors.module';
import { WebModule } from './web/web.module';

/** The domain modules; every entry point loads all of them. */
const DOMAIN_MODULES = [
  CatalogModule,
  EvidenceModule,
  PeopleModule,
  SurveysModule,
  NetworkModule,
  EndpointsModule,
  FindingsModule,
  GuardrailsEnforcementModule,
  GuardrailsOutreachModule,
  ReportsModule,
  PrivacyErasureModule,
  ReposModule,
  VendorsModule,
  PrivacyAccessModule,
  RetentionModule,
  DemoModule,
];

/** One module graph behind the three entry points (API, worker, CLI). */
@Module({})
export class AppModule {
  /**
   * `correlationSources` replaces what correlation reads from the catalog, people, surveys and
   * repository modules with a fixed organisation (the benchmark, the scoring tests).
   */
  static forRoot(opts: {
    role: ProcessRole;
    config: AppConfig;
    correlationSources?: CorrelationSources;
  }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...coreModules(opts.config),
        JobsModule.forRoot(opts.role),
        HealthModule,
        ...DOMAIN_MODULES,
        // The console serves pages; the worker and the CLI have no HTTP to serve them on.
        ...(opts.role === 'api' ? [WebModule] : []),
        ...(opts.correlationSources ? [givenSources(opts.correlationSources)] : []),
      ],
    };
  }
}

function givenSources(sources: CorrelationSources): DynamicModule {
  return {
    module: GivenCorrelationSourcesModule,
    global: true,
    providers: [{ provide: GIVEN_CORRELATION_SOURCES, useValue: sources }],
    exports: [GIVEN_CORRELATION_SOURCES],
  };
}

@Module({})
class GivenCorrelationSourcesModule {}
