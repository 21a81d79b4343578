import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SendSurveyMailProcessor } from './mail/send-survey-mail.processor';
import { SurveyImportProcessor } from './survey-import.processor';
import { SurveyMailer } from './mail/survey-mailer.service';
import { PeopleModule } from '../people/people.module';
import { SurveyDraftEntity } from './entities/survey-draft.entity';
import { SurveyInvitationEntity } from './entities/survey-invitation.entity';
import { SurveyQuestionEntity } from './entities/survey-question.entity';
import { SurveyResponseEntity } from './entities/survey-response.entity';
import { SurveyEntity } from './entities/survey.entity';
import { CatalogSurveyCatalog, SurveyCatalog } from './survey-catalog';
import { SurveyFormController } from './survey-form.controller';
import { SurveyFormService } from './survey-form.service';
import { SurveyImportService } from './survey-import.service';
import { SurveySecrets } from './survey-secrets';
import { SurveysController } from './surveys.controller';
import { SurveysRepository } from './surveys.repository';
import { SurveysService } from './surveys.service';
import { SurveyInvitationsService } from './survey-invitations.service';
import { SurveyLinkDeliveryService } from './survey-link-delivery.service';
import { SurveyQuestionsService } from './survey-questions.service';
import { SurveyResponsesService } from './survey-responses.service';
import { SurveyResultsService } from './survey-results.service';
import { SurveyErasureRepository } from './survey-erasure.repository';
import { SurveyWavesController } from './waves/survey-waves.controller';
import { SurveyWavesService } from './waves/survey-waves.service';
import { SurveyBenchmarks } from './benchmarks/survey-benchmarks.service';

@Module({
  imports: [
    PeopleModule,
    TypeOrmModule.forFeature([
      SurveyEntity,
      SurveyQuestionEntity,
      SurveyInvitationEntity,
      SurveyDraftEntity,
      SurveyResponseEntity,
    ]),
  ],
  controllers: [SurveysController, SurveyWavesController, SurveyFormController],
  providers: [
    SurveysRepository,
    SurveyErasureRepository,
    SurveysService,
    SurveyQuestionsService,
    SurveyInvitationsService,
    SurveyLinkDeliveryService,
    SurveyResultsService,
    SurveyWavesService,
    SurveyBenchmarks,
    SurveyResponsesService,
    SurveyImportService,
    SurveyFormService,
    SurveySecrets,
    SurveyMailer,
    SendSurveyMailProcessor,
    SurveyImportProcessor,
    { provide: SurveyCatalog, useClass: CatalogSurveyCatalog },
  ],
  exports: [
    SurveysService,
    SurveyImportService,
    SurveyLinkDeliveryService,
    SurveyQuestionsService,
    SurveyResultsService,
    SurveyWavesService,
    SurveyBenchmarks,
    SurveyMailer,
  ],
})
export class SurveysModule {}
