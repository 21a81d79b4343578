import type { CommitFacts } from '../catalog.types';
import { loadBuiltinCatalog } from '../catalog-loader';
import { CatalogMatcher } from './catalog-matcher';

const sut = CatalogMatcher.fromTools(loadBuiltinCatalog());
const commit = (message: string): CommitFacts => ({
  authorName: 'Ann Dev',
  authorEmail: 'ann@acme.test',
  committerName: 'Ann Dev',
  committerEmail: 'ann@acme.test',
  message,
});
const tools = (trailer: string) =>
  sut.matchCommit(commit(`Fix the parser\n\n${trailer}`)).map((m) => `${m.toolId} ${m.rule}`);

describe('disclosure trailers', () => {
  it.each([
    ['Assisted-by: Claude:claude-3-opus coccinelle sparse', 'claude trailer:Assisted-by'],
    ['Assisted-By: Cursor (Claude Sonnet 4.5)', 'cursor trailer:Assisted-by'],
    ['Assisted-by: Claude Opus 4.8 [claude-code]', 'claude-code trailer:Assisted-by'],
    ['Assisted-by: Claude Opus 4.8 [coccinelle]', 'ai-assistant trailer:Assisted-by'],
    ['Generated-by: GitHub Copilot', 'github-copilot trailer:Generated-by'],
    ['Made-with: Cursor', 'cursor marker:Made-with: Cursor'],
    ['Made-with: Claude Code', 'claude-code trailer:Made-with'],
    ['AI-assisted: yes', 'ai-assistant trailer:AI-assisted'],
    ['Ai-assisted: partially', 'ai-assistant trailer:AI-assisted'],
    ['AI-Assisted-By: claude-sonnet-4.5', 'ai-assistant trailer:AI-Assisted-By'],
    ['Generated-by: GPT-5-Codex', 'openai-codex trailer:Generated-by'],
    ['Assisted-by: gemini-2.5-pro', 'ai-assistant trailer:Assisted-by'],
    ['Co-developed-by: Claude <noreply@anthropic.com>', 'claude-code trailer:Co-developed-by'],
  ])('should map "%s" to a tool', (trailer, expected) => {
    expect(tools(trailer)).toContain(expected);
  });

  it.each([
    'Co-developed-by: Jane Roe <jane@kernel.org>',
    'Co-developed-by: Claude',
    'Assisted-by: Cursor Smith',
    'Assisted-by: Claude Monet <claude@monet.fr>',
    'Co-authored-by: Claude Monet <claude@monet.fr>',
    'Generated-by: Claude Monet',
    'Generated-by: protoc-gen-go v1.34.2',
    'Generated-by: OpenAPI Generator 7.8.0',
    'Made-with: love',
    'Made-with: https://example.com/o3-tools',
    'AI-assisted: no',
    'Assisted-by: Devin',
    'Assisted-by: Jane Doe <jane@acme.test>',
    'Reviewed-by: Claude Code',
  ])('should find no AI in "%s"', (trailer) => {
    expect(tools(trailer)).toEqual([]);
  });
});
