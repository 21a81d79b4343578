// A tiny ToolMatcher over a few hand-written ToolDefinitions, standing in for the catalog's
// matcher in unit specs. Only package rules matter here.
import type { Ecosystem, ToolDefinition, ToolMatcher } from '../../../catalog/catalog.types';
import { normalizePypiName } from '../manifest-parser';

export const TEST_TOOLS: ToolDefinition[] = [
  {
    id: 'openai-api',
    name: 'OpenAI API',
    vendor: 'OpenAI',
    category: 'llm-api',
    rules: {
      packages: {
        npm: ['openai'],
        pypi: ['openai'],
        go: ['github.com/sashabaranov/go-openai', 'github.com/openai/openai-go'],
        maven: ['com.openai:openai-java'],
        nuget: ['OpenAI', 'Azure.AI.OpenAI'],
        cargo: ['async-openai'],
        rubygems: ['ruby-openai'],
        packagist: ['openai-php/client'],
      },
    },
  },
  {
    id: 'anthropic-api',
    name: 'Anthropic API',
    vendor: 'Anthropic',
    category: 'llm-api',
    rules: {
      packages: {
        npm: ['@anthropic-ai/sdk'],
        pypi: ['anthropic'],
        go: ['github.com/anthropics/anthropic-sdk-go'],
        maven: ['com.anthropic:anthropic-java'],
        rubygems: ['anthropic'],
      },
    },
  },
  {
    id: 'langchain',
    name: 'LangChain',
    vendor: 'LangChain',
    category: 'agent-framework',
    rules: {
      packages: {
        npm: ['langchain', '@langchain/core', '@langchain/openai'],
        pypi: ['langchain', 'langchain-core', 'langchain-openai', 'langchain-community'],
        go: ['github.com/tmc/langchaingo'],
        maven: ['dev.langchain4j:langchain4j-open-ai'],
        rubygems: ['langchainrb'],
      },
    },
  },
];

function normalise(ecosystem: Ecosystem, name: string): string {
  if (ecosystem === 'pypi') return normalizePypiName(name);
  if (ecosystem === 'nuget' || ecosystem === 'packagist') return name.toLowerCase();
  return name;
}

export function createTestToolMatcher(tools: ToolDefinition[] = TEST_TOOLS): ToolMatcher {
  const packages = new Map<string, string>();
  for (const tool of tools) {
    for (const [ecosystem, names] of Object.entries(tool.rules.packages ?? {})) {
      for (const name of names ?? []) {
        packages.set(`${ecosystem}\0${normalise(ecosystem as Ecosystem, name)}`, tool.id);
      }
    }
  }
  return {
    matchPackage: (ecosystem, name) => packages.get(`${ecosystem}\0${normalise(ecosystem, name)}`),
    matchHost: () => undefined,
    matchPath: () => [],
    matchCommit: () => [],
    matchUserAgent: () => undefined,
    matchIdeExtension: () => undefined,
    matchGithubApp: () => undefined,
    matchWorkflowAction: () => undefined,
    matchName: () => undefined,
  };
}
