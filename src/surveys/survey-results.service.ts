import { Injectable } from '@nestjs/common';
import { PeopleService } from '../people/people.service';
import type { BenchmarkComparison } from './benchmarks/benchmark-figures';
import { SurveyBenchmarks } from './benchmarks/survey-benchmarks.service';
import { computeSurveyResults, type SurveyResults } from './results/survey-results';
import type { PrivacyMode } from './survey.types';
import { SurveysRepository } from './surveys.repository';
import { SurveysService } from './surveys.service';
import { SurveyWavesService, type SurveyWave } from './waves/survey-waves.service';
import type { WaveChange } from './waves/wave-change';

export interface SurveyResultsWithWaves extends SurveyResults {
  surveyId: string;
  privacyMode: PrivacyMode;
  wave: { number: number; seriesId: string; previous: SurveyWave | null };
  /** each question's change since the previous wave, by team above k; null for a first wave */
  waveChange: WaveChange | null;
  /** published figures beside the organisation's own, each with its source */
  benchmarks: BenchmarkComparison[];
}

/** Aggregates for every role, suppressed under the survey's k. */
@Injectable()
export class SurveyResultsService {
  constructor(
    private readonly repo: SurveysRepository,
    private readonly surveys: SurveysService,
    private readonly people: PeopleService,
    private readonly waves: SurveyWavesService,
    private readonly benchmarks: SurveyBenchmarks,
  ) {}

  async results(id: string): Promise<SurveyResultsWithWaves> {
    const survey = await this.surveys.requireSurvey(id);
    const [questions, responses, invitations, since] = await Promise.all([
      this.surveys.questionsOf(id),
      this.repo.listResponses(id),
      this.repo.invitationsOf(id),
      this.waves.changeSincePrevious(id),
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
    return {
      surveyId: id,
      privacyMode: survey.privacyMode,
      ...results,
      wave: {
        number: survey.wave,
        seriesId: survey.seriesId ?? survey.id,
        previous: since?.previous ?? null,
      },
      waveChange: since?.change ?? null,
      benchmarks: this.benchmarks.compare(
        questions.map((q) => q.key),
        responses.map((r) => r.answers),
        survey.k,
      ),
    };
  }
}
