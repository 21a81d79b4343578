// detectAiDependencies against the catalog module's own matcher (normalisation per registry,
// prefix rules, Go sub-packages), not the spec helper.
import type { ToolDefinition } from '../../catalog/catalog.types';
import { CatalogMatcher } from '../../catalog/matcher/catalog-matcher';
import { TEST_TOOLS } from './__fixtures__/test-tool-matcher';
import { detectAiDependencies } from './dependency-discovery';
import type { ManifestFile } from './dependency.types';

const LANGCHAIN_JS: ToolDefinition = {
  id: 'langchain-js-integrations',
  name: 'LangChain.js integrations',
  vendor: 'LangChain',
  category: 'agent-framework',
  rules: { packages: { npm: ['@langchain/community*'] } },
};

describe(`${detectAiDependencies.name} with ${CatalogMatcher.name}`, () => {
  const sut = (files: ManifestFile[]) =>
    detectAiDependencies(files, CatalogMatcher.fromTools([...TEST_TOOLS, LANGCHAIN_JS]));

  it('should match when names differ only the way a registry ignores', () => {
    const files: ManifestFile[] = [
      { path: 'py/requirements.txt', content: 'LangChain_Core==0.3.1\nOpenAI>=1\n' },
      { path: 'rs/Cargo.toml', content: '[dependencies]\nasync_openai = "0.24"\n' },
      {
        path: 'net/App.csproj',
        content:
          '<Project><ItemGroup><PackageReference Include="AZURE.AI.OPENAI" Version="2.0.0" /></ItemGroup></Project>',
      },
      {
        path: 'go/go.mod',
        content: 'module x\n\nrequire github.com/openai/openai-go/v2 v2.1.0\n',
      },
      {
        path: 'js/package.json',
        content: JSON.stringify({
          dependencies: { '@langchain/community': '^0.3.0', '@langchain/core': '^0.3.0' },
        }),
      },
    ];
    expect(sut(files).matches.map((m) => [m.manifestPath, m.name, m.toolId])).toEqual([
      ['py/requirements.txt', 'langchain-core', 'langchain'],
      ['py/requirements.txt', 'openai', 'openai-api'],
      ['rs/Cargo.toml', 'async_openai', 'openai-api'],
      ['net/App.csproj', 'AZURE.AI.OPENAI', 'openai-api'],
      ['go/go.mod', 'github.com/openai/openai-go/v2', 'openai-api'],
      ['js/package.json', '@langchain/community', 'langchain-js-integrations'],
      ['js/package.json', '@langchain/core', 'langchain'],
    ]);
  });

  it('should not match when packages only look like AI SDKs', () => {
    const files: ManifestFile[] = [
      {
        path: 'package.json',
        content: JSON.stringify({
          dependencies: { openapi: '1.0.0', 'open-ai-utils': '0.0.3', '@langchainx/core': '1' },
        }),
      },
      { path: 'go.mod', content: 'module x\n\nrequire github.com/getkin/kin-openapi v0.127.0\n' },
      {
        path: 'requirements.txt',
        content: 'openapi-core==0.19.4\nopencv-python==4.10.0.84\nlangdetect==1.0.9\n',
      },
    ];
    expect(sut(files).matches).toEqual([]);
  });
});
