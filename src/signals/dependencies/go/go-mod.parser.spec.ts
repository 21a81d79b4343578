import { parseGoMod } from './go-mod.parser';

describe(parseGoMod.name, () => {
  it('should mark modules transitive when their require line says indirect', () => {
    const content = `module github.com/acme/triage

go 1.22

toolchain go1.22.5

require github.com/sashabaranov/go-openai v1.29.1

require (
	github.com/anthropics/anthropic-sdk-go v0.2.0-alpha.4
	github.com/tmc/langchaingo v0.1.12 // pinned for the agent executor
	github.com/tidwall/gjson v1.17.3 // indirect
	"golang.org/x/sync" v0.8.0 // indirect; needed by errgroup
)

replace github.com/tmc/langchaingo => ../langchaingo

exclude (
	github.com/bad/module v1.0.0
)
`;
    const sut = parseGoMod({ path: 'services/triage/go.mod', content });
    expect(sut.warnings).toEqual([]);
    expect(sut.dependencies.map((d) => [d.name, d.version, d.direct, d.line])).toEqual([
      ['github.com/sashabaranov/go-openai', 'v1.29.1', true, 7],
      ['github.com/anthropics/anthropic-sdk-go', 'v0.2.0-alpha.4', true, 10],
      ['github.com/tmc/langchaingo', 'v0.1.12', true, 11],
      ['github.com/tidwall/gjson', 'v1.17.3', false, 12],
      ['golang.org/x/sync', 'v0.8.0', false, 13],
    ]);
    expect(sut.dependencies[0]).toMatchObject({
      ecosystem: 'go',
      scope: 'runtime',
      manifestPath: 'services/triage/go.mod',
    });
  });

  it('should warn and keep the good lines when a require is malformed and a block unclosed', () => {
    const content = `module example.com/x\n\nrequire (\n\tgithub.com/ollama/ollama v0.3.12\n\tbroken-line-without-version\n`;
    const sut = parseGoMod({ path: 'go.mod', content });
    expect(sut.dependencies.map((d) => d.name)).toEqual(['github.com/ollama/ollama']);
    expect(sut.warnings).toEqual([
      {
        path: 'go.mod',
        reason: 'line 5: expected "module/path version" but found "broken-line-without-version"',
      },
      { path: 'go.mod', reason: 'the "require (" block is never closed' },
    ]);
  });
});
