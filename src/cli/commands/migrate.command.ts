import type { CliCommand } from '../cli-context';
import { noDomainSlice } from '../lazy-services';

export const migrateCommand: CliCommand = {
  register(program, ctx) {
    program
      .command('migrate')
      .description('apply pending database migrations (they also run at every start)')
      .option('--json', 'print JSON')
      .action(async (opts: { json?: boolean }) => {
        // Booting the app applies pending migrations; report what the database now holds.
        const applied = await ctx.withApp(async (app) => {
          const { DataSource } = await import('typeorm');
          const rows: { name: string }[] = await app
            .get(DataSource)
            .query('SELECT name FROM schema_migrations ORDER BY id');
          return rows.map((r) => r.name);
        }, noDomainSlice);
        ctx.print(
          !!opts.json,
          { migrations: applied },
          (v) =>
            `Database is at ${v.migrations.at(-1)} (${v.migrations.length} migrations applied)`,
        );
      });
  },
};
