import test from 'node:test';
import assert from 'node:assert/strict';
import { run, runJson } from './cli.mjs';

test('explain --json gives reply code, status, class and subject', () => {
  const r = runJson(['explain', '450 4.4.312']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.json.reply_code, 450);
  assert.equal(r.json.status, '4.4.312');
  assert.equal(r.json.class, 'transient');
  assert.equal(r.json.subject, 'Network and routing status');
  assert.equal(r.json.permanent, false);
});

test('explain joins its words, so quoting is optional', () => {
  const r = runJson(['explain', '550', '5.1.1']);
  assert.equal(r.code, 0);
  assert.equal(r.json.reply_code, 550);
  assert.equal(r.json.status, '5.1.1');
  assert.equal(r.json.permanent, true);
});

test('explain reads standard input for -', () => {
  const r = runJson(['explain', '-'], { input: '#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##\n' });
  assert.equal(r.code, 0);
  assert.equal(r.json.status, '5.1.1');
});

test('explain prints readable text without --json', () => {
  const r = run(['explain', '450 4.4.312']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /4\.4\.312/);
  assert.match(r.stdout, /Network and routing status/);
});

test('usage errors exit 2 with one line on stderr', () => {
  for (const args of [[], ['explain'], ['no-such-command'], ['explain', 'x', '--no-such-flag']]) {
    const r = run(args);
    assert.equal(r.code, 2, `args ${JSON.stringify(args)}`);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.equal(r.stdout, '');
  }
});

test('--version and --help exit 0', () => {
  const v = run(['--version']);
  assert.equal(v.code, 0);
  assert.match(v.stdout, /^maildiag \d+\.\d+\.\d+/);
  const h = run(['--help']);
  assert.equal(h.code, 0);
  assert.match(h.stdout, /explain/);
});
