import { LOCAL_OPERATOR } from '../../auth/role';
import { DomainError, ErrorCode } from '../../common/domain-error';
import type { OutreachDelivery } from '../../guardrails/outreach/outreach-delivery.service';
import type { CliCommand, CliContext } from '../cli-context';

/** Links printed by the CLI point at PUBLIC_URL: there is no request to take an address from. */
async function requirePublicUrl(ctx: CliContext): Promise<string> {
  const url = (await ctx.config()).publicUrl;
  if (!url)
    throw new DomainError(
      ErrorCode.InvalidInput,
      'PUBLIC_URL must be set: the links printed point at the address people reach the service at',
    );
  return url;
}

function linksText(d: OutreachDelivery): string {
  if ('sent' in d) return `Queued e-mail job ${d.sent.id}`;
  return (
    d.issued
      .map(
        (l) =>
          `${l.email ?? l.personId ?? l.id}  ${Object.values(l.urls).join('  ')}  (until ${l.expiresAt.slice(0, 10)})`,
      )
      .join('\n') || 'No links issued.'
  );
}

const days = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 90)
    throw new DomainError(ErrorCode.InvalidInput, '--expires-in-days must be a whole number 1–90');
  return n;
};

/** Adds clarify and nudge to the `guardrails` command the enforcement commands create. */
export const guardrailsOutreachCommand: CliCommand = {
  register(program, ctx) {
    const g =
      program.commands.find((c) => c.name() === 'guardrails') ??
      program.command('guardrails').description('guardrails: enforcement exports and outreach');

    g.command('clarify')
      .description(
        'issue single-use links asking the person behind each finding whether they use the tool',
      )
      .argument('<findingId...>', 'leads or undisclosed findings about people')
      .option('--expires-in-days <n>', 'days the links work (1–90, default 14)', days)
      .option('--json', 'print JSON')
      .action(async (ids: string[], opts: { expiresInDays?: number; json?: boolean }) => {
        const base = await requirePublicUrl(ctx);
        const out = await ctx.withApp(async (app) =>
          app
            .get(
              (await import('../../guardrails/outreach/clarifications.service'))
                .ClarificationsService,
            )
            .ask(ids, { expiresInDays: opts.expiresInDays }, base, LOCAL_OPERATOR),
        );
        ctx.print(!!opts.json, out, linksText);
      });

    g.command('nudge')
      .description('issue nudges with acknowledgement links to the people behind a tool’s findings')
      .argument('<toolId>', 'catalog id of the tool')
      .option('--person <id...>', 'only these people')
      .option('--expires-in-days <n>', 'days the links work (1–90, default 14)', days)
      .option('--json', 'print JSON')
      .action(
        async (
          toolId: string,
          opts: { person?: string[]; expiresInDays?: number; json?: boolean },
        ) => {
          const base = await requirePublicUrl(ctx);
          const out = await ctx.withApp(async (app) =>
            app
              .get((await import('../../guardrails/outreach/nudges.service')).NudgesService)
              .send(
                { toolId, personIds: opts.person, expiresInDays: opts.expiresInDays },
                base,
                LOCAL_OPERATOR,
              ),
          );
          ctx.print(!!opts.json, out, linksText);
        },
      );
  },
};
