import type { ToolMatcher } from '../catalog/catalog.types';
import { buildDemoRepositories } from './demo-repositories';
import { DemoRandom } from './demo-random';
import type {
  DemoOrganisation,
  DemoPerson,
  DemoPolicy,
  DemoSurveyAnswer,
  DemoTruth,
  DemoUsage,
} from './demo-org.types';
import { DEMO_TEAMS, DEMO_TOOLS, FIRST_NAMES, LAST_NAMES } from './demo-profile';
import { squidLog, surveyCsv, zeekSslLog } from './demo-logs';

export interface DemoOptions {
  seed?: number;
  now?: Date;
  /** 0..1: extra adoption for a later baseline (drift), applied to unsanctioned tools */
  drift?: number;
}

/**
 * A realistic organisation of about 200 people, its AI use, its logs, repositories and survey,
 * and the truth those were generated from. Tool ids come from the catalog's matcher, so the
 * truth is stated in the same ids the pipeline will produce.
 */
export function generateDemoOrganisation(
  matcher: ToolMatcher,
  options: DemoOptions = {},
): DemoOrganisation {
  const rnd = new DemoRandom(options.seed ?? 20260301);
  const now = options.now ?? new Date(Date.UTC(2026, 2, 1));
  const drift = options.drift ?? 0;
  const tools = DEMO_TOOLS.flatMap((t) => {
    const toolId = matcher.matchHost(t.host);
    return toolId ? [{ ...t, toolId }] : [];
  });

  const people = makePeople(rnd);
  const usage: DemoUsage[] = [];
  for (const person of people) {
    const appetite = DEMO_TEAMS.find((t) => t.team === person.team)?.appetite ?? 1;
    for (const tool of tools) {
      const extra = tool.policy.status === 'sanctioned' ? 0 : drift;
      if (!rnd.chance(Math.min(0.95, tool.adoption * appetite + extra))) continue;
      const days = rnd.int(1, 22);
      const activeDays = [...new Set(Array.from({ length: days }, () => rnd.int(0, 27)))].sort(
        (a, b) => a - b,
      );
      usage.push({ person, tool, activeDays, requestsPerDay: rnd.int(2, 25) });
    }
  }

  const copilot = tools.find((t) => t.key === 'copilot');
  const copilotUsers = usage.filter((u) => u.tool.key === 'copilot').map((u) => u.person);
  // A handful of Copilot users have no organisation seat: personal accounts, the tenant-bound case.
  const personal = new Set(copilotUsers.filter((_, i) => i % 13 === 5).map((p) => p.id));
  const copilotSeats = copilotUsers.filter((p) => !personal.has(p.id)).map((p) => p.githubLogin);

  const repositories = buildDemoRepositories(rnd, people, usage, now);
  const answers = makeSurvey(rnd, people, usage, tools, now);
  const policies: DemoPolicy[] = tools.map((t) => ({ toolId: t.toolId, ...t.policy }));

  return {
    name: 'Northwind Health (demo)',
    now,
    people,
    repositories,
    copilotSeats,
    usage,
    policies,
    squidLog: squidLog(
      rnd,
      people.filter((p) => p.site === 'hq-proxy'),
      usage,
      now,
    ),
    zeekSslLog: zeekSslLog(
      rnd,
      people.filter((p) => p.site === 'branch-zeek'),
      usage,
      now,
    ),
    survey: { csv: surveyCsv(answers), answers },
    truth: computeTruth(
      matcher,
      people,
      usage,
      answers,
      repositories,
      policies,
      copilot ? personal.size : 0,
    ),
  };
}

function makePeople(rnd: DemoRandom): DemoPerson[] {
  const people: DemoPerson[] = [];
  let n = 0;
  for (const { team, headcount } of DEMO_TEAMS) {
    for (let i = 0; i < headcount; i++) {
      const first = FIRST_NAMES[n % FIRST_NAMES.length];
      const last = LAST_NAMES[Math.floor(n / FIRST_NAMES.length) % LAST_NAMES.length];
      const handle = `${first}.${last}`.toLowerCase();
      n++;
      people.push({
        id: `p${String(n).padStart(3, '0')}`,
        name: `${first} ${last}`,
        email: `${handle}@northwind.example`,
        githubLogin: `${first}${last}`.toLowerCase(),
        commitEmail: `${handle}@users.northwind.example`,
        proxyUser: `${first[0]}${last}`.toLowerCase(),
        ip: `10.${rnd.chance(0.5) ? 20 : 40}.${Math.floor(n / 200) + 1}.${(n % 200) + 10}`,
        team,
        site: 'hq-proxy',
      });
    }
  }
  // The branch office has no authenticating proxy: only its TLS sensor sees traffic, by IP.
  for (const p of people) p.site = p.ip.startsWith('10.40.') ? 'branch-zeek' : 'hq-proxy';
  return people;
}

function makeSurvey(
  rnd: DemoRandom,
  people: DemoPerson[],
  usage: DemoUsage[],
  tools: DemoUsage['tool'][],
  now: Date,
): DemoSurveyAnswer[] {
  const answers: DemoSurveyAnswer[] = [];
  for (const person of people) {
    if (!rnd.chance(0.78)) continue;
    const mine = usage.filter((u) => u.person.id === person.id).map((u) => u.tool);
    // Most answer fully; some name only what policy sanctions.
    const honest = rnd.chance(0.62);
    const said = mine.filter((t) => honest || t.policy.status === 'sanctioned');
    // A few use a tool only off the network (a phone, home): self-reported, never observed.
    const offNetwork = rnd.chance(0.06)
      ? tools.filter((t) => !mine.includes(t) && t.policy.status !== 'prohibited')
      : [];
    if (offNetwork.length > 0) said.push(rnd.pick(offNetwork));
    answers.push({
      email: person.email,
      submittedAt: new Date(now.getTime() - rnd.int(1, 10) * 86_400_000).toISOString(),
      tools: said.map((t) => t.surveyName),
      dataClasses:
        said.length === 0
          ? []
          : rnd.chance(0.25)
            ? ['Internal', 'Customer personal data']
            : ['Internal'],
      account: rnd.chance(0.15) ? 'personal' : 'work',
    });
  }
  return answers;
}

