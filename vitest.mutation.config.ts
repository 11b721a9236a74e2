import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// Stryker's test run (stryker.config.mjs): the unit tests only. The e2e tests run the built
// bin/tango.js, which holds no mutants, so they could only slow each mutant down.
export default defineConfig({ ...base, test: { ...base.test, include: ['test/unit/**/*.test.ts'] } });
