import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { SurveysService } from '../../../surveys/surveys.service';
import { ConsolePage } from '../../console/console.decorators';
import { CONSOLE_ROLES } from '../../console/nav';
import { page, redirectTo, SignedIn } from '../../console/page';
import type { ConsoleSessionContext } from '../../session/console-session.service';
import type { CoeFieldError, CoeFormBody } from '../coe-form';
import { parseSurveyTextsForm, surveyTextsView, type SurveyTextsSource } from './survey-texts-form';

/** /surveys/:id/texts: the survey's title and description in other languages, and its mails' language. */
@Controller('surveys')
export class SurveyTextsController {
  constructor(private readonly surveys: SurveysService) {}

  @Get(':id/texts')
  @ConsolePage(...CONSOLE_ROLES.surveys)
  async texts(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.textsPage(id, await this.surveys.requireSurvey(id));
  }

  @Post(':id/texts')
  @ConsolePage(...CONSOLE_ROLES.surveys)
  async save(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CoeFormBody,
    @SignedIn() session: ConsoleSessionContext,
  ) {
    const survey = await this.surveys.requireSurvey(id);
    const { input, errors } = parseSurveyTextsForm(body);
    if (!input) return this.textsPage(id, survey, body, errors, 400);
    await this.surveys.setTexts(id, input, session.actor);
    return redirectTo(`/surveys/${id}`, 'Title, description and e-mail language saved.');
  }

  private textsPage(
    id: string,
    survey: SurveyTextsSource,
    body?: CoeFormBody,
    errors: CoeFieldError[] = [],
    status?: number,
  ) {
    return page(
      'coe/surveys/survey-texts',
      `Languages of "${survey.title}"`,
      { survey: { id, title: survey.title }, ...surveyTextsView(survey, body), errors },
      status,
    );
  }
}
