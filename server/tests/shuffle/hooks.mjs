// Module resolution hook for register.mjs: a test file's 'node:test' becomes the shuffling wrapper; the wrapper itself
// (and node's own modules) still get the real one.
const wrapper = new URL('./node-test.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
    if ((specifier === 'node:test' || specifier === 'test') && context.parentURL !== wrapper &&
        context.parentURL && !context.parentURL.startsWith('node:')) {
        return { url: wrapper, shortCircuit: true };
    }
    return nextResolve(specifier, context);
}
