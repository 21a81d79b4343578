import type { SurveyTextTranslations } from '../i18n/survey-texts';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../../auth/audit.service';
import type { Actor } from '../../auth/role';
import { PeopleService } from '../../people/people.service';
import type { SurveyEntity } from '../entities/survey.entity';
import { answerValues, type Answers } from '../survey.types';
import { SurveysRepository } from '../surveys.repository';
import { SurveysService } from '../surveys.service';
import type { BenchmarkComparison } from '../benchmarks/benchmark-figures';
import { SurveyBenchmarks } from '../benchmarks/survey-benchmarks.service';
import {
  answerTeam,
  byTeamUnavailable,
  personIdsWithoutTeam,
  responseTeam,
} from '../privacy/answer-team';
import { computeWaveChange, type WaveChange } from './wave-change';

/** The latest wave's change and benchmarks, as the baseline report shows them. */
export interface WaveSummary {
  surveyId: string;
  title: string;
  wave: number;
  previous: SurveyWave;
  change: WaveChange;
  benchmarks: BenchmarkComparison[];
}

export interface SurveyWave {
  id: string;
  wave: number;
  title: string;
  status: string;
  createdAt: Date;
}

/** Re-running a survey as a new wave, and what changed since the wave before. */
@Injectable()
export class SurveyWavesService {
  constructor(
    private readonly repo: SurveysRepository,
    private readonly surveys: SurveysService,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
    private readonly benchmarks: SurveyBenchmarks,
  ) {}

  /** The newest later wave and its change since the wave before; null when no survey was re-run. */
  async latestSummary(): Promise<WaveSummary | null> {
    const survey = await this.repo.latestLaterWave();
    if (!survey) return null;
    const since = await this.changeSincePrevious(survey.id);
    if (!since) return null;
    const [questions, responses] = await Promise.all([
      this.surveys.questionsOf(survey.id),
      this.repo.listResponses(survey.id),
    ]);
    return {
      surveyId: survey.id,
      title: survey.title,
      wave: survey.wave,
      previous: since.previous,
      change: since.change,
      benchmarks: this.benchmarks.compare(
        questions.map((q) => q.key),
        responses.map((r) => r.answers),
        survey.k,
      ),
    };
  }

  /**
   * A new survey with the same questions (translations included), privacy mode and k, numbered
   * one after the series' last wave. It starts open with no links: invite people as for any survey.
   */
  async newWave(id: string, input: { title?: string }, actor: Actor) {
    const source = await this.surveys.requireSurvey(id);
    const seriesId = source.seriesId ?? source.id;
    const series = await this.repo.listSeries(seriesId);
    const wave = Math.max(...series.map((s) => s.wave)) + 1;
    const latest = series[series.length - 1];
    const created = await this.repo.createSurvey({
      title: input.title || `${baseTitle(latest.title)} (wave ${wave})`,
      description: latest.description,
      privacyMode: latest.privacyMode,
      k: latest.k,
      source: 'form',
      importFormat: null,
      createdBy: actor.name,
      seriesId,
      wave,
      template: latest.template,
      sections: latest.sections ?? [],
      // the title changes with the wave, so only the description's translations carry over
      translations: descriptionsOnly(latest.translations ?? {}),
      invitationLanguage: latest.invitationLanguage,
    });
    await this.repo.replaceQuestions(created.id, await this.surveys.questionsOf(latest.id));
    await this.audit.record({
      actor,
      action: 'survey.wave.create',
      targetType: 'survey',
      targetId: created.id,
      detail: { seriesId, wave, from: latest.id },
    });
    return this.surveys.getSurvey(created.id);
  }

  /**
   * Answers collected outside the form (the demo organisation, a scripted pulse), stored as the
   * form would store them: with the person in an identified survey, tools from the tools question.
   */
  async recordAnswers(
    surveyId: string,
    rows: { personId: string; answers: Answers; submittedOn: string }[],
  ): Promise<number> {
    const survey = await this.surveys.requireSurvey(surveyId);
    const questions = await this.surveys.questionsOf(surveyId);
    const toolKeys = questions.filter((q) => q.role === 'tools' && q.kind === 'tool-picker');
    const teams = await this.people.teamsWithHeadcount([...new Set(rows.map((r) => r.personId))]);
    await this.repo.insertResponses(
      rows.map((r) => ({
        surveyId,
        personId: survey.privacyMode === 'identified' ? r.personId : null,
        pseudonym: null,
        respondentKey: null,
        source: 'import',
        submittedOn: survey.privacyMode === 'anonymous' ? null : r.submittedOn,
        team: answerTeam(survey.privacyMode, teams.get(r.personId) ?? null, survey.k),
        answers: r.answers,
        toolIds: [...new Set(toolKeys.flatMap((q) => answerValues(r.answers[q.key])))].sort(),
        toolConfidence: {},
      })),
    );
    return rows.length;
  }

  async waves(id: string): Promise<SurveyWave[]> {
    const survey = await this.surveys.requireSurvey(id);
    return (await this.repo.listSeries(survey.seriesId ?? survey.id)).map(waveOf);
  }

  /** The wave just before this one, if the survey is a later wave. */
  async previous(survey: SurveyEntity): Promise<SurveyEntity | null> {
    if (survey.wave <= 1) return null;
    const series = await this.repo.listSeries(survey.seriesId ?? survey.id);
    return series.filter((s) => s.wave < survey.wave).pop() ?? null;
  }

  /**
   * Each question's change from the previous wave, by team (teams with k respondents in both),
   * with 95% intervals; null for a first wave. Uses this wave's k and questions. An answer's team
   * is the one kept when it was given; an identified answer from before teams were kept falls
   * back to the person's team in the directory.
   */
  async changeSincePrevious(
    id: string,
  ): Promise<{ previous: SurveyWave; change: WaveChange } | null> {
    const survey = await this.surveys.requireSurvey(id);
    const previous = await this.previous(survey);
    if (!previous) return null;
    const [questions, before, after] = await Promise.all([
      this.surveys.questionsOf(id),
      this.repo.listResponses(previous.id),
      this.repo.listResponses(id),
    ]);
    const teams = await this.people.teamPathsOf(personIdsWithoutTeam([...before, ...after]));
    const waves = {
      before: before.map((r) => ({ answers: r.answers, team: responseTeam(r, teams) })),
      after: after.map((r) => ({ answers: r.answers, team: responseTeam(r, teams) })),
    };
    const anyTeam = [...waves.before, ...waves.after].some((r) => r.team !== null);
    return {
      previous: waveOf(previous),
      change: {
        ...computeWaveChange({ questions, k: survey.k, ...waves }),
        teamsUnavailable: anyTeam ? null : byTeamUnavailable(survey.privacyMode, survey.k),
      },
    };
  }
}

function waveOf(s: SurveyEntity): SurveyWave {
  return { id: s.id, wave: s.wave, title: s.title, status: s.status, createdAt: s.createdAt };
}

/** "Pulse (wave 2)" → "Pulse", so wave 3 is not "Pulse (wave 2) (wave 3)". */
function baseTitle(title: string): string {
  return title.replace(/\s*\(wave \d+\)$/, '');
}

function descriptionsOnly(texts: SurveyTextTranslations): SurveyTextTranslations {
  return Object.fromEntries(
    Object.entries(texts)
      .filter(([, t]) => t?.description)
      .map(([lang, t]) => [lang, { description: t?.description }]),
  );
}
