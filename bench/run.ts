import * as fs from 'node:fs';
import * as path from 'node:path';

/** Runs every bench/*.bench.ts (compiled), or those named on the command line. */
async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.js'))
    .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
    .sort();
  if (files.length === 0) throw new Error(`no benchmark matches ${only.join(', ')}`);
  for (const file of files) {
    process.stdout.write(`\n## ${file.replace(/\.bench\.js$/, '')}\n`);
    const mod = (await import(path.join(__dirname, file))) as { run: () => Promise<void> };
    await mod.run();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
