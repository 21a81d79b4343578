import { Option } from 'commander';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { LOCAL_OPERATOR } from '../../auth/role';
import { SURVEY_FORMATS } from '../../surveys/importers/import.types';
import { PRIVACY_MODES, type PrivacyMode } from '../../surveys/survey.types';
import type { CliCommand } from '../cli-context';

export const importSurveyCommand: CliCommand = {
  register(program, ctx) {
    program
      .command('import-survey')
      .description("import another tool's survey export (CSV or XLSX) into a new survey")
      .argument('<file>', 'the export file')
      .addOption(
        new Option('--format <format>', 'the vendor layout')
          .choices(['auto', ...SURVEY_FORMATS])
          .default('auto'),
      )
      .addOption(
        new Option('--privacy <mode>', 'privacy mode of the new survey')
          .choices([...PRIVACY_MODES])
          .default('identified'),
      )
      .option(
        '--mapping <json>',
        'column → question key adjustments, e.g. {"Q7":"tools","#12":null}',
      )
      .option('--title <title>', 'title of the new survey')
      .option('--json', 'print JSON')
      .action(
        async (
          file: string,
          opts: {
            format: 'auto';
            privacy: PrivacyMode;
            mapping?: string;
            title?: string;
            json?: boolean;
          },
        ) => {
          const buffer = await readFile(file).catch((error: NodeJS.ErrnoException) => {
            throw new Error(`${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
          });
          const { parseMapping, SurveyImportService } =
            await import('../../surveys/survey-import.service');
          const summary = await ctx.withApp((app) =>
            app.get(SurveyImportService).importAsNewSurvey(
              buffer,
              {
                format: opts.format,
                mapping: parseMapping(opts.mapping),
                fileName: basename(file),
                title: opts.title,
                privacyMode: opts.privacy,
              },
              LOCAL_OPERATOR,
            ),
          );
          ctx.print(
            !!opts.json,
            {
              format: summary.format,
              responses: summary.responses,
              questions: summary.questions,
              tools: summary.tools,
            },
            (v) =>
              [
                `Imported ${v.responses} responses to ${v.questions} questions (${v.format}) into survey ${summary.surveyId}`,
                ...Object.entries(v.tools).map(([tool, n]) => `  ${tool}: ${n}`),
                ...summary.warnings.map((w) => `warning: ${w}`),
              ].join('\n'),
          );
          // --json keeps stdout to the contract; the warnings go to stderr there
          if (opts.json) for (const w of summary.warnings) ctx.warn(w);
        },
      );
  },
};
