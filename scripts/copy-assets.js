#!/usr/bin/env node
// Copies the non-TypeScript files the build needs at run time into dist/, mirroring their paths:
// catalog YAML (src/**/*.yaml|yml) and report templates (src/**/templates/** and reports/).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const ASSET = /\.(ya?ml|hbs|handlebars|html|css|svg|png|woff2?)$/i;

function walk(dir, visit) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, visit);
    else if (entry.isFile()) visit(full);
  }
}

function copy(file) {
  const target = path.join(dist, path.relative(root, file));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(file, target);
  return 1;
}

let copied = 0;
walk(path.join(root, 'src'), (file) => {
  const inTemplates = file.split(path.sep).includes('templates');
  if (ASSET.test(file) || (inTemplates && !file.endsWith('.ts'))) copied += copy(file);
});
// report templates kept at the repository root, if any
walk(path.join(root, 'reports'), (file) => {
  copied += copy(file);
});
console.log(`copy-assets: ${copied} file(s) copied to dist/`);
