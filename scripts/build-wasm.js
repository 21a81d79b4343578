// Builds src/signals/network/sieve/line-sieve.wasm from wasm/line-sieve.ts with the AssemblyScript
// compiler. The binary is committed so that running the service needs no compiler; `--check`
// (part of `npm test`) rebuilds it in a temporary file and fails when the committed one differs,
// so the binary can never drift from its source.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const source = path.join(root, 'wasm/line-sieve.ts');
const target = path.join(root, 'src/signals/network/sieve/line-sieve.wasm');
const check = process.argv.includes('--check');
const out = check ? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aic-wasm-')), 'line-sieve.wasm') : target;

execFileSync(
  process.execPath,
  [
    require.resolve('assemblyscript/bin/asc.js'),
    // relative, so that no checkout's path can end up in the binary
    path.relative(root, source),
    '-O3',
    '--runtime', 'stub',
    '--noAssert',
    '--enable', 'simd',
    // 20 MB: the host table and its arena below the input (see wasm/line-sieve.ts)
    '--initialMemory', '320',
    '-o', out,
  ],
  { stdio: 'inherit', cwd: root },
);

if (check) {
  const same = fs.readFileSync(out).equals(fs.readFileSync(target));
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  if (!same) {
    console.error(`${path.relative(root, target)} is not the build of ${path.relative(root, source)}: run npm run build:wasm`);
    process.exit(1);
  }
  console.log('line-sieve.wasm matches its source');
}
