// Runs the README's JavaScript examples against the built package, imported by its npm name.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const readme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../README.md'), 'utf8');
const examples = [...readme.matchAll(/<!-- example: ([\w.-]+\.mjs) -->\n```\w*\n([\s\S]*?)\n```/g)];

test('the README has JavaScript examples', () => assert.ok(examples.length > 0));

for (const [, name, code] of examples) {
  test(`README example ${name} runs`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'maildiag-readme-'));
    try {
      mkdirSync(join(dir, 'node_modules', '@maildiag'), { recursive: true });
      symlinkSync(process.env.MAILDIAG_WASM_PKG, join(dir, 'node_modules', '@maildiag', 'wasm'), 'dir');
      writeFileSync(join(dir, name), code);
      const r = spawnSync(process.execPath, [join(dir, name)], { encoding: 'utf8', cwd: dir });
      assert.equal(r.status, 0, r.stderr + r.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
