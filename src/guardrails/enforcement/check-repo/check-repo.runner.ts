import type { DataClass } from '../../../catalog/catalog.types';
import { DomainError, ErrorCode } from '../../../common/domain-error';
import type { ScanWarning } from '../../../signals/repos/repo-scan.types';
import { judgeRepository, type CheckOutcome } from './check-repo.judge';
import type { CheckPolicy } from './policy-source';
import { parseRepoSettings, REPO_SETTINGS_FILE } from './repo-settings';
import { scanStagedTree } from './staged-tree.scanner';

export interface CheckRepoReport extends CheckOutcome {
  repository: string;
  policySource: string;
  dataClasses: DataClass[];
  /** `--data-class`, `.ai-census.yml`, or none */
  dataClassSource: string;
  files: number;
  warnings: ScanWarning[];
}

/** Scans the index of a checkout and judges it against the given policy. */
export async function runCheckRepo(
  path: string,
  policy: CheckPolicy,
  dataClassFlags: DataClass[] = [],
): Promise<CheckRepoReport> {
  const scan = await scanStagedTree(path, policy.matcher, policy.toolPathSamples);
  let dataClasses = dataClassFlags;
  let dataClassSource = dataClassFlags.length > 0 ? '--data-class' : 'none declared';
  if (dataClassFlags.length === 0 && scan.settingsText !== undefined) {
    const { settings, problems } = parseRepoSettings(scan.settingsText);
    // a wrong classification must not pass silently as "no data classes"
    if (problems.length > 0)
      throw new DomainError(
        ErrorCode.InvalidInput,
        `${REPO_SETTINGS_FILE}: ${problems.map((p) => `line ${p.line ?? '?'}: ${p.field} ${p.message}`).join('; ')}`,
      );
    dataClasses = settings.dataClasses;
    dataClassSource = REPO_SETTINGS_FILE;
  }
  const outcome = judgeRepository(scan.traces, policy.policies, dataClasses, policy.toolName);
  return {
    repository: scan.repository,
    policySource: policy.source,
    dataClasses,
    dataClassSource,
    files: scan.files,
    ...outcome,
    warnings: [
      ...scan.warnings,
      ...policy.ignored.map((id) => ({
        reason: `policy for "${id}" ignored: not in this catalog (a custom tool? use --api-url)`,
      })),
    ],
  };
}
