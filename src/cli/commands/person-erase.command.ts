import type { Command } from 'commander';
import { createInterface } from 'node:readline/promises';
import { LOCAL_OPERATOR } from '../../auth/role';
import { DomainError, ErrorCode } from '../../common/domain-error';
import type { CliCommand } from '../cli-context';

/** `person` groups the commands about one person; whichever registers first creates it. */
export function personCommandGroup(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'person') ??
    program.command('person').description("one person's data: export and erasure")
  );
}

async function confirmed(): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(
      'Erase this person from every table, for good? Type "erase" to go on: ',
    );
    return answer.trim() === 'erase';
  } finally {
    rl.close();
  }
}

export const personEraseCommand: CliCommand = {
  register(program, ctx) {
    personCommandGroup(program)
      .command('erase')
      .description(
        'erase one person: directory entry, identities, evidence, findings, identified answers, roll-ups; aggregates already taken keep their numbers',
      )
      .argument('<person>', 'their id, e-mail or GitHub login')
      .requiredOption('--reason <text>', 'why (audited, without their identifiers)')
      .option('--yes', 'do not ask for confirmation (needed when not on a terminal)')
      .option('--json', 'print JSON')
      .action(async (person: string, opts: { reason: string; yes?: boolean; json?: boolean }) => {
        if (!opts.yes && !(await confirmed()))
          throw new DomainError(
            ErrorCode.InvalidInput,
            'not confirmed: nothing erased (pass --yes)',
          );
        const bar = ctx.progressBar('erase');
        const result = await ctx
          .withApp(async (app) =>
            app
              .get(
                (await import('../../privacy/erasure/person-erasure.service')).PersonErasureService,
              )
              .runNow(person, opts.reason, LOCAL_OPERATOR, (p, c) => bar.update(p, c)),
          )
          .finally(() => bar.stop());
        ctx.print(
          !!opts.json,
          result,
          (r) =>
            `Erased (erasure ${r.erasureId}): ${Object.entries(r.counts)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ')}`,
        );
      });
  },
};
