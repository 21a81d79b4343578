// NuGet central package management: projects reference `<PackageReference Include="X" />` and
// the version comes from the nearest Directory.Packages.props at or above the project's folder.
import type { ManifestFile } from '../dependency.types';
import { readCentralPackageVersions } from './nuget.parser';

function folderOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at === -1 ? '' : path.slice(0, at);
}

export class NuGetCentralVersions {
  private readonly byFolder = new Map<string, Map<string, string>>();

  constructor(files: readonly ManifestFile[]) {
    for (const file of files) {
      if (file.path.split('/').pop() !== 'Directory.Packages.props') continue;
      try {
        this.byFolder.set(folderOf(file.path), readCentralPackageVersions(file).versions);
      } catch {
        // parseManifest reports the unreadable file; it just cannot lend versions
      }
    }
  }

  versionFor(projectPath: string, name: string): string | undefined {
    for (let dir = folderOf(projectPath); ; dir = folderOf(dir)) {
      const version = this.byFolder.get(dir)?.get(name.toLowerCase());
      if (version !== undefined || dir === '') return version;
    }
  }
}
