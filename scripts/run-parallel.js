// Runs npm scripts side by side, as many at once as the machine has cores, and prints each one's
// output whole when it ends (no interleaving). Exits 1 when any failed, naming them.
// Usage: node scripts/run-parallel.js lint typecheck build format:check
const { spawn } = require('node:child_process');
const os = require('node:os');

const names = process.argv.slice(2);
const slots = Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
const failed = [];
let next = 0;

function start(name) {
  const began = Date.now();
  const child = spawn('npm', ['run', '-s', name], { stdio: ['ignore', 'pipe', 'pipe'] });
  const out = [];
  child.stdout.on('data', (d) => out.push(d));
  child.stderr.on('data', (d) => out.push(d));
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      const seconds = ((Date.now() - began) / 1000).toFixed(1);
      const ok = code === 0;
      if (!ok) failed.push(name);
      process.stdout.write(
        `\n> npm run ${name} (${ok ? 'ok' : `failed: ${signal ?? code}`}, ${seconds} s)\n`,
      );
      process.stdout.write(Buffer.concat(out));
      resolve();
    });
  });
}

async function worker() {
  while (next < names.length) await start(names[next++]);
}

Promise.all(Array.from({ length: Math.min(slots, names.length) }, worker)).then(() => {
  if (failed.length > 0) {
    process.stderr.write(`\nfailed: ${failed.join(', ')}\n`);
    process.exit(1);
  }
});
