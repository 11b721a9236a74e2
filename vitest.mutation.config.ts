import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// Stryker's test run (stryker.config.mjs): the unit tests only. The e2e tests run the built
// bin/tango.js, which holds no mutants, so they could only slow each mutant down. The static pass of
// scripts/mutation.mjs names a group's own test files in TANGO_MUTATION_TESTS (one per line).
const chosen = process.env.TANGO_MUTATION_TESTS?.split('\n').filter(Boolean);
export default defineConfig({ ...base, test: { ...base.test, include: chosen ?? ['test/unit/**/*.test.ts'] } });
