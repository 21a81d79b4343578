import type { CliCommand } from '../cli-context';
import { baselineCommand } from './baseline.command';
import { catalogCommand } from './catalog.command';
import { checkRepoCommand } from './check-repo.command';
import { diagnosticsCommand } from './diagnostics.command';
import { guardrailsCommand } from './guardrails.command';
import { guardrailsOutreachCommand } from './guardrails-outreach.command';
import { importSurveyCommand } from './import-survey.command';
import { ingestLogsCommand } from './ingest-logs.command';
import { migrateCommand } from './migrate.command';
import { personCommand } from './person.command';
import { privacyCommand } from './privacy.command';
import { purgeCommand } from './purge.command';
import { personEraseCommand } from './person-erase.command';
import { repoOwnershipCommand } from './repo-ownership.command';
import { scanGithubCommand } from './scan-github.command';
import { scanRepoCommand } from './scan-repo.command';
import { syncCommand } from './sync.command';
import { tokenCommand } from './token.command';

/** Every CLI command; each module adds its own here. */
export const CLI_COMMANDS: CliCommand[] = [
  migrateCommand,
  tokenCommand,
  diagnosticsCommand,
  catalogCommand,
  importSurveyCommand,
  scanRepoCommand,
  scanGithubCommand,
  repoOwnershipCommand,
  ingestLogsCommand,
  syncCommand,
  baselineCommand,
  personEraseCommand,
  checkRepoCommand,
  guardrailsCommand,
  guardrailsOutreachCommand,
  personCommand,
  privacyCommand,
  purgeCommand,
];
