// Detection benchmark on real repositories: scans each repository of bench/detection-corpus.json
// that is present locally with `scan-repo --json` (the CLI users run) and scores the claimed
// (repository, tool) pairs against the hand labels; cdxgen's AI-provenance collector runs on the
// same checkouts as the peer. Repositories are looked up under DETECTION_CORPUS_DIR (default
// bench/corpus) as OWNER+NAME or OWNER/NAME, a clone or a bare mirror (a folder holding `repo`).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadBuiltinCatalog } from '../src/catalog/catalog-loader';

interface CorpusRepo {
  name: string;
  commit: string;
  kind: 'positive' | 'hard-negative';
  uses: string[];
  ignore?: string[];
}

interface Score {
  tp: number;
  fp: number;
  fn: number;
}

const ROOT = resolve(__dirname, '../..');
const CORPUS = join(ROOT, 'bench/detection-corpus.json');
const CDXGEN_PREFIX = join(ROOT, 'bench/out/cdxgen');

/** cdxgen's tool names that differ from our catalog ids; `null`: names no single tool. */
const CDXGEN_TOOL_IDS: Record<string, string | null> = {
  'multi-agent': 'ai-coding-agent',
  'replit-ai': 'replit',
  unattributed: null,
};

function locate(dir: string, name: string): string | undefined {
  const [owner, repo] = name.split('/');
  for (const candidate of [join(dir, `${owner}+${repo}`), join(dir, owner, repo)]) {
    if (existsSync(join(candidate, 'repo'))) return join(candidate, 'repo');
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

const git = (cwd: string, args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

/** A throw-away clone with every branch of the source, its HEAD at the labelled commit. */
function cloneAt(repo: CorpusRepo, source: string, work: string, checkout: boolean): string {
  const dir = join(work, repo.name.replace('/', '+'));
  const commit = repo.commit;
  rmSync(dir, { recursive: true, force: true });
  execFileSync('git', ['clone', '-q', '--no-checkout', '--local', source, dir]);
  git(dir, ['reset', '-q', '--soft', commit]);
  // a mirror may leave out its largest blobs (videos, datasets): check out what is there
  if (checkout) spawnSync('git', ['checkout', '-q', '-f', 'HEAD', '--', '.'], { cwd: dir });
  return dir;
}

/** Scans on a data folder of the run's own: scan-repo keeps what it found per repository name. */
function ourClaims(dir: string, dataDir: string): { claims: Set<string>; leads: Set<string> } {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'scan-repo', dir, '--json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, AI_CENSUS_DATA_DIR: dataDir },
  });
  if (r.status !== 0) throw new Error(`scan-repo failed: ${r.stderr.trim().split('\n').pop()}`);
  const out = JSON.parse(r.stdout) as {
    tools: { toolId: string }[];
    leads?: { toolId: string }[];
  };
  return {
    claims: new Set(out.tools.map((t) => t.toolId)),
    leads: new Set((out.leads ?? []).map((t) => t.toolId)),
  };
}

type CdxgenCollect = (
  dir: string,
  options: { gitMaxCount: number },
) => { properties?: { name: string; value: string }[] };

/** cdxgen as a library, so that it reads the whole history rather than its CLI's last 20 commits. */
async function loadCdxgen(): Promise<CdxgenCollect | string> {
  const lib = join(
    CDXGEN_PREFIX,
    'node_modules/@cyclonedx/cdxgen/lib/helpers/aiProvenanceCollector.js',
  );
  if (!existsSync(lib) && process.env.DETECTION_CDXGEN !== 'off') {
    mkdirSync(CDXGEN_PREFIX, { recursive: true });
    const npm = spawnSync(
      'npm',
      [
        'install',
        '--prefix',
        CDXGEN_PREFIX,
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        '--omit=optional',
        '@cyclonedx/cdxgen@12',
      ],
      { encoding: 'utf8' },
    );
    if (npm.status !== 0) return `not installed (${npm.stderr.trim().split('\n').pop()})`;
  }
  if (!existsSync(lib)) return 'not installed (DETECTION_CDXGEN=off)';
  // a real dynamic import: cdxgen ships ES modules only
  const importEsm = new Function('u', 'return import(u)') as (u: string) => Promise<unknown>;
  const mod = (await importEsm(`file://${lib}`)) as { collectAiProvenance: CdxgenCollect };
  return mod.collectAiProvenance;
}

function cdxgenClaims(collect: CdxgenCollect, dir: string, known: Set<string>): Set<string> {
  const result = collect(dir, { gitMaxCount: 1_000_000 });
  const evidence = result.properties?.find((p) => p.name === 'cdx:ai:codegen:evidence:json');
  const out = new Set<string>();
  for (const e of JSON.parse(evidence?.value ?? '[]') as { tool: string }[]) {
    const id = e.tool in CDXGEN_TOOL_IDS ? CDXGEN_TOOL_IDS[e.tool] : e.tool;
    if (id && known.has(id)) out.add(id);
  }
  return out;
}

function score(found: Set<string>, repo: CorpusRepo, into: Score): string[] {
  const ignore = new Set(repo.ignore ?? []);
  const truth = new Set(repo.uses.filter((t) => !ignore.has(t)));
  const notes: string[] = [];
  for (const t of found) {
    if (ignore.has(t)) continue;
    if (truth.has(t)) into.tp++;
    else {
      into.fp++;
      notes.push(`+${t}`);
    }
  }
  for (const t of truth)
    if (!found.has(t)) {
      into.fn++;
      notes.push(`-${t}`);
    }
  return notes;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const fmt = (s: Score) =>
  `precision ${ratio(s.tp, s.tp + s.fp).toFixed(3)}  recall ${ratio(s.tp, s.tp + s.fn).toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;

export async function run(): Promise<void> {
  const corpus = JSON.parse(readFileSync(CORPUS, 'utf8')) as { repositories: CorpusRepo[] };
  const dir = resolve(process.env.DETECTION_CORPUS_DIR ?? join(ROOT, 'bench/corpus'));
  // DETECTION_REPOS=owner/a,owner/b narrows a run to some repositories
  const only = process.env.DETECTION_REPOS?.split(',');
  const present = corpus.repositories
    .map((repo) => ({ repo, source: locate(dir, repo.name) }))
    .filter((r): r is { repo: CorpusRepo; source: string } => r.source !== undefined)
    .filter((r) => !only || only.includes(r.repo.name));
  console.log(
    `corpus: ${corpus.repositories.length} repositories labelled, ${present.length} present under ${dir}`,
  );
  if (present.length === 0) {
    console.log('nothing to scan: set DETECTION_CORPUS_DIR to a folder of clones or mirrors');
    return;
  }
  const known = new Set(loadBuiltinCatalog().map((t) => t.id));
  const cdxgen = await loadCdxgen();
  const ours: Score = { tp: 0, fp: 0, fn: 0 };
  const withLeads: Score = { tp: 0, fp: 0, fn: 0 };
  const peer: Score = { tp: 0, fp: 0, fn: 0 };
  let oursMs = 0;
  let peerMs = 0;
  const work = mkdtempSync(join(tmpdir(), 'aic-detect-'));
  try {
    for (const { repo, source } of present) {
      const clone = cloneAt(repo, source, work, typeof cdxgen !== 'string');
      let t0 = Date.now();
      const { claims, leads } = ourClaims(clone, join(work, 'data'));
      oursMs += Date.now() - t0;
      const misses = score(claims, repo, ours);
      score(new Set([...claims, ...leads]), repo, withLeads);
      let peerMisses: string[] = [];
      if (typeof cdxgen !== 'string') {
        t0 = Date.now();
        peerMisses = score(cdxgenClaims(cdxgen, clone, known), repo, peer);
        peerMs += Date.now() - t0;
      }
      console.log(
        `  ${repo.name.padEnd(36)} ${repo.kind.padEnd(13)} ours ${misses.join(' ') || 'exact'}` +
          (typeof cdxgen !== 'string' ? `  | cdxgen ${peerMisses.length} off` : ''),
      );
      rmSync(clone, { recursive: true, force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`AI Census claims         ${fmt(ours)}  ${(oursMs / 1000).toFixed(1)} s`);
  console.log(`AI Census claims + leads ${fmt(withLeads)}`);
  if (typeof cdxgen === 'string') console.log(`cdxgen -t ai-provenance  ${cdxgen}`);
  else {
    console.log(`cdxgen ai-provenance     ${fmt(peer)}  ${(peerMs / 1000).toFixed(1)} s`);
    console.log(
      `ratio ours/cdxgen: precision ${(ratio(ours.tp, ours.tp + ours.fp) / ratio(peer.tp, peer.tp + peer.fp)).toFixed(2)}, ` +
        `recall ${(ratio(ours.tp, ours.tp + ours.fn) / Math.max(ratio(peer.tp, peer.tp + peer.fn), 1e-9)).toFixed(2)}`,
    );
  }
}
