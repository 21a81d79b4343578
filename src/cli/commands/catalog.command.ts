import { readFileSync } from 'node:fs';
import { Option } from 'commander';
import { LOCAL_OPERATOR } from '../../auth/role';
import type { CatalogToolView, ToolFilter } from '../../catalog/catalog-views';
import { POLICY_STATUSES, SIGNALS, TOOL_CATEGORIES } from '../../catalog/catalog.types';
import type { PolicyStatus, Signal, ToolCategory } from '../../catalog/catalog.types';
import { DomainError, ErrorCode } from '../../common/domain-error';
import type { CliCommand, CliContext } from '../cli-context';
import { catalogSlice } from '../lazy-services';

const catalogService = () => import('../../catalog/catalog.service').then((m) => m.CatalogService);
const toolPolicyService = () =>
  import('../../catalog/tool-policy.service').then((m) => m.ToolPolicyService);

/** The scripts' contract: each tool flat, its rule lists beside id, name and category. */
function flatten(v: CatalogToolView) {
  const { rules, ...rest } = v;
  return {
    id: rest.id,
    name: rest.name,
    vendor: rest.vendor,
    category: rest.category,
    ...(rest.homepage ? { homepage: rest.homepage } : {}),
    ...(rest.aliases ? { aliases: rest.aliases } : {}),
    ...(rest.generic ? { generic: true } : {}),
    origin: rest.origin ?? 'builtin',
    ...rules,
    ...(rest.vendorFacts ? { vendorFacts: rest.vendorFacts } : {}),
    signals: rest.signals,
    policy: rest.policy,
  };
}

function line(v: CatalogToolView): string {
  return `${v.id.padEnd(28)} ${v.category.padEnd(18)} ${v.policy.status.padEnd(12)} ${v.name}`;
}

function detail(v: CatalogToolView): string {
  const rules = Object.entries(v.rules)
    .map(([k, val]) => `  ${k}: ${JSON.stringify(val)}`)
    .join('\n');
  return [
    `${v.name} (${v.id}), ${v.vendor}, ${v.category}${v.origin === 'custom' ? ', custom' : ''}`,
    `policy: ${v.policy.status}${v.policy.dataClasses.length ? ` for ${v.policy.dataClasses.join(', ')}` : ''}${v.policy.tenantBound ? ', tenant-bound' : ''}${v.policy.note ? ` (${v.policy.note})` : ''}`,
    `signals: ${v.signals.join(', ')}`,
    rules ? `rules:\n${rules}` : 'rules: none',
  ].join('\n');
}

/**
 * The catalog from the built-in files alone, when the embedded store was last closed holding no
 * custom tool, policy or fact override of the organisation's (CatalogService leaves that fact on
 * closing it): the same answer as the store would give, without starting the database.
 */
async function builtinOnly(ctx: CliContext) {
  const views = await import('../../catalog/catalog-views');
  if (!views.addsNothing(await ctx.closedStoreFact(views.CATALOG_STORE_FACT))) return null;
  const { loadBuiltinCatalog } = await import('../../catalog/catalog-loader');
  const tools = loadBuiltinCatalog();
  const ids = new Set(tools.map((t) => t.id));
  return {
    list: (filter: ToolFilter) => views.catalogViews(tools, [], ids, filter),
    one: (id: string) => {
      const tool = tools.find((t) => t.id === id);
      if (!tool) throw new DomainError(ErrorCode.NotFound, `no tool "${id}" in the catalog`);
      return views.catalogView(tool, null, ids);
    },
  };
}

export const catalogCommand: CliCommand = {
  register(program, ctx) {
    const catalog = program
      .command('catalog')
      .description("list the AI tool catalog with each tool's rules and policy")
      .option('--tool <id>', 'show one tool')
      .addOption(new Option('--category <category>', 'only this category').choices(TOOL_CATEGORIES))
      .addOption(
        new Option('--status <status>', 'only this policy status').choices(POLICY_STATUSES),
      )
      .addOption(
        new Option('--signal <signal>', 'only tools that can leave this signal').choices(SIGNALS),
      )
      .option('--search <text>', 'search ids, names, vendors and aliases')
      .option('--json', 'print JSON')
      .action(
        async (opts: {
          tool?: string;
          category?: ToolCategory;
          status?: PolicyStatus;
          signal?: Signal;
          search?: string;
          json?: boolean;
        }) => {
          const builtin = await builtinOnly(ctx);
          if (opts.tool) {
            const tool = builtin
              ? builtin.one(opts.tool)
              : await ctx.withApp(
                  async (app) => app.get(await catalogService()).get(opts.tool!),
                  catalogSlice,
                );
            ctx.print(!!opts.json, flatten(tool), () => detail(tool));
            return;
          }
          const filter = {
            category: opts.category,
            status: opts.status,
            signal: opts.signal,
            q: opts.search,
          };
          const tools = builtin
            ? builtin.list(filter)
            : await ctx.withApp(
                async (app) => app.get(await catalogService()).list(filter),
                catalogSlice,
              );
          ctx.print(
            !!opts.json,
            { tools: tools.map(flatten) },
            () => `${tools.map(line).join('\n')}\n${tools.length} tools`,
          );
        },
      );

    catalog
      .command('audit')
      .description(
        'list tools without vendor facts, facts older than 180 days and facts entries that break the schema; exits 1 on a schema problem (a fact without a source or date among them)',
      )
      .option('--facts-dir <dir>', 'audit another vendor-facts folder (default: the built-in one)')
      .option('--json', 'print JSON')
      .action(async (opts: { factsDir?: string; json?: boolean }) => {
        const { runCatalogAudit } = await import('./catalog-audit');
        const audit = runCatalogAudit(opts.factsDir);
        ctx.print(
          !!(opts.json ?? catalog.opts<{ json?: boolean }>().json),
          audit.report,
          audit.text,
        );
        if (audit.failed) process.exitCode = 1;
      });

    catalog
      .command('policy-export')
      .description('print the tool policy as YAML, to keep in git')
      .action(async () => {
        const yaml = await ctx.withApp(
          async (app) => app.get(await toolPolicyService()).exportYaml(),
          catalogSlice,
        );
        process.stdout.write(yaml);
      });

    catalog
      .command('policy-import')
      .description('apply a tool policy YAML file (all or nothing)')
      .argument('<file>', 'policy file')
      .option('--json', 'print JSON')
      .action(async (file: string, opts: { json?: boolean }) => {
        const text = readFileSync(file, 'utf8');
        const result = await ctx.withApp(
          async (app) => app.get(await toolPolicyService()).importYaml(text, LOCAL_OPERATOR),
          catalogSlice,
        );
        // --json may land on the parent command, which declares it too
        ctx.print(
          !!(opts.json ?? catalog.opts<{ json?: boolean }>().json),
          result,
          (r) => `Applied ${file}: ${r.changed} changed, ${r.unchanged} unchanged`,
        );
      });
  },
};
