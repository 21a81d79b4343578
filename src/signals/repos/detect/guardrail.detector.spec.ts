import { detectGuardrails } from './guardrail.detector';

const workflow = (run: string) => `name: ci
on: [pull_request]
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: ${run}
`;

describe('detectGuardrails', () => {
  it('sees AI Census check-repo run by a workflow', () => {
    const files = new Map([
      ['.github/workflows/ai.yml', workflow('npx ai-census check-repo . --sarif ai.sarif')],
    ]);
    expect(detectGuardrails(files)).toEqual(['check-repo']);
  });

  it('sees the pre-commit hook by its id', () => {
    const files = new Map([
      [
        '.pre-commit-config.yaml',
        'repos:\n  - repo: https://git.example.com/ai-census\n    rev: v1\n    hooks:\n      - id: ai-census-check-repo\n',
      ],
    ]);
    expect(detectGuardrails(files)).toEqual(['check-repo']);
  });

  it('sees the built CLI when the workflow names AI Census', () => {
    const files = new Map([
      [
        '.github/workflows/guard.yml',
        workflow(
          'git clone https://example.com/ai-census && node ai-census/dist/cli.js check-repo .',
        ),
      ],
    ]);
    expect(detectGuardrails(files)).toEqual(['check-repo']);
  });

  it("does not take another project's check-repo script, a comment or a file outside CI", () => {
    expect(
      detectGuardrails(new Map([['.github/workflows/x.yml', workflow('./scripts/check-repo.sh')]])),
    ).toEqual([]);
    expect(
      detectGuardrails(
        new Map([
          ['.github/workflows/x.yml', `# TODO: add ai-census check-repo\n${workflow('make test')}`],
        ]),
      ),
    ).toEqual([]);
    expect(
      detectGuardrails(new Map([['docs/ci.md', 'Run `ai-census check-repo .` in CI.']])),
    ).toEqual([]);
  });
});
