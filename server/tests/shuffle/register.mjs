// Runs the tests of each file in a shuffled order, to prove that no test depends on another's leftovers:
//   HOUQIN_TEST_SHUFFLE=<seed> node --import ./server/tests/shuffle/register.mjs --test FILE...
// (server/tests/api/run.sh and web/tests/e2e/run.sh add the --import when HOUQIN_TEST_SHUFFLE is set.)
// Node 20's test runner has no --test-shuffle, so `import ... from 'node:test'` in a test file is redirected to
// ./node-test.mjs, which collects the file's top-level tests and registers them in an order drawn from the seed.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
