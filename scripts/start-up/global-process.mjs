// What scripts/start-up/plugins.mjs bundles for `import process from 'node:process'`: the global itself.
export default globalThis.process;
