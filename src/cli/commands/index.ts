import type { CliCommand } from '../cli-context';
import { baselineCommand } from './baseline.command';
import { catalogCommand } from './catalog.command';
import { diagnosticsCommand } from './diagnostics.command';
import { importSurveyCommand } from './import-survey.command';
import { ingestLogsCommand } from './ingest-logs.command';
import { migrateCommand } from './migrate.command';
import { tokenCommand } from './token.command';

/** Every CLI command; each module adds its own here. */
export const CLI_COMMANDS: CliCommand[] = [
  migrateCommand,
  tokenCommand,
  diagnosticsCommand,
  catalogCommand,
  importSurveyCommand,
  ingestLogsCommand,
  baselineCommand,
];
