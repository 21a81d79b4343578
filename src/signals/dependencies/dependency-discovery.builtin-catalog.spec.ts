// detectAiDependencies over a realistic polyglot monorepo, matched by the built-in catalog.
import { loadBuiltinCatalog } from '../../catalog/catalog-loader';
import { CatalogMatcher } from '../../catalog/matcher/catalog-matcher';
import { detectAiDependencies } from './dependency-discovery';
import type { ManifestFile } from './dependency.types';

const MONOREPO: ManifestFile[] = [
  {
    path: 'apps/web/package.json',
    content: JSON.stringify(
      {
        name: 'web',
        dependencies: {
          ai: '^3.4.0',
          '@anthropic-ai/sdk': '^0.27.0',
          next: '14.2.13',
          openapi: '^1.0.0',
        },
        devDependencies: { '@modelcontextprotocol/sdk': '^1.0.0', 'open-ai-utils': '0.0.3' },
      },
      null,
      2,
    ),
  },
  {
    path: 'services/ml/pyproject.toml',
    content: `[project]
name = "ml"
dependencies = ["transformers>=4.44", "openapi-core==0.19.4", "opencv-python", "langdetect"]

[project.optional-dependencies]
rag = ["llama-index>=0.11", "google-generativeai"]
`,
  },
  {
    path: 'services/gateway/go.mod',
    content: `module acme/gateway

require (
\tgithub.com/getkin/kin-openapi v0.127.0
\tgithub.com/sashabaranov/go-openai v1.29.1
\tgithub.com/tmc/langchaingo v0.1.12 // indirect
)
`,
  },
  {
    path: 'services/assistant/pom.xml',
    content: `<project>
  <dependencies>
    <dependency><groupId>org.springframework.ai</groupId><artifactId>spring-ai-openai-spring-boot-starter</artifactId><version>1.0.0-M3</version></dependency>
    <dependency><groupId>dev.langchain4j</groupId><artifactId>langchain4j-open-ai</artifactId><version>0.35.0</version></dependency>
    <dependency><groupId>com.google.guava</groupId><artifactId>guava</artifactId><version>33.3.1-jre</version></dependency>
  </dependencies>
</project>
`,
  },
  {
    path: 'services/billing/Billing.csproj',
    content: `<Project Sdk="Microsoft.NET.Sdk">
  <ItemGroup>
    <PackageReference Include="Microsoft.SemanticKernel" Version="1.21.1" />
    <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
  </ItemGroup>
</Project>
`,
  },
  { path: 'tools/cli/Cargo.toml', content: '[dependencies]\nollama-rs = "0.2.1"\nserde = "1"\n' },
  {
    path: 'support/Gemfile',
    content: 'source "https://rubygems.org"\ngem "rails"\ngem "langchainrb"\n',
  },
  {
    path: 'cms/composer.json',
    content:
      '{"require": {"php": "^8.2", "openai-php/client": "^0.10", "guzzlehttp/guzzle": "^7.9"}}',
  },
];

