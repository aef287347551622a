// Runs the tests of each file in a shuffled order, to prove that no test depends on another's leftovers:
//   HOUQIN_TEST_SHUFFLE=<seed> node --import ./server/tests/shuffle/register.mjs --test FILE...
// (server/tests/api/run.sh adds the --import when HOUQIN_TEST_SHUFFLE is set; web/tests/e2e/run.sh shuffles the order
// of its files instead, because the steps inside a browser file are one story.)
// Node 20's test runner has no --test-shuffle, so `import ... from 'node:test'` in a test file is redirected to
// ./node-test.mjs, which collects the file's top-level tests and registers them in an order drawn from the seed.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
