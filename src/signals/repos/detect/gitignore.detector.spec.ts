import type { ToolDefinition } from '../../../catalog/catalog.types';
import { CatalogMatcher } from '../../../catalog/matcher/catalog-matcher';
import { PathMatchCache } from './config-file.detector';
import { detectGitignore, namedArtefacts, toolPathSamples } from './gitignore.detector';

const tool = (id: string, paths: string[]): ToolDefinition => ({
  id,
  name: id,
  vendor: 'x',
  category: 'coding-assistant',
  rules: { paths },
});
const TOOLS = [
  tool('claude-code', ['**/CLAUDE.md', '.claude/**']),
  tool('claude-desktop', ['claude_desktop_config.json']),
  tool('cursor', ['.cursorrules', '.cursor/rules/**', '.cursor/mcp.json']),
  tool('mcp', ['.mcp.json', '.vscode/mcp.json']),
  tool('copilot', ['.github/copilot-instructions.md']),
];
const matcher = CatalogMatcher.fromTools(TOOLS);
const samples = toolPathSamples(TOOLS.flatMap((t) => t.rules.paths ?? []));
const named = (entry: string, dir = '') =>
  namedArtefacts(entry, dir, new PathMatchCache(matcher), samples).map((m) => m.toolId);

describe(namedArtefacts.name, () => {
  it.each([
    ['*.json'],
    ['/*.json'],
    ['**/*.md'],
    ['.vscode'],
    ['.vscode/'],
    ['.vscode/*'],
    ['.github/'],
    ['.c*'],
    ['claude*'],
    ['*'],
  ])('should name no tool when the entry is "%s"', (entry) => {
    expect(named(entry)).toEqual([]);
  });

  it.each([
    ['CLAUDE.md', 'claude-code'],
    ['/CLAUDE.md', 'claude-code'],
    ['.claude', 'claude-code'],
    ['.claude/settings.local.json', 'claude-code'],
    ['.cursor/', 'cursor'],
    ['.cursor/rules/*.mdc', 'cursor'],
    ['.cursor*', 'cursor'],
    ['.vscode/mcp.json', 'mcp'],
    ['.github/copilot-instructions.md', 'copilot'],
  ])('should name the tool when the entry "%s" names its own artefact', (entry, toolId) => {
    expect(named(entry)).toEqual([toolId]);
  });

  it('should read an anchored entry of a nested .gitignore relative to its folder', () => {
    expect(named('/CLAUDE.md', 'packages/app/')).toEqual(['claude-code']);
  });
});

describe(detectGitignore.name, () => {
  it('should keep a named entry at the .gitignore confidence with its line and reason', () => {
    const sut = detectGitignore(
      '.gitignore',
      '# local\n*.json\n.claude/\n',
      new PathMatchCache(matcher),
      samples,
    );
    expect(sut).toEqual([
      expect.objectContaining({
        toolId: 'claude-code',
        line: 3,
        confidence: 0.4,
        detail: expect.objectContaining({
          gitignoreEntry: '.claude/',
          confidenceReason: expect.stringMatching(/nothing is committed/),
        }),
      }),
    ]);
  });
});
