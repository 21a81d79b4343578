import { Injectable } from '@nestjs/common';
import { AuditService } from '../auth/audit.service';
import type { Actor } from '../auth/role';
import { PeopleService } from '../people/people.service';
import type { BenchmarkComparison } from './benchmarks/benchmark-figures';
import { SurveyBenchmarks } from './benchmarks/survey-benchmarks.service';
import { exportCsv, exportXlsx } from './results/export-files';
import { exportTable } from './results/export-table';
import { computeSurveyResults, type SurveyResults } from './results/survey-results';
import type { PrivacyMode } from './survey.types';
import { SurveysRepository } from './surveys.repository';
import { SurveysService } from './surveys.service';
import { SurveyWavesService, type SurveyWave } from './waves/survey-waves.service';
import type { WaveChange } from './waves/wave-change';
import { personIdsWithoutTeam, responseTeam } from './privacy/answer-team';

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
    private readonly audit: AuditService,
  ) {}

  /**
   * The responses as a CSV or XLSX file, a column per question, suppressed as the results are:
   * no person link, teams below k unnamed, refused below k responses. The download is audited.
   */
  async export(
    id: string,
    format: 'csv' | 'xlsx',
    actor: Actor,
  ): Promise<{ fileName: string; contentType: string; body: string | Buffer }> {
    const survey = await this.surveys.requireSurvey(id);
    const [questions, responses] = await Promise.all([
      this.surveys.questionsOf(id),
      this.repo.listResponses(id),
    ]);
    const teams = await this.people.teamPathsOf(personIdsWithoutTeam(responses));
    const table = exportTable(
      id,
      questions,
      responses.map((r) => ({ answers: r.answers, team: responseTeam(r, teams) })),
      survey.k,
    );
    await this.audit.record({
      actor,
      action: 'survey.export',
      targetType: 'survey',
      targetId: id,
      detail: { format, rows: table.rows.length },
    });
    const fileName = `survey-${id}-responses.${format}`;
    return format === 'csv'
      ? { fileName, contentType: 'text/csv; charset=utf-8', body: exportCsv(table) }
      : {
          fileName,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          body: await exportXlsx(survey.title, table),
        };
  }

  async results(id: string): Promise<SurveyResultsWithWaves> {
    const survey = await this.surveys.requireSurvey(id);
    const [questions, responses, invitations, since] = await Promise.all([
      this.surveys.questionsOf(id),
      this.repo.listResponses(id),
      this.repo.invitationsOf(id),
      this.waves.changeSincePrevious(id),
    ]);
    const personIds = [
      ...new Set([...invitations.map((i) => i.personId), ...personIdsWithoutTeam(responses)]),
    ];
    const teams = await this.people.teamPathsOf(personIds);
    const results = computeSurveyResults({
      questions,
      k: survey.k,
      responses: responses.map((r) => ({
        answers: r.answers,
        toolIds: r.toolIds,
        team: responseTeam(r, teams),
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