function computeTruth(
  matcher: ToolMatcher,
  people: DemoPerson[],
  usage: DemoUsage[],
  answers: DemoSurveyAnswer[],
  repositories: DemoOrganisation['repositories'],
  policies: DemoPolicy[],
  personalAccountUsers: number,
): DemoTruth {
  // Observed (person, tool) pairs: network use, and commits a tool co-authored.
  const byCommitEmail = new Map(people.map((p) => [p.commitEmail, p]));
  const observed = new Set(usage.map((u) => `${u.person.id}|${u.tool.toolId}`));
  for (const r of repositories) {
    for (const c of r.commits) {
      const author = byCommitEmail.get(c.authorEmail);
      const facts = {
        authorName: c.authorName,
        authorEmail: c.authorEmail,
        committerName: c.authorName,
        committerEmail: c.authorEmail,
        message: c.message,
      };
      for (const m of matcher.matchCommit(facts))
        if (author) observed.add(`${author.id}|${m.toolId}`);
    }
  }
  const toolPeople: Record<string, number> = {};
  for (const pair of observed) {
    const toolId = pair.split('|')[1];
    toolPeople[toolId] = (toolPeople[toolId] ?? 0) + 1;
  }
  const byEmail = new Map(people.map((p) => [p.email, p]));
  const selfReportedPeople: Record<string, number> = {};
  let disclosedPairs = 0;
  let undisclosedPairs = 0;
  for (const a of answers) {
    const ids = new Set(a.tools.map((t) => matcher.matchName(t)).filter((x): x is string => !!x));
    for (const id of ids) selfReportedPeople[id] = (selfReportedPeople[id] ?? 0) + 1;
    const person = byEmail.get(a.email);
    for (const pair of observed) {
      const [personId, toolId] = pair.split('|');
      if (personId !== person?.id) continue;
      if (ids.has(toolId)) disclosedPairs++;
      else undisclosedPairs++;
    }
  }
  const repoTools = repositories.map((r) => ({ repo: r, tools: repositoryTools(matcher, r) }));
  const policyById = new Map(policies.map((p) => [p.toolId, p]));
  const dataClassViolations = repoTools.flatMap(({ repo, tools }) =>
    [...tools].flatMap((toolId) => {
      const p = policyById.get(toolId);
      const permissive =
        p &&
        (p.status === 'sanctioned' || p.status === 'tolerated') &&
        p.allowedDataClasses.length > 0;
      return permissive && repo.dataClasses.some((c) => !p.allowedDataClasses.includes(c))
        ? [{ repository: repo.name, toolId }]
        : [];
    }),
  );
  const teams = new Map<string, number>();
  for (const p of people) teams.set(p.team, (teams.get(p.team) ?? 0) + 1);
  return {
    headcount: people.length,
    teams: [...teams].map(([team, headcount]) => ({ team, headcount })),
    respondents: answers.length,
    observedUsers: new Set([...observed].map((pair) => pair.split('|')[0])).size,
    toolPeople,
    selfReportedPeople,
    selfReportedUsers: answers.filter((a) => a.tools.length > 0).length,
    disclosedPairs,
    undisclosedPairs,
    personalAccountUsers,
    repositoriesWithAi: repoTools
      .filter((r) => r.tools.size > 0)
      .map((r) => r.repo.name)
      .sort(),
    repositoriesWithoutAi: repoTools
      .filter((r) => r.tools.size === 0)
      .map((r) => r.repo.name)
      .sort(),
    dataClassViolations,
    prohibitedToolIds: policies.filter((p) => p.status === 'prohibited').map((p) => p.toolId),
    toolsInUse: [
      ...new Set([
        ...Object.keys(toolPeople),
        ...Object.keys(selfReportedPeople),
        ...repoTools.flatMap((r) => [...r.tools]),
      ]),
    ].sort(),
  };
}

/** The tools a repository's files and commits point at, as the catalog matches them. */
export function repositoryTools(
  matcher: ToolMatcher,
  repo: DemoOrganisation['repositories'][number],
): Set<string> {
  const out = new Set<string>();
  for (const c of repo.commits) {
    for (const path of Object.keys(c.files))
      for (const m of matcher.matchPath(path)) out.add(m.toolId);
    const facts = {
      authorName: c.authorName,
      authorEmail: c.authorEmail,
      committerName: c.authorName,
      committerEmail: c.authorEmail,
      message: c.message,
    };
    for (const m of matcher.matchCommit(facts)) out.add(m.toolId);
    const pkg = c.files['package.json'];
    if (pkg)
      for (const name of Object.keys(
        (JSON.parse(pkg) as { dependencies?: Record<string, string> }).dependencies ?? {},
      ))
        add(out, matcher.matchPackage('npm', name));
    const req = c.files['requirements.txt'];
    if (req)
      for (const line of req.split('\n'))
        add(out, matcher.matchPackage('pypi', line.split(/[=<>~!\s]/)[0]));
  }
  return out;
}

function add(set: Set<string>, id: string | undefined): void {
  if (id) set.add(id);
}
