import { Injectable } from '@nestjs/common';
import { PeopleService } from '../people/people.service';
import { computeSurveyResults, type SurveyResults } from './results/survey-results';
import type { PrivacyMode } from './survey.types';
import { SurveysRepository } from './surveys.repository';
import { SurveysService } from './surveys.service';

/** Aggregates for every role, suppressed under the survey's k. */
@Injectable()
export class SurveyResultsService {
  constructor(
    private readonly repo: SurveysRepository,
    private readonly surveys: SurveysService,
    private readonly people: PeopleService,
  ) {}

  async results(
    id: string,
  ): Promise<SurveyResults & { surveyId: string; privacyMode: PrivacyMode }> {
    const survey = await this.surveys.requireSurvey(id);
    const [questions, responses, invitations] = await Promise.all([
      this.surveys.questionsOf(id),
      this.repo.listResponses(id),
      this.repo.invitationsOf(id),
    ]);
    const personIds = [
      ...new Set([
        ...invitations.map((i) => i.personId),
        ...responses.map((r) => r.personId).filter((p): p is string => !!p),
      ]),
    ];
    const teams = await this.people.teamPathsOf(personIds);
    const results = computeSurveyResults({
      questions,
      k: survey.k,
      responses: responses.map((r) => ({
        answers: r.answers,
        toolIds: r.toolIds,
        team: r.personId ? (teams.get(r.personId) ?? null) : null,
      })),
      invitations: invitations.map((i) => ({
        team: teams.get(i.personId) ?? null,
        responded: i.responded,
      })),
    });
    return { surveyId: id, privacyMode: survey.privacyMode, ...results };
  }
}
