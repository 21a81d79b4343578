import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { REPO_ROOT } from '../support/processes';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const validator = path.join(REPO_ROOT, 'scripts/validate-deploy.mjs');
const k8sDir = path.join(REPO_ROOT, 'deploy/k8s');

function validate(...args: string[]) {
  const r = spawnSync(process.execPath, [validator, ...args], { encoding: 'utf8' });
  return { status: r.status, report: JSON.parse(r.stdout) as Obj, stderr: r.stderr };
}

function manifests(): Obj[] {
  return readdirSync(k8sDir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) =>
      parseAllDocuments(readFileSync(path.join(k8sDir, f), 'utf8')).map((d) => d.toJS() as Obj),
    );
}
const find = (kind: string, name: string) =>
  manifests().find((m) => m.kind === kind && m.metadata.name === name)!;
const container = (m: Obj) => (m.spec.template.spec.containers as Obj[])[0];

describe('deployment files', () => {
  it('should validate every manifest against the Kubernetes schemas and lint the Dockerfile', () => {
    const { status, report } = validate();
    expect(report.errors).toBe(0);
    expect(status).toBe(0);
    expect(report.manifests.map((m: Obj) => `${m.kind}/${m.name}`).sort()).toEqual([
      'ConfigMap/ai-census',
      'Deployment/ai-census-api',
      'Deployment/ai-census-worker',
      'HorizontalPodAutoscaler/ai-census-worker',
      'Job/ai-census-migrate',
      'Secret/ai-census',
      'Service/ai-census-api',
    ]);
  });

  it('should fail when a manifest breaks the schema or the Dockerfile is wrong', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'deploy-'));
    const api = readFileSync(path.join(k8sDir, 'api.yaml'), 'utf8');
    writeFileSync(
      path.join(dir, 'api.yaml'),
      api.replace('containerPort: 3000', "containerPort: 'three thousand'"),
    );
    writeFileSync(path.join(dir, 'Dockerfile'), 'RUN echo no base image\n');
    const { status, report } = validate(dir, path.join(dir, 'Dockerfile'));
    expect(status).toBe(1);
    const problems = report.manifests.flatMap((m: Obj) => m.problems).join('\n');
    expect(problems).toMatch(/containerPort must be integer/);
    expect(report.dockerfile.problems.join('\n')).toMatch(/FROM/);
  });

  it('should build in stages and run as a user without root, with production dependencies only', () => {
    const text = readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8');
    const stages = text.split(/^FROM /m).slice(1);
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const runtime = stages[stages.length - 1];
    expect(runtime).toMatch(/RUN npm ci --omit=dev/);
    expect(runtime).toMatch(/COPY --from=build \/app\/dist/);
    const user = /^USER (\S+)/m.exec(runtime)?.[1];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
  });

  it('should run migrations once in compose before the API and the workers', () => {
    const compose = parse(readFileSync(path.join(REPO_ROOT, 'deploy/compose.yaml'), 'utf8')) as Obj;
    expect(Object.keys(compose.services).sort()).toEqual([
      'api',
      'migrate',
      'postgres',
      'redis',
      'worker',
    ]);
    expect(compose.services.migrate.restart).toBe('no');
    expect(compose.services.migrate.command).toEqual(['node', 'dist/cli.js', 'migrate']);
    for (const s of ['api', 'worker'])
      expect(compose.services[s].depends_on.migrate).toEqual({
        condition: 'service_completed_successfully',
      });
  });

  it('should probe readiness on /health/ready, keep secrets in a Secret and scale workers on queue depth', () => {
    const api = container(find('Deployment', 'ai-census-api'));
    expect(api.readinessProbe.httpGet.path).toBe('/health/ready');
    expect(api.livenessProbe.httpGet.path).toBe('/health');
    const worker = container(find('Deployment', 'ai-census-worker'));
    expect(worker.livenessProbe.httpGet).toEqual({ path: '/health', port: 'metrics' });
    const job = find('Job', 'ai-census-migrate');
    expect(container(job).command).toEqual(['node', 'dist/cli.js', 'migrate']);
    for (const c of [api, worker, container(job)]) {
      expect(c.envFrom).toContainEqual({ secretRef: { name: 'ai-census' } });
      expect(c.securityContext.allowPrivilegeEscalation).toBe(false);
    }
    // Nothing secret in the ConfigMap: those names belong in the Secret.
    const config = Object.keys(find('ConfigMap', 'ai-census').data as Obj);
    expect(config.filter((k) => /URL$|KEY|TOKEN|PASSWORD/.test(k) && k !== 'PUBLIC_URL')).toEqual(
      [],
    );
    const hpa = find('HorizontalPodAutoscaler', 'ai-census-worker');
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'ai-census-worker' });
    expect(hpa.spec.metrics[0].external.metric).toEqual({
      name: 'ai_census_queue_jobs',
      selector: { matchLabels: { state: 'waiting' } },
    });
  });
});
