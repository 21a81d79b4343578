// After tsc: copy data files the code reads at run time, and write the entry shims at dist/.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');

function copyTree(from, to, keep) {
  if (!fs.existsSync(from)) return;
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) copyTree(src, dst, keep);
    else if (keep(entry.name)) {
      fs.mkdirSync(path.dirname(dst), { recursive: true });
      fs.copyFileSync(src, dst);
    }
  }
}

copyTree(path.join(root, 'src'), path.join(dist, 'src'), (n) => /\.(ya?ml|json|hbs|html|css|mjs|svg|wasm)$/.test(n));
copyTree(path.join(root, 'reports'), path.join(dist, 'reports'), () => true);
// The endpoint collector is served as written (comments and all): a person reads what it runs.
copyTree(path.join(root, 'src/signals/endpoints/collector'), path.join(dist, 'src/signals/endpoints/collector'), (n) => n === 'collector.js');

// The catalog's YAML parsed once here, keyed by content hash: a CLI start reads JSON instead of
// parsing ~400 kB of YAML (src/catalog/yaml-cache.ts; an edited file misses and is parsed).
{
  const { parseDocument } = require('yaml');
  const { createHash } = require('node:crypto');
  const data = path.join(dist, 'src/catalog/data');
  const cache = {};
  for (const sub of ['', 'vendor-facts']) {
    const dir = path.join(data, sub);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      const doc = parseDocument(text, { uniqueKeys: true });
      if (doc.errors.length > 0) continue; // left to the loader, which names the error
      cache[path.posix.join(sub, name)] = { sha1: createHash('sha1').update(text).digest('hex'), body: doc.toJS() };
    }
  }
  if (fs.existsSync(data)) fs.writeFileSync(path.join(data, 'yaml-cache.json'), JSON.stringify(cache));
}

// package.json's bin and the documented commands use dist/cli.js, dist/main.js and dist/worker.js.
for (const entry of ['cli', 'main', 'worker']) {
  const shim = path.join(dist, `${entry}.js`);
  fs.writeFileSync(shim, `#!/usr/bin/env node\nrequire('./src/${entry}.js');\n`);
  fs.chmodSync(shim, 0o755);
}
