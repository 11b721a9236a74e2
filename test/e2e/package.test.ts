/**
 * The package as a user gets it: `npm pack` of a copy of the sources with no dist/ (as a fresh
 * clone has), so the tarball's dist/ can only come from the prepack build; then `npm install -g`
 * of that tarball into a temporary prefix, offline, and the installed `tango` run through its
 * shim, on the Node that runs this suite (first on PATH, where the shim's `env node` finds it).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/tango.js';

/** What the prepack build reads; node_modules is linked, not copied. */
const BUILD_INPUTS = ['package.json', 'README.md', 'bin', 'completions', 'scripts', 'src'];
const VERSION: string = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version;

let work: string;
let prefix: string;
let tarball: string;

function npm(args: string[], cwd: string): string {
  const result = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--no-update-notifier'], {
    cwd,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  return result.stdout;
}

/** The installed command, as a shell would find it: our prefix's bin, then this suite's Node. */
function installedTango(args: string[]) {
  const home = join(work, 'home');
  return spawnSync(join(prefix, 'bin', 'tango'), args, {
    encoding: 'utf8',
    env: {
      PATH: [join(prefix, 'bin'), dirname(process.execPath), '/usr/bin', '/bin'].join(':'),
      HOME: home,
      TANGO_CONFIG_DIR: home,
      NO_COLOR: '1',
    },
  });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'tango-package-'));
  const source = join(work, 'source');
  for (const input of BUILD_INPUTS) cpSync(join(REPO_ROOT, input), join(source, input), { recursive: true });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(source, 'node_modules'));
  npm(['pack', '--pack-destination', work], source);
  tarball = join(work, readdirSync(work).find((name) => name.endsWith('.tgz'))!);
  prefix = join(work, 'prefix');
  // Offline: the package must install from the tarball alone, with nothing fetched.
  npm(['install', '--global', '--prefix', prefix, '--offline', tarball], work);
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball, installed with npm install -g', () => {
  it('ships the build and no sources or tests', () => {
    const listing = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.split('\n');
    expect(listing).toContain('package/dist/cli.js');
    expect(listing).toContain('package/bin/tango.js');
    expect(listing.filter((path) => /^package\/(src|test|scripts)\//.test(path))).toEqual([]);
  });

  it('installs without dependencies: everything it runs is in dist/', () => {
    const installed = join(prefix, 'lib', 'node_modules', 'tango-admin');
    expect(existsSync(join(installed, 'dist', 'cli.js'))).toBe(true);
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
  });

  it('tango --version prints the package version', () => {
    const result = installedTango(['--version']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${VERSION}\n`);
  });

  it('tango --env local creates and lists a customer on the built-in emulator', () => {
    const created = installedTango([
      '--env',
      'local',
      'customers',
      'create',
      '--identifier',
      'installed-check',
      '--display-name',
      'Installed Check',
    ]);
    expect(created.stderr).not.toMatch(/\n\s+at /);
    expect(created.status).toBe(0);

    const listed = installedTango(['--env', 'local', 'customers', 'list', '--json']);
    expect(listed.stderr).toBe('');
    expect(listed.status).toBe(0);
    const customers: Array<{ customerIdentifier: string; displayName: string }> = JSON.parse(listed.stdout);
    expect(customers.map((c) => [c.customerIdentifier, c.displayName])).toContainEqual([
      'installed-check',
      'Installed Check',
    ]);
  });

  it('a bad command fails with a usage error and no stack trace', () => {
    const result = installedTango(['customers', 'frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/frobnicate/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
