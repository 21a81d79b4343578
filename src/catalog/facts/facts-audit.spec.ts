import { join } from 'node:path';
import type { ToolDefinition } from '../catalog.types';
import { auditFacts } from './facts-audit';

const FIXTURES = join(__dirname, '../../../test/fixtures/vendor-facts');
const tool = (
  id: string,
  category: ToolDefinition['category'],
  extra: Partial<ToolDefinition> = {},
): ToolDefinition => ({
  id,
  name: id,
  vendor: 'v',
  category,
  rules: {},
  ...extra,
});
const tools = [
  tool('cursor', 'coding-assistant'),
  tool('chatgpt', 'chat-assistant'),
  tool('agents-md', 'coding-agent', { generic: true }),
  tool('ollama', 'local-runtime'),
  tool('langchain', 'agent-framework'),
  tool('claude', 'chat-assistant'),
  tool('gemini', 'chat-assistant'),
];

describe(auditFacts.name, () => {
  it('should list tools of the six categories and of the demo without facts, generic ids aside', () => {
    const sut = auditFacts(tools, join(FIXTURES, 'good'), new Date('2026-11-29'), {
      demoToolIds: ['ollama'],
    });
    expect(sut.tools).toBe(7);
    expect(sut.toolsWithFacts).toBe(1);
    expect(sut.withoutFacts.map((t) => [t.toolId, t.why.join('; ')])).toEqual([
      ['chatgpt', 'category chat-assistant'],
      ['ollama', 'shown in the demo baseline'],
      ['claude', 'category chat-assistant'],
      ['gemini', 'category chat-assistant'],
    ]);
    expect(sut.problems).toEqual([]);
  });

  it('should list facts read more than 180 days ago', () => {
    const sut = auditFacts(tools, join(FIXTURES, 'good'), new Date('2026-11-29'));
    expect(sut.stale).toEqual([
      {
        toolId: 'cursor',
        fact: 'trainsOnInputs',
        plan: 'team',
        checked: '2025-01-02',
        ageDays: 696,
        source: 'https://cursor.com/privacy',
      },
    ]);
  });

  it('should count the facts without a source or a date among the schema problems', () => {
    const sut = auditFacts(tools, join(FIXTURES, 'bad'), new Date('2026-11-29'));
    expect(sut.problems.length).toBe(8);
    expect(sut.missingSourceOrDate).toBe(2);
  });
});
