import type { ToolDefinition } from '../../catalog/catalog.types';
import type { ToolPolicy } from '../../catalog/policy-yaml';
import { approvedAlternatives, policySentence } from './approved-alternatives';

const tool = (id: string, name: string, category: string) =>
  ({ id, name, category }) as unknown as ToolDefinition;
const policy = (
  toolId: string,
  status: ToolPolicy['status'],
  extra: Partial<ToolPolicy> = {},
): [string, ToolPolicy] => [
  toolId,
  {
    toolId,
    status,
    dataClasses: [],
    tenantBound: false,
    note: null,
    decidedBy: null,
    decidedAt: null,
    ...extra,
  },
];

describe(approvedAlternatives.name, () => {
  const tools = [
    tool('cursor', 'Cursor', 'coding-assistant'),
    tool('github-copilot', 'GitHub Copilot', 'coding-assistant'),
    tool('chatgpt', 'ChatGPT', 'chat-assistant'),
  ];

  it('should offer the sanctioned tools of the same category', () => {
    const policies = new Map([
      policy('github-copilot', 'sanctioned'),
      policy('chatgpt', 'sanctioned'),
    ]);
    expect(approvedAlternatives('cursor', tools, policies)).toEqual(['GitHub Copilot']);
  });

  it('should fall back to any sanctioned tool, and to none', () => {
    expect(
      approvedAlternatives('cursor', tools, new Map([policy('chatgpt', 'sanctioned')])),
    ).toEqual(['ChatGPT']);
    expect(
      approvedAlternatives('cursor', tools, new Map([policy('chatgpt', 'tolerated')])),
    ).toEqual([]);
  });
});

describe(policySentence.name, () => {
  it('should say the status, the allowed data and the tenant in words', () => {
    const [, p] = policy('github-copilot', 'sanctioned', {
      dataClasses: ['internal', 'public'],
      tenantBound: true,
      note: 'Use the company seat.',
    });
    expect(policySentence('GitHub Copilot', p)).toBe(
      "GitHub Copilot is approved for internal, public data only, through the organisation's own account. Use the company seat.",
    );
    expect(policySentence('DeepSeek', undefined)).toBe(
      'DeepSeek has not been reviewed and is not approved.',
    );
  });
});
