// Runs the slowest suites first, by the durations committed beside this file (refreshed with
// scripts/suite-durations.js). Jest orders by its own timing cache, which a fresh CI checkout does
// not have: it then goes by file size, and the heaviest end-to-end suites (browser journeys, large
// uploads, CLI start-up) ran side by side at the end, each slowed by the other while the rest of
// the run had long finished. Longest first keeps both workers busy to the end.
const Sequencer = require('@jest/test-sequencer').default;
const path = require('node:path');
const durations = require('./suite-durations.json');

const root = path.resolve(__dirname, '../..');

class DurationSequencer extends Sequencer {
  sort(tests) {
    // the default order first: it reads jest's own cache into test.duration where it has one
    const ordered = super.sort(tests);
    const seconds = (test) => {
      const known = durations[path.relative(root, test.path).split(path.sep).join('/')];
      if (known !== undefined) return known;
      if (test.duration !== undefined) return test.duration / 1000;
      // a suite never timed: about what its kind takes
      return test.path.endsWith('.e2e-spec.ts') ? 10 : 1;
    };
    return [...ordered].sort((a, b) => seconds(b) - seconds(a));
  }
}

module.exports = DurationSequencer;
