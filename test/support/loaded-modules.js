// Preloaded into a CLI process by the start-up tests: on exit, writes the files the process
// loaded to LOADED_MODULES_OUT, so a test can see what a command paid for.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  writeFileSync(process.env.LOADED_MODULES_OUT, JSON.stringify(Object.keys(require.cache)));
});
