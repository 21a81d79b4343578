import { importSurveyExport } from '../surveys/importers/survey-import';
import { generateDemoOrganisation } from './demo-org.generator';
import { demoTestMatcher } from './demo-test-matcher.spec-helper';

describe(generateDemoOrganisation.name, () => {
  const sut = generateDemoOrganisation(demoTestMatcher);

  it('should build about 200 people in teams with a reproducible truth', () => {
    expect(sut.people).toHaveLength(200);
    expect(new Set(sut.people.map((p) => p.email)).size).toBe(200);
    expect(generateDemoOrganisation(demoTestMatcher).truth).toEqual(sut.truth);
  });

  it('should include honest and less honest respondents so that a disclosure gap exists', () => {
    expect(sut.truth.respondents).toBeGreaterThan(120);
    expect(sut.truth.undisclosedPairs).toBeGreaterThan(10);
    expect(sut.truth.disclosedPairs).toBeGreaterThan(sut.truth.undisclosedPairs);
  });

  it('should trace AI in some repositories and none in others', () => {
    expect(sut.truth.repositoriesWithAi).toEqual([
      'ml-experiments',
      'patient-records',
      'payments-api',
      'web-app',
    ]);
    expect(sut.truth.repositoriesWithoutAi).toEqual(['design-tokens', 'infra-live']);
    expect(sut.truth.dataClassViolations).toEqual([
      { repository: 'patient-records', toolId: 'github-copilot' },
    ]);
  });

  it('should write both log formats and personal Copilot accounts', () => {
    expect(sut.squidLog).toMatch(
      /^\d+\.\d{3} +\d+ 10\.20\.\S+ TCP_TUNNEL\/200 \d+ CONNECT \S+:443 \S+ HIER_DIRECT/m,
    );
    expect(sut.zeekSslLog).toContain('#fields\tts\tuid\tid.orig_h');
    expect(sut.truth.personalAccountUsers).toBeGreaterThan(0);
    expect(sut.copilotSeats.length).toBe(
      sut.truth.toolPeople['github-copilot'] - sut.truth.personalAccountUsers,
    );
  });

  it('should write a Google Forms export whose every timestamp the importer reads', async () => {
    const imported = await importSurveyExport(Buffer.from(sut.survey.csv), {
      fileName: 'survey-google-forms.csv',
    });
    expect(imported.format).toBe('google-forms');
    expect(imported.warnings.filter((w) => /time/.test(w))).toEqual([]);
    expect(imported.responses.map((r) => r.submittedAt)).toEqual(
      sut.survey.answers.map((a) =>
        new Date(a.submittedAt).toISOString().replace(/\.\d+Z$/, '.000Z'),
      ),
    );
  });
});
