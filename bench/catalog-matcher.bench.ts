import { loadBuiltinCatalog } from '../src/catalog/catalog-loader';
import { CatalogMatcher } from '../src/catalog/matcher/catalog-matcher';

const LOOKUPS = 1_000_000;

/** A proxy-log-like mix: AI hosts, lookalikes and shared infrastructure, and ordinary traffic. */
function hostMix(): string[] {
  const ai = [
    'api.openai.com',
    'chatgpt.com',
    'ab.chatgpt.com',
    'api.anthropic.com',
    'claude.ai',
    'generativelanguage.googleapis.com',
    'copilot-proxy.githubusercontent.com',
    'api.individual.githubcopilot.com',
    'api2.cursor.sh',
    'server.codeium.com',
    'bedrock-runtime.us-east-1.amazonaws.com',
    'us-central1-aiplatform.googleapis.com',
    'myorg.openai.azure.com',
    'api.mistral.ai',
    'huggingface.co',
    'cdn-lfs.hf.co',
    'api.perplexity.ai',
    'chat.deepseek.com',
    'api.groq.com',
    'otter.ai',
  ];
  const lookalike = [
    'storage.googleapis.com',
    'objects.githubusercontent.com',
    'raw.githubusercontent.com',
    's3.us-west-2.amazonaws.com',
    'cursor.com.evil.example',
    'notopenai.com',
    'openai.com-login.example',
    'd1a2b3c4.cloudfront.net',
    'js.stripe.com',
    'o450.ingest.sentry.io',
    'acme.auth0.com',
    'widget.intercom.io',
  ];
  const ordinary = [
    'www.google.com',
    'github.com',
    'api.github.com',
    'registry.npmjs.org',
    'files.pythonhosted.org',
    'slack.com',
    'edgeapi.slack.com',
    'login.microsoftonline.com',
    'outlook.office365.com',
    'www.bbc.co.uk',
    'news.ycombinator.com',
    'static.zdassets.com',
    'fonts.gstatic.com',
    'img.youtube.com',
    'zoom.us',
    'us05web.zoom.us',
    'jira.acme.example',
    'wiki.acme.example',
    'ci.internal.acme.example',
    'mail.example.org',
  ];
  // about 30 % AI, 20 % lookalikes, 50 % ordinary, in a fixed shuffled order
  const pool = [
    ...ai,
    ...ai.slice(0, 10),
    ...lookalike,
    ...lookalike.slice(0, 8),
    ...ordinary,
    ...ordinary,
    ...ordinary.slice(0, 10),
  ];
  const hosts: string[] = [];
  let seed = 42;
  for (let i = 0; i < LOOKUPS; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    hosts.push(pool[seed % pool.length]);
  }
  return hosts;
}

function time(fn: () => number): { ms: number; hits: number } {
  const start = process.hrtime.bigint();
  const hits = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, hits };
}

/** The same mix with a distinct subdomain per line, so no answer can be reused. */
function distinctHosts(mix: string[]): string[] {
  return mix.map((h, i) => `n${i}.${h}`);
}

function compare(label: string, sut: CatalogMatcher, hosts: string[]): string[] {
  // the baseline knows every exact host in the mix: no suffix walk, no normalisation, no deny-list
  const exact = new Map<string, string>();
  for (const h of new Set(hosts)) {
    const id = sut.matchHost(h);
    if (id) exact.set(h, id);
  }
  const baseline = () => {
    let hits = 0;
    for (let i = 0; i < hosts.length; i++) if (exact.get(hosts[i]) !== undefined) hits++;
    return hits;
  };
  const matcher = () => {
    let hits = 0;
    for (let i = 0; i < hosts.length; i++) if (sut.matchHost(hosts[i]) !== undefined) hits++;
    return hits;
  };
  baseline();
  const b = time(baseline);
  const m = time(matcher);
  if (b.hits !== m.hits) throw new Error(`baseline found ${b.hits} AI hosts, matcher ${m.hits}`);
  const rate = (ms: number) => Math.round((hosts.length / ms) * 1000).toLocaleString('en-US');
  return [
    `${label}: ${hosts.length.toLocaleString('en-US')} lookups, ${m.hits.toLocaleString('en-US')} map to a tool`,
    `  baseline Map.get:         ${b.ms.toFixed(1).padStart(7)} ms  ${rate(b.ms).padStart(12)} lines/s`,
    `  CatalogMatcher.matchHost: ${m.ms.toFixed(1).padStart(7)} ms  ${rate(m.ms).padStart(12)} lines/s`,
    `  ratio matcher/baseline:   ${(m.ms / b.ms).toFixed(2)}x`,
  ];
}

/** A million host lookups through the matcher against a plain Map.get over the same hosts. */
export async function run(): Promise<void> {
  const tools = loadBuiltinCatalog();
  const build = time(() => {
    CatalogMatcher.fromTools(tools);
    return 0;
  });
  const mix = hostMix();
  const lines = [
    `catalog: ${tools.length} tools, matcher built in ${build.ms.toFixed(1)} ms`,
    // a fresh matcher each, so the second run starts with nothing remembered
    ...compare('proxy-log mix (hosts repeat)', CatalogMatcher.fromTools(tools), mix),
    ...compare(
      'all-distinct hosts (every lookup walks the labels)',
      CatalogMatcher.fromTools(tools),
      distinctHosts(mix),
    ),
    '',
  ];
  process.stdout.write(lines.join('\n'));
}
