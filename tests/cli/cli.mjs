// Runs the maildiag CLI built by CMake (its path comes in MAILDIAG_CLI) and captures its output.
import { spawnSync } from 'node:child_process';

export const cli = process.env.MAILDIAG_CLI;
export const sourceDir = process.env.MAILDIAG_SOURCE_DIR;

export function run(args, { input } = {}) {
  if (!cli) throw new Error('MAILDIAG_CLI is not set: run this test through ctest');
  const r = spawnSync(cli, args, { input, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function runJson(args, options) {
  const r = run([...args, '--json'], options);
  return { ...r, json: r.stdout ? JSON.parse(r.stdout) : undefined };
}
