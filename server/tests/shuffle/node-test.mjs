// 'node:test' with its top-level tests registered in a shuffled order (see register.mjs). Hooks (before, after, ...)
// and everything else are the real ones; tests are collected while the file loads and registered together, in the
// order a seeded generator draws, once the file's top-level code has run.
import * as real from 'node:test';

const seedText = process.env.HOUQIN_TEST_SHUFFLE || '1';
let state = [...seedText].reduce((hash, char) => (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0, 2166136261) || 1;
function random() {
    // xorshift32: the same seed gives the same order on every machine.
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
}

const pending = [];
let scheduled = false;

function flush() {
    for (let index = pending.length - 1; index > 0; index -= 1) {
        const other = Math.floor(random() * (index + 1));
        [pending[index], pending[other]] = [pending[other], pending[index]];
    }
    const file = process.argv[1] ?? '';
    process.stderr.write(`shuffle(${seedText}) ${file.split('/').pop()}: ${pending.map((entry) => entry.name).join(' | ')}\n`);
    for (const entry of pending.splice(0)) entry.register();
}

function collect(kind) {
    return (...args) => {
        const name = typeof args[0] === 'string' ? args[0] : '(unnamed)';
        pending.push({ name, register: () => kind(...args) });
        if (!scheduled) {
            scheduled = true;
            // After the module's top-level code (all test() calls) has run.
            setImmediate(flush);
        }
    };
}

export const test = Object.assign(collect(real.test), {
    skip: collect(real.test.skip),
    todo: collect(real.test.todo),
    only: collect(real.test.only),
});
export const it = test;
export const { after, afterEach, before, beforeEach, describe, suite, mock, run } = real;
export default test;
