// Refreshes test/support/suite-durations.json (what duration-sequencer.js orders suites by) from
// jest's timing cache of the last full run in this checkout: `npm test`, then this script
// (arguments: jest's cache directory, and the checkout the run was made in when it was another).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const cacheDir =
  process.argv[2] ?? path.join(os.tmpdir(), `jest_${(process.getuid?.() ?? 0).toString(36)}`);
const runRoot = path.resolve(process.argv[3] ?? root);
const seconds = {};
for (const name of fs.readdirSync(cacheDir).filter((n) => n.startsWith('perf-cache-'))) {
  const cache = JSON.parse(fs.readFileSync(path.join(cacheDir, name), 'utf8'));
  for (const [file, entry] of Object.entries(cache)) {
    const rel = path.relative(runRoot, file);
    if (rel.startsWith('..') || !Array.isArray(entry) || !fs.existsSync(path.join(root, rel)))
      continue;
    seconds[rel.split(path.sep).join('/')] = Math.round(entry[1] / 100) / 10;
  }
}
const sorted = Object.fromEntries(Object.entries(seconds).sort((a, b) => b[1] - a[1]));
const out = path.join(root, 'test/support/suite-durations.json');
fs.writeFileSync(out, JSON.stringify(sorted, null, 1) + '\n');
console.log(`${Object.keys(sorted).length} suites written to ${path.relative(root, out)}`);
