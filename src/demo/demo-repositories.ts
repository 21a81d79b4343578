import type { DataClass } from '../catalog/catalog.types';
import type { DemoRandom } from './demo-random';
import type { DemoCommit, DemoPerson, DemoRepository, DemoUsage } from './demo-org.types';

interface RepoPlan {
  name: string;
  team: string;
  dataClasses: DataClass[];
  base: Record<string, string>;
  /** files added by a later commit of a person using `toolKey` */
  aiFiles?: { toolKey: string; files: Record<string, string> };
  /** commit trailers a tool writes, made by people who use it */
  trailer?: { toolKey: string; text: string; commits: number };
}

// Teams that adopted AI Census's own check in CI: the baseline's maturity measures read it.
const CHECK_WORKFLOW = {
  '.github/workflows/ai-guardrails.yml': `name: ai-guardrails
on: [pull_request]
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npx ai-census check-repo . --sarif ai-census.sarif
`,
};

const PLANS: RepoPlan[] = [
  {
    name: 'patient-records',
    team: 'Clinical Records',
    dataClasses: ['phi'],
    base: {
      'README.md': '# Patient records service\n',
      'src/records.ts': 'export const records = new Map<string, unknown>();\n',
      ...CHECK_WORKFLOW,
    },
    aiFiles: {
      toolKey: 'copilot',
      files: {
        '.github/copilot-instructions.md':
          'Prefer small functions. Never log patient identifiers.\n',
      },
    },
  },
  {
    name: 'payments-api',
    team: 'Payments',
    dataClasses: ['pii'],
    base: {
      'README.md': '# Payments API\n',
      'package.json':
        JSON.stringify(
          {
            name: 'payments-api',
            version: '1.0.0',
            dependencies: { express: '^5.0.0', openai: '^4.52.0' },
          },
          null,
          2,
        ) + '\n',
      ...CHECK_WORKFLOW,
    },
    aiFiles: {
      toolKey: 'claude',
      files: {
        'CLAUDE.md': '# Notes for Claude\nRun `npm test` before committing.\n',
        // an agent allowed any shell command and web fetches, in a repository holding pii
        '.claude/settings.json':
          JSON.stringify(
            {
              permissions: { allow: ['Bash', 'WebFetch', 'Edit'], deny: ['Read(./.env)'] },
              hooks: {
                PostToolUse: [
                  { matcher: 'Edit', hooks: [{ type: 'command', command: 'npm run lint' }] },
                ],
              },
            },
            null,
            2,
          ) + '\n',
        '.claude/agents/reviewer.md':
          '---\nname: reviewer\ndescription: Reviews payment changes\ntools: Read, Grep, Glob\n---\nReview for PCI issues.\n',
      },
    },
    trailer: {
      toolKey: 'claude',
      text: '\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>',
      commits: 2,
    },
  },
  {
    name: 'web-app',
    team: 'Web',
    dataClasses: ['internal'],
    base: { 'README.md': '# Web app\n', 'src/app.tsx': 'export function App() { return null; }\n' },
    aiFiles: {
      toolKey: 'cursor',
      files: {
        '.cursor/rules/general.mdc':
          '---\ndescription: house style\n---\nUse functional components.\n',
        // MCP servers: a known one that writes to the code host, an unknown unpinned package
        // and a remote server outside the catalog (names of env vars and headers only)
        '.cursor/mcp.json':
          JSON.stringify(
            {
              mcpServers: {
                github: {
                  command: 'docker',
                  args: [
                    'run',
                    '-i',
                    '--rm',
                    '-e',
                    'GITHUB_PERSONAL_ACCESS_TOKEN',
                    'ghcr.io/github/github-mcp-server:v0.13.0',
                  ],
                  env: { GITHUB_PERSONAL_ACCESS_TOKEN: '${env:GITHUB_PAT}' },
                },
                'design-helper': { command: 'npx', args: ['-y', 'acme-design-mcp'] },
                analytics: {
                  url: 'https://mcp.analytics-partner.example/mcp',
                  headers: { Authorization: 'Bearer ${env:ANALYTICS_TOKEN}' },
                },
                playwright: { command: 'npx', args: ['@playwright/mcp@0.0.41'] },
              },
            },
            null,
            2,
          ) + '\n',
      },
    },
    trailer: {
      toolKey: 'cursor',
      text: '\n\nCo-authored-by: Cursor Agent <cursoragent@cursor.com>',
      commits: 2,
    },
  },
  {
    name: 'ml-experiments',
    team: 'Data Science',
    dataClasses: ['internal'],
    base: {
      'README.md': '# Experiments\n',
      'requirements.txt': 'numpy==2.1.0\nopenai==1.40.0\nlangchain==0.2.14\nanthropic==0.34.0\n',
      'AGENTS.md': '# Agents\nRun `make test`.\n',
    },
  },
  {
    name: 'infra-live',
    team: 'Infrastructure',
    dataClasses: ['confidential'],
    base: {
      'README.md': '# Infrastructure\n',
      'main.tf': 'terraform {\n  required_version = ">= 1.6"\n}\n',
    },
  },
  {
    name: 'design-tokens',
    team: 'Design',
    dataClasses: ['public'],
    // "cursor" in prose must not count as the Cursor editor
    base: {
      'README.md': '# Design tokens\nThe cursor token sets the pointer style.\n',
      'tokens.json': '{ "cursor": "pointer" }\n',
    },
  },
];

export function buildDemoRepositories(
  rnd: DemoRandom,
  people: DemoPerson[],
  usage: DemoUsage[],
  now: Date,
): DemoRepository[] {
  return PLANS.map((plan) => {
    const team = people.filter((p) => p.team === plan.team);
    const users = (key: string) => {
      const ids = new Set(usage.filter((u) => u.tool.key === key).map((u) => u.person.id));
      // Prefer the team's own users; fall back to anyone using the tool so the trace stays truthful.
      const own = team.filter((p) => ids.has(p.id));
      return own.length > 0 ? own : people.filter((p) => ids.has(p.id));
    };
    const commits: DemoCommit[] = [];
    const author = (p: DemoPerson) => ({ authorEmail: p.commitEmail, authorName: p.name });
    commits.push({
      ...author(rnd.pick(team)),
      message: 'Initial commit',
      files: plan.base,
      daysAgo: 60,
    });
    for (let i = 0; i < 3; i++) {
      commits.push({
        ...author(rnd.pick(team)),
        message: `Routine change ${i + 1}`,
        files: { [`CHANGELOG-${i + 1}.md`]: `change ${i + 1}\n` },
        daysAgo: 40 - i * 5,
      });
    }
    if (plan.aiFiles) {
      const who = users(plan.aiFiles.toolKey);
      if (who.length > 0)
        commits.push({
          ...author(rnd.pick(who)),
          message: 'Add assistant instructions',
          files: plan.aiFiles.files,
          daysAgo: 20,
        });
    }
    if (plan.trailer) {
      const who = users(plan.trailer.toolKey);
      for (let i = 0; i < plan.trailer.commits && who.length > 0; i++) {
        commits.push({
          ...author(who[i % who.length]),
          message: `Refactor module ${i + 1}${plan.trailer.text}`,
          files: { [`src/module-${i + 1}.ts`]: `export const m${i + 1} = ${i + 1};\n` },
          daysAgo: 10 - i * 3,
        });
      }
    }
    void now;
    return {
      name: plan.name,
      team: plan.team,
      dataClasses: plan.dataClasses,
      topics: [...plan.dataClasses],
      commits,
    };
  });
}
