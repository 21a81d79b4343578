import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeGitHub } from '../../support/fake-github';
import type { GitRepoBuilder } from '../../support/git-repo-builder';
import { runCli, runCliAsync, runCliInProcess } from '../../support/processes';
import { buildFixtureRepo } from '../../support/repo-fixtures';
import { createTestDatabase } from '../../support/test-db';

interface ToolJson {
  toolId: string;
  signals: { signal: string; path?: string; commit?: string }[];
}

// Each command's first run here is a real process (dist/cli.js); the others call the same entry
// in this process. Without git on PATH needs a process of its own.
describe('scan-repo and scan-github commands', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let env: Record<string, string>;
  let gh: FakeGitHub;
  let out: string;
  const built: GitRepoBuilder[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    gh = await new FakeGitHub().start();
    gh.token = 'ghp_cli_secret_value';
    gh.orgs.add('acme');
    for (const name of ['assistants', 'commits', 'ordinary', 'history']) {
      const repo = buildFixtureRepo(name);
      built.push(repo);
      gh.addRepo({ owner: name === 'history' ? 'beta' : 'acme', name, dir: repo.dir });
    }
    gh.orgs.add('beta');
    gh.addRepo({ owner: 'beta', name: 'locked', dir: built[1].dir });
    out = mkdtempSync(join(tmpdir(), 'aic-cli-out-'));
    env = { DATABASE_URL: db.url, LOG_LEVEL: 'error', GITHUB_TOKEN: gh.token };
  });

  afterAll(async () => {
    await db.drop();
    await gh.stop();
    built.forEach((r) => r.remove());
    rmSync(out, { recursive: true, force: true });
  });

  it('should print the scan-repo JSON contract and write SARIF and CycloneDX files when asked', () => {
    const sarif = join(out, 'a.sarif');
    const cdx = join(out, 'a.cdx.json');
    const r = runCli(
      ['scan-repo', built[0].dir, '--json', '--sarif', sarif, '--cyclonedx', cdx],
      env,
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as {
      repository: string;
      tools: ToolJson[];
      leads: ToolJson[];
    };
    expect(json.repository).toBe('assistants');
    const cursor = json.tools.find((t) => t.toolId === 'cursor');
    expect(cursor?.signals).toEqual([
      expect.objectContaining({ signal: 'config-file', path: '.cursor/rules/general.mdc' }),
    ]);
    expect(json.tools.map((t) => t.toolId)).toEqual(
      expect.arrayContaining(['claude-code', 'github-copilot']),
    );
    // a .gitignore entry alone, and a file under tests/fixtures, are leads, not claims
    expect(json.leads.map((t) => t.toolId).sort()).toEqual(['aider', 'windsurf']);
    expect(json.tools.map((t) => t.toolId)).not.toContain('aider');
    expect(JSON.parse(readFileSync(sarif, 'utf8')).version).toBe('2.1.0');
    expect(JSON.parse(readFileSync(cdx, 'utf8')).specVersion).toBe('1.6');
  });

  it('should report nothing for an ordinary repository and fail in one line for a folder without git', async () => {
    const r = await runCliInProcess(['scan-repo', built[2].dir, '--json'], env);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).tools).toEqual([]);
    const plain = await runCliInProcess(['scan-repo', out], env);
    expect(plain.status).toBe(1);
    expect(plain.stderr.trim()).toMatch(/^ai-census: .* is not a git repository/);
    expect(plain.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('should print the scan-github JSON contract with the request count and never the token', async () => {
    const r = await runCliAsync(
      ['scan-github', 'acme', '--api-url', gh.url, '--json', '--sarif', out],
      env,
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain(gh.token);
    const json = JSON.parse(r.stdout) as {
      owner: string;
      requests: number;
      repositories: { repository: string; tools: ToolJson[]; leads: ToolJson[] }[];
    };
    expect(json.owner).toBe('acme');
    expect(json.requests).toBe(gh.requests.length);
    expect(json.repositories.map((x) => x.repository)).toEqual([
      'acme/assistants',
      'acme/commits',
      'acme/ordinary',
    ]);
    expect(json.repositories[1].tools.map((t) => t.toolId)).toEqual(
      expect.arrayContaining(['claude-code', 'cursor', 'github-copilot']),
    );
    // the same leads as scan-repo: the .gitignore-only and fixture-only tools
    expect(json.repositories[0].leads.map((t) => t.toolId).sort()).toEqual(['aider', 'windsurf']);
    expect(json.repositories[2]).toMatchObject({ tools: [], leads: [] });
    expect(existsSync(join(out, 'acme__assistants.sarif'))).toBe(true);
    gh.reset();
    const again = await runCliInProcess(
      ['scan-github', 'acme', '--api-url', gh.url, '--json'],
      env,
    );
    expect(JSON.parse(again.stdout).requests).toBe(1);
  });

  interface GithubJson {
    requests: number;
    repositories: {
      repository: string;
      tools: ToolJson[];
      error?: { code: string; reason: string };
    }[];
    warnings: { path?: string; reason: string }[];
  }

  it('should report the repository it cannot read with its reason and scan the others', async () => {
    gh.denied.set('/repos/beta/locked/', 'contents=read');
    try {
      const r = await runCliInProcess(['scan-github', 'beta', '--api-url', gh.url, '--json'], env);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const json = JSON.parse(r.stdout) as GithubJson;
      const locked = json.repositories.find((x) => x.repository === 'beta/locked')!;
      expect(locked.error).toEqual({
        code: 'permission',
        reason: expect.stringMatching(/file tree of beta\/locked .*Contents: read/),
      });
      expect(locked.tools).toEqual([]);
      const history = json.repositories.find((x) => x.repository === 'beta/history')!;
      expect(history.error).toBeUndefined();
      // .windsurfrules was added and deleted: only the clone's history shows it
      expect(history.tools.map((t) => t.toolId)).toContain('windsurf');
      expect(json.warnings.map((w) => `${w.path}: ${w.reason}`)).toContainEqual(
        expect.stringMatching(/^beta\/locked: not scanned: /),
      );
      expect(r.stdout).not.toContain(gh.token);
    } finally {
      gh.denied.clear();
    }
    // the failed repository was not marked as scanned: the next run reads it, and only it
    gh.reset();
    const again = await runCliInProcess(
      ['scan-github', 'beta', '--api-url', gh.url, '--json'],
      env,
    );
    const json = JSON.parse(again.stdout) as GithubJson;
    expect(json.repositories.find((x) => x.repository === 'beta/locked')?.error).toBeUndefined();
    expect(
      json.repositories.find((x) => x.repository === 'beta/locked')?.tools.map((t) => t.toolId),
    ).toContain('claude-code');
    expect(gh.countForRepo('beta/history')).toBe(0);
    expect(gh.countForRepo('beta/locked')).toBeGreaterThan(0);
  });

  it('should read history through the API and say so when git is not installed', async () => {
    gh.orgs.add('gamma');
    gh.addRepo({ owner: 'gamma', name: 'history', dir: built[3].dir });
    gh.reset();
    const r = await runCliAsync(['scan-github', 'gamma', '--api-url', gh.url, '--json'], {
      ...env,
      PATH: '/nonexistent',
    });
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as GithubJson;
    expect(json.warnings.map((w) => w.reason)).toContainEqual(
      expect.stringMatching(/^git is not installed: history read through the API/),
    );
    expect(gh.gitRequests).toEqual([]);
    expect(json.repositories[0].tools.map((t) => t.toolId)).not.toContain('windsurf');
  });
});
