// npm run completions: writes completions/tango.bash, _tango and tango.fish from the built bin, so
// the committed files are exactly what `tango completion <shell>` prints. Run after a build.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const BIN = fileURLToPath(new URL('bin/tango.js', root));
// The paths of COMPLETION_FILES in src/completion/generate.ts; test/unit/completion-files.test.ts reads those.
const FILES = { bash: 'completions/tango.bash', zsh: 'completions/_tango', fish: 'completions/tango.fish' };

mkdirSync(new URL('completions/', root), { recursive: true });
for (const [shell, file] of Object.entries(FILES)) {
  const result = spawnSync(process.execPath, [BIN, 'completion', shell], { encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(`tango completion ${shell} failed (exit ${result.status}):\n${result.stderr}`);
    process.exit(1);
  }
  writeFileSync(new URL(file, root), result.stdout);
  process.stderr.write(`wrote ${file}\n`);
}
