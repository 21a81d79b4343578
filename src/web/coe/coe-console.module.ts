import { Module } from '@nestjs/common';
import { NetworkModule } from '../../signals/network/network.module';
import { ReposModule } from '../../signals/repos/repos.module';
import { SurveysModule } from '../../surveys/surveys.module';
import { ConsoleCoreModule } from '../console/console-core.module';
import { CatalogPagesController } from './catalog/catalog-pages.controller';
import { CoeUploads } from './coe-uploads';
import { PeoplePagesController } from './people/people-pages.controller';
import { SourcesPagesController } from './sources/sources-pages.controller';
import { QuestionEditorController } from './surveys/question-editor.controller';
import { SurveyPagesController } from './surveys/survey-pages.controller';
import { SurveyTextsController } from './surveys/survey-texts.controller';

/** The CoE's pages: /catalog, /surveys, /sources, /people (coe and admin). */
@Module({
  imports: [ConsoleCoreModule, SurveysModule, ReposModule, NetworkModule],
  controllers: [
    CatalogPagesController,
    SurveyPagesController,
    QuestionEditorController,
    SurveyTextsController,
    SourcesPagesController,
    PeoplePagesController,
  ],
  providers: [CoeUploads],
})
export class CoeConsoleModule {}
