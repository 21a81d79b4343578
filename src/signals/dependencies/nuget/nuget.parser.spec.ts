import { parseMsBuildProject, parsePackagesConfig } from './nuget.parser';

const summary = (deps: Array<{ name: string; version?: string; scope: string; line?: number }>) =>
  deps.map((d) => `${d.name} ${d.version ?? '-'} ${d.scope} @${d.line ?? '?'}`);

describe(parseMsBuildProject.name, () => {
  it('should read attributes and child elements when PackageReference uses either form', () => {
    const content = `\uFEFF<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Azure.AI.OpenAI" Version="2.0.0" />
    <PackageReference Include="Microsoft.SemanticKernel">
      <Version>1.21.1</Version>
    </PackageReference>
    <PackageReference Include="StyleCop.Analyzers" Version="1.1.118" PrivateAssets="all" />
  </ItemGroup>
  <ItemGroup Condition="'$(Configuration)' == 'Debug'">
    <PackageReference Include="Anthropic.SDK" Version="4.1.1" />
    <PackageReference Update="Newtonsoft.Json" Version="13.0.3" />
  </ItemGroup>
</Project>
`;
    const sut = parseMsBuildProject({ path: 'src/Api/Api.csproj', content });
    expect(sut.warnings).toEqual([]);
    expect(summary(sut.dependencies)).toEqual([
      'Azure.AI.OpenAI 2.0.0 runtime @6',
      'Microsoft.SemanticKernel 1.21.1 runtime @7',
      'StyleCop.Analyzers 1.1.118 build @10',
      'Anthropic.SDK 4.1.1 runtime @13',
    ]);
  });

  it('should throw with a line when the project file is not well formed', () => {
    const content =
      '<Project>\n  <ItemGroup>\n    <PackageReference Include="OpenAI">\n  </ItemGroup>\n</Project>\n';
    expect(() => parseMsBuildProject({ path: 'a.csproj', content })).toThrow(/line \d+/);
  });
});

describe(parsePackagesConfig.name, () => {
  it('should mark development dependencies when packages.config flags them', () => {
    const content = `<?xml version="1.0" encoding="utf-8"?>
<packages>
  <package id="OpenAI" version="1.11.0" targetFramework="net48" />
  <package id="NUnit" version="3.14.0" targetFramework="net48" developmentDependency="true" />
</packages>
`;
    const sut = parsePackagesConfig({ path: 'Legacy/packages.config', content });
    expect(summary(sut.dependencies)).toEqual(['OpenAI 1.11.0 runtime @3', 'NUnit 3.14.0 dev @4']);
  });
});