describe(`${detectAiDependencies.name} with the built-in catalog`, () => {
  const matcher = CatalogMatcher.fromTools(loadBuiltinCatalog());

  it('should find every AI SDK and framework and nothing else when a polyglot monorepo is scanned', () => {
    const sut = detectAiDependencies(MONOREPO, matcher);
    expect(sut.warnings).toEqual([]);
    expect(
      sut.matches.map((m) => `${m.toolId} ${m.ecosystem}:${m.name} ${m.scope} ${m.direct}`),
    ).toEqual([
      'vercel-ai-sdk npm:ai runtime true',
      'anthropic-api npm:@anthropic-ai/sdk runtime true',
      'model-context-protocol npm:@modelcontextprotocol/sdk dev true',
      'transformers pypi:transformers runtime true',
      'llamaindex pypi:llama-index optional true',
      'gemini-api pypi:google-generativeai optional true',
      'openai-api go:github.com/sashabaranov/go-openai runtime true',
      'langchaingo go:github.com/tmc/langchaingo runtime false',
      'spring-ai maven:org.springframework.ai:spring-ai-openai-spring-boot-starter runtime true',
      // a framework's OpenAI integration is evidence of the OpenAI API as well
      'openai-api maven:org.springframework.ai:spring-ai-openai-spring-boot-starter runtime true',
      'langchain4j maven:dev.langchain4j:langchain4j-open-ai runtime true',
      'openai-api maven:dev.langchain4j:langchain4j-open-ai runtime true',
      'semantic-kernel nuget:Microsoft.SemanticKernel runtime true',
      'ollama cargo:ollama-rs runtime true',
      'langchain rubygems:langchainrb runtime true',
      'openai-api packagist:openai-php/client runtime true',
    ]);
  });

  it("should find the vendor as well as the framework when a framework's integration package is declared", () => {
    const files: ManifestFile[] = [
      {
        path: 'pom.xml',
        content: `<project><dependencies>
  <dependency><groupId>org.springframework.ai</groupId><artifactId>spring-ai-starter-model-ollama</artifactId></dependency>
  <dependency><groupId>org.springframework.ai</groupId><artifactId>spring-ai-core</artifactId></dependency>
  <dependency><groupId>dev.langchain4j</groupId><artifactId>langchain4j-anthropic</artifactId></dependency>
</dependencies></project>
`,
      },
      {
        path: 'App.csproj',
        content: `<Project Sdk="Microsoft.NET.Sdk"><ItemGroup>
  <PackageReference Include="Microsoft.SemanticKernel.Connectors.OpenAI" Version="1.30.0" />
</ItemGroup></Project>
`,
      },
    ];
    const sut = detectAiDependencies(files, matcher);
    expect(
      sut.matches.map(
        (m) => `${m.toolId} ${m.name}${m.integrationOf ? ` via ${m.integrationOf}` : ''}`,
      ),
    ).toEqual([
      'spring-ai org.springframework.ai:spring-ai-starter-model-ollama',
      'ollama org.springframework.ai:spring-ai-starter-model-ollama via spring-ai',
      'spring-ai org.springframework.ai:spring-ai-core',
      'langchain4j dev.langchain4j:langchain4j-anthropic',
      'anthropic-api dev.langchain4j:langchain4j-anthropic via langchain4j',
      'semantic-kernel Microsoft.SemanticKernel.Connectors.OpenAI',
      'openai-api Microsoft.SemanticKernel.Connectors.OpenAI via semantic-kernel',
    ]);
  });

  it("should find Hugging Face behind LlamaIndex's Hugging Face embeddings", () => {
    const files: ManifestFile[] = [
      { path: 'requirements/help.in', content: 'llama-index-embeddings-huggingface\n' },
    ];
    const sut = detectAiDependencies(files, matcher);
    expect(
      sut.matches.map(
        (m) => `${m.toolId} ${m.name}${m.integrationOf ? ` via ${m.integrationOf}` : ''}`,
      ),
    ).toEqual([
      'llamaindex llama-index-embeddings-huggingface',
      'hugging-face llama-index-embeddings-huggingface via llamaindex',
    ]);
  });

  it("should not count the vendor when the repository builds the integration itself (the framework's own source)", () => {
    const files: ManifestFile[] = [
      {
        path: 'models/spring-ai-ollama/pom.xml',
        content: `<project>
  <parent><groupId>org.springframework.ai</groupId><artifactId>spring-ai-parent</artifactId></parent>
  <artifactId>spring-ai-ollama</artifactId>
</project>
`,
      },
      {
        path: 'starters/spring-ai-starter-model-ollama/pom.xml',
        content: `<project>
  <parent><groupId>org.springframework.ai</groupId><artifactId>spring-ai-parent</artifactId></parent>
  <artifactId>spring-ai-starter-model-ollama</artifactId>
  <dependencies>
    <dependency><groupId>org.springframework.ai</groupId><artifactId>spring-ai-ollama</artifactId></dependency>
  </dependencies>
</project>
`,
      },
    ];
    const sut = detectAiDependencies(files, matcher);
    expect(sut.matches.map((m) => `${m.toolId} ${m.name}`)).toEqual([
      'spring-ai org.springframework.ai:spring-ai-ollama',
    ]);
  });
});
