import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPLETION_FILES, completionScript } from '../../src/completion/generate.js';
import { SHELLS } from '../../src/completion/shells.js';
import { buildProgram } from '../../src/program.js';
import { REPO_ROOT } from '../support/tango.js';

describe('the committed completion scripts', () => {
  it.each(SHELLS)('%s: the committed file is what the generator makes from the current tree', (shell) => {
    const committed = readFileSync(join(REPO_ROOT, COMPLETION_FILES[shell]), 'utf8');

    const generated = completionScript(shell, buildProgram());

    // On failure: run `npm run completions` and commit completions/.
    expect(committed, `${COMPLETION_FILES[shell]} is stale: run npm run completions`).toBe(generated);
  });
});
