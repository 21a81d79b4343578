import { Injectable } from '@nestjs/common';
import { AuditService } from '../auth/audit.service';
import type { Actor } from '../auth/role';
import { PeopleService } from '../people/people.service';
import { exportCsv, exportXlsx } from './results/export-files';
import { exportTable } from './results/export-table';
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
    const teams = await this.people.teamPathsOf(
      responses.map((r) => r.personId).filter((p): p is string => !!p),
    );
    const table = exportTable(
      id,
      questions,
      responses.map((r) => ({
        answers: r.answers,
        team: r.personId ? (teams.get(r.personId) ?? null) : null,
      })),
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
