// Validates the deployment files offline: every Kubernetes manifest under deploy/k8s against the
// API's JSON schemas (compiled from its OpenAPI description and shipped in the kubernetes-models
// package), and the Dockerfile with dockerfile-utils (the Docker language server's checks).
// Usage: node scripts/validate-deploy.mjs [K8S_DIR] [DOCKERFILE]; prints JSON, exits 1 on any error.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const k8sDir = path.resolve(process.argv[2] ?? path.join(root, 'deploy/k8s'));
const dockerfile = path.resolve(process.argv[3] ?? path.join(root, 'Dockerfile'));

// apiVersion → the package's module for that group/version ("v1" is the core group).
async function modelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : [null, apiVersion];
  const mod = await import(group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/v1`);
  return mod[kind];
}

const report = { manifests: [], dockerfile: { file: path.relative(root, dockerfile), problems: [] }, errors: 0 };
for (const file of readdirSync(k8sDir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
  for (const doc of parseAllDocuments(readFileSync(path.join(k8sDir, file), 'utf8'))) {
    const entry = { file, kind: null, name: null, problems: [] };
    report.manifests.push(entry);
    if (doc.errors.length > 0) {
      entry.problems.push(...doc.errors.map((e) => `YAML: ${e.message}`));
      continue;
    }
    const obj = doc.toJS();
    entry.kind = obj?.kind ?? null;
    entry.name = obj?.metadata?.name ?? null;
    const Model = obj?.apiVersion && obj.kind ? await modelFor(obj.apiVersion, obj.kind).catch(() => undefined) : undefined;
    if (!Model) {
      entry.problems.push(`no schema for apiVersion ${obj?.apiVersion} kind ${obj?.kind}`);
      continue;
    }
    try {
      new Model(obj).validate();
    } catch (error) {
      entry.problems.push(error.message);
    }
  }
}
const { validate, ValidationSeverity } = require('dockerfile-utils');
for (const d of validate(readFileSync(dockerfile, 'utf8'))) {
  const severity = d.severity === ValidationSeverity.ERROR ? 'error' : 'warning';
  report.dockerfile.problems.push(`${severity} line ${d.range.start.line + 1}: ${d.message}`);
}
report.errors =
  report.manifests.reduce((n, m) => n + m.problems.length, 0) + report.dockerfile.problems.length;
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
process.exit(report.errors === 0 ? 0 : 1);
