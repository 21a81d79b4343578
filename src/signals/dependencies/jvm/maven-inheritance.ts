// Multi-module Maven builds keep versions in a parent pom (properties, dependencyManagement);
// a module then declares `<version>${langchain4j.version}</version>` or no version at all. With
// every pom of the repository at hand, versions are resolved through the parent chain.
import type { ManifestFile } from '../dependency.types';
import { readPomModel, resolveProperties, type PomModel } from './pom.parser';

function normalisePath(path: string): string {
  const parts: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

function folderOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at === -1 ? '' : path.slice(0, at);
}

export class MavenInheritance {
  private readonly models = new Map<string, PomModel>();

  constructor(files: readonly ManifestFile[]) {
    for (const file of files) {
      if (file.path.split('/').pop() !== 'pom.xml') continue;
      try {
        this.models.set(file.path, readPomModel(file.content));
      } catch {
        // parseManifest reports the unreadable pom; it just cannot lend versions
      }
    }
  }

  /** The pom and its ancestors present in the repository, nearest first. */
  private chain(pomPath: string): PomModel[] {
    const chain: PomModel[] = [];
    const seen = new Set<string>();
    let path: string | undefined = pomPath;
    while (path !== undefined && !seen.has(path) && chain.length < 20) {
      seen.add(path);
      const model = this.models.get(path);
      if (!model) break;
      chain.push(model);
      const relative = model.parentRelativePath;
      if (relative === undefined) break;
      const target = normalisePath(`${folderOf(path)}/${relative}`);
      path = target.endsWith('.xml') ? target : normalisePath(`${target}/pom.xml`);
    }
    return chain;
  }

  /**
   * The version of "groupId:artifactId" as the module declared it (possibly undefined or with
   * `${…}`), resolved through managed versions and properties of the pom and its parents.
   * Unknown properties stay as written.
   */
  resolveVersion(pomPath: string, name: string, version: string | undefined): string | undefined {
    const chain = this.chain(pomPath);
    if (chain.length === 0) return version;
    let declared = version;
    for (const model of chain) {
      if (declared !== undefined) break;
      declared = model.managed.get(name);
    }
    if (declared === undefined) return undefined;
    // A child's property overrides its parent's.
    const properties = new Map<string, string>();
    for (const model of [...chain].reverse()) {
      for (const [key, value] of model.properties) properties.set(key, value);
    }
    return resolveProperties(declared, properties);
  }
}
