import { Option } from 'commander';
import { LOCAL_OPERATOR, Role } from '../../auth/role';
import type { TokenView } from '../../auth/token.service';
import type { CliCommand } from '../cli-context';
import { noDomainSlice } from '../lazy-services';

const tokenService = () => import('../../auth/token.service').then((m) => m.TokenService);

export const tokenCommand: CliCommand = {
  register(program, ctx) {
    const token = program.command('token').description('create, list and revoke API tokens');

    token
      .command('create')
      .description('create an API token; it is printed once and stored hashed')
      .addOption(
        new Option('--role <role>', 'role of the token')
          .choices(Object.values(Role))
          .makeOptionMandatory(),
      )
      .requiredOption('--name <name>', 'what the token is for, e.g. "ci" or a person')
      .option('--expires-in <duration>', 'stop working after 12h, 30d, 8w …; default: never')
      .option('--json', 'print JSON')
      .action(async (opts: { role: Role; name: string; expiresIn?: string; json?: boolean }) => {
        const created = await ctx.withApp(
          async (app) =>
            app
              .get(await tokenService())
              .create(opts.name, opts.role, LOCAL_OPERATOR, opts.expiresIn),
          noDomainSlice,
        );
        ctx.print(
          !!opts.json,
          { token: created.token, ...created.info },
          (v) =>
            `Created ${v.role} token "${v.name}" (${v.id})${v.expiresAt ? `, valid until ${v.expiresAt.toISOString()}` : ''}. Keep it; it is not shown again:\n${v.token}`,
        );
      });

    token
      .command('list')
      .description('list tokens (never their secrets)')
      .option('--json', 'print JSON')
      .action(async (opts: { json?: boolean }) => {
        const tokens = await ctx.withApp(
          async (app) => app.get(await tokenService()).list(),
          noDomainSlice,
        );
        ctx.print(
          !!opts.json,
          { tokens },
          (v) =>
            v.tokens
              .map(
                (t) =>
                  `${t.id}  ${t.role.padEnd(8)} ${t.prefix}…  ${t.name}${tokenState(t, new Date())}`,
              )
              .join('\n') || 'No tokens.',
        );
      });

    token
      .command('revoke')
      .description('revoke a token by id')
      .argument('<id>', 'token id (see token list)')
      .option('--json', 'print JSON')
      .action(async (id: string, opts: { json?: boolean }) => {
        await ctx.withApp(
          async (app) => app.get(await tokenService()).revoke(id, LOCAL_OPERATOR),
          noDomainSlice,
        );
        ctx.print(!!opts.json, { revoked: id }, (v) => `Revoked ${v.revoked}`);
      });
  },
};

function tokenState(t: TokenView, now: Date): string {
  if (t.revokedAt) return '  (revoked)';
  if (!t.expiresAt) return '';
  const day = t.expiresAt.toISOString().slice(0, 10);
  return t.expiresAt <= now ? `  (expired ${day})` : `  (expires ${day})`;
}
