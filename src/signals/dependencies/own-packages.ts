// The packages a repository builds itself (its pom's coordinates, package.json names, go.mod
// module, pyproject and .csproj package ids). A framework's repository depends on its own vendor
// integration modules; that says nothing about the vendor's API being used.
import type { Ecosystem, ManifestFile } from './dependency.types';

const BLOCKS =
  /<(parent|dependencies|dependencyManagement|build|profiles|reporting|plugins)>[\s\S]*?<\/\1>/g;

function pomCoordinates(content: string): string | undefined {
  const parentGroup = /<parent>[\s\S]*?<groupId>\s*([^<\s]+)\s*<\/groupId>/.exec(content)?.[1];
  const own = content.replace(BLOCKS, '');
  const artifact = /<artifactId>\s*([^<\s]+)\s*<\/artifactId>/.exec(own)?.[1];
  const group = /<groupId>\s*([^<\s]+)\s*<\/groupId>/.exec(own)?.[1] ?? parentGroup;
  return artifact && group && !artifact.includes('${') ? `${group}:${artifact}` : undefined;
}

function ownName(file: ManifestFile): [Ecosystem, string] | undefined {
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  if (name === 'pom.xml') {
    const c = pomCoordinates(file.content);
    return c ? ['maven', c] : undefined;
  }
  if (name === 'package.json') {
    const m = /"name"\s*:\s*"([^"]+)"/.exec(file.content);
    return m ? ['npm', m[1]] : undefined;
  }
  if (name === 'go.mod') {
    const m = /^module\s+(\S+)/m.exec(file.content);
    return m ? ['go', m[1]] : undefined;
  }
  if (name === 'pyproject.toml') {
    const m = /^\[project\][\s\S]*?^name\s*=\s*["']([^"']+)["']/m.exec(file.content);
    return m ? ['pypi', m[1]] : undefined;
  }
  if (name.endsWith('.csproj')) {
    const m = /<(?:PackageId|AssemblyName)>\s*([^<\s]+)\s*</.exec(file.content);
    return ['nuget', m && !m[1].includes('$(') ? m[1] : name.slice(0, -'.csproj'.length)];
  }
  return undefined;
}

export class OwnPackages {
  private readonly names = new Set<string>();
  private readonly goModules: string[] = [];

  constructor(files: ManifestFile[]) {
    for (const f of files) {
      const own = ownName(f);
      if (!own) continue;
      this.names.add(`${own[0]}\u0000${own[1].toLowerCase()}`);
      if (own[0] === 'go') this.goModules.push(own[1].toLowerCase());
    }
  }

  /** True when the repository builds this package itself (Go: a package inside its module). */
  has(ecosystem: Ecosystem, name: string): boolean {
    const n = name.toLowerCase();
    if (this.names.has(`${ecosystem}\u0000${n}`)) return true;
    return ecosystem === 'go' && this.goModules.some((m) => n.startsWith(`${m}/`));
  }
}
