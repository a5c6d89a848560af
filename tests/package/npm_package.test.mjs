// The npm package as users get it: packed with `npm pack`, installed from the tarball into a
// fresh folder, imported from Node by its name, and type-checked from a TypeScript consumer with
// `tsc --noEmit` (TypeScript comes from the repository's devDependencies).
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = process.env.MAILDIAG_WASM_PKG;
const version = process.env.MAILDIAG_VERSION;
if (!pkg || !version) throw new Error('MAILDIAG_WASM_PKG and MAILDIAG_VERSION are not set: run this test through ctest');
const sourceDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
const tsc = join(sourceDir, 'node_modules/.bin/tsc');

const work = mkdtempSync(join(tmpdir(), 'maildiag-npm-package-'));
test.after(() => rmSync(work, { recursive: true, force: true }));

function run(program, args, cwd) {
  const r = spawnSync(program, args, { cwd, encoding: 'utf8', maxBuffer: 16 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, output: `${r.stdout}\n${r.stderr}` };
}

const packed = run('npm', ['pack', pkg, '--json', '--pack-destination', work], work);
assert.equal(packed.code, 0, packed.output);
const [{ filename, files }] = JSON.parse(packed.stdout);
const shipped = new Set(files.map((f) => f.path));

const consumer = join(work, 'consumer');
spawnSync('mkdir', ['-p', consumer]);
writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
const installed = run('npm', ['install', '--offline', '--no-audit', '--no-fund', join(work, filename)], consumer);

test('the package version is the project version', () => {
  const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  assert.equal(manifest.version, version);
});

test('every file the package refers to is in the tarball', () => {
  for (const file of shipped) {
    if (!/\.(mjs|d\.ts)$/.test(file)) continue;
    const text = readFileSync(join(pkg, file), 'utf8');
    for (const [, target] of text.matchAll(/(?:from|import)\s*\(?\s*'(\.\/[^']+)'/g)) {
      // TypeScript names a declaration file by its JavaScript module: './spf.js' is spf.d.ts.
      const expected = file.endsWith('.d.ts') ? target.slice(2).replace(/\.js$/, '.d.ts') : target.slice(2);
      assert.ok(shipped.has(expected), `${file} refers to ${target}, which the tarball lacks (${[...shipped]})`);
    }
  }
  for (const file of ['package.json', 'index.mjs', 'node.mjs', 'maildiag.mjs', 'maildiag.wasm', 'index.d.ts'])
    assert.ok(shipped.has(file), `${file} is not in the tarball`);
});

test('installed from the tarball, the package imports by its name in Node and answers', () => {
  assert.equal(installed.code, 0, installed.output);
  const script = [
    "import { load, MAX_INPUT_LENGTH } from '@maildiag/wasm';",
    'const md = await load();',
    "const e = md.explain('550 5.1.1 user unknown');",
    "const spf = md.spfCheck('\"v=spf1 mx -all\"');",
    'console.log(JSON.stringify({ version: md.version(), status: e.status, spf: spf.findings[0].code, MAX_INPUT_LENGTH }));',
  ].join('\n');
  const r = run(process.execPath, ['--input-type=module', '-e', script], consumer);
  assert.equal(r.code, 0, r.output);
  const got = JSON.parse(r.stdout);
  assert.equal(got.version, version);
  assert.equal(got.status, '5.1.1');
  assert.equal(got.spf, 'txt.quotes_removed');
  assert.ok(got.MAX_INPUT_LENGTH > 0);
});

const tsconfig = (file) => JSON.stringify({
  compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true, types: [] },
  files: [file],
});

test('a TypeScript consumer type-checks against the installed package (tsc --noEmit)', () => {
  assert.equal(installed.code, 0, installed.output);
  writeFileSync(join(consumer, 'consumer.ts'), `
import { load, dohResolver, MAX_INPUT_LENGTH } from '@maildiag/wasm';
import type { Maildiag, Explanation, SpfCheck, DmarcRecord, DkimKey, NdrMessage, Finding } from '@maildiag/wasm';

const md: Maildiag = await load();
const e: Explanation = md.explain('550 5.1.1', { provider: 'microsoft' });
const code: number | null = e.reply_code;
const spf: SpfCheck = md.spfCheck('v=spf1 -all');
const first: Finding | undefined = spf.findings[0];
const dmarc: DmarcRecord = md.dmarcCheck('v=DMARC1; p=reject');
const dkim: DkimKey = md.dkimCheck('v=DKIM1; p=');
const messages: NdrMessage[] = md.ndr('550 5.1.1 user unknown').messages;
const audit = await md.spfAudit('example.com', { resolve: dohResolver() });
export const seen = [code, first?.code, dmarc.valid, dkim.key_bits, messages.length, audit.total_lookups, MAX_INPUT_LENGTH];
`);
  writeFileSync(join(consumer, 'tsconfig.json'), tsconfig('consumer.ts'));
  const r = run(tsc, ['--noEmit', '-p', 'tsconfig.json'], consumer);
  assert.equal(r.code, 0, r.output);
});

test('the types are checked, not just found: a wrong use fails tsc', () => {
  assert.equal(installed.code, 0, installed.output);
  writeFileSync(join(consumer, 'wrong.ts'), `
import { load } from '@maildiag/wasm';
const md = await load();
export const status: number = md.explain('550 5.1.1').status;
`);
  writeFileSync(join(consumer, 'tsconfig.json'), tsconfig('wrong.ts'));
  const r = run(tsc, ['--noEmit', '-p', 'tsconfig.json'], consumer);
  assert.notEqual(r.code, 0, r.output);
  assert.match(r.output, /TS2322/);
});
