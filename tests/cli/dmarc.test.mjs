import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, runJson } from './cli.mjs';

const dir = mkdtempSync(join(tmpdir(), 'maildiag-cli-dmarc-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const zone = join(dir, 'zone.json');
writeFileSync(zone, JSON.stringify({
  'example.com': [{ type: 'MX', preference: 10, exchange: 'mx.example.com' }, { type: 'TXT', data: 'v=spf1 mx -all' }],
  'mx.example.com': [{ type: 'A', data: '192.0.2.1' }],
  '_dmarc.example.com': [{ type: 'TXT', data: 'v=DMARC1; p=reject; rua=mailto:d@example.com' }],
}));

test('dmarc check --json: tags, spans, findings; exit 0 without errors', () => {
  const r = runJson(['dmarc', 'check', 'v=DMARC1; p=reject; rua=mailto:d@example.com']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.json.valid, true);
  assert.deepEqual(r.json.tags[1].span, [10, 18]);
});

test('dmarc check exits 1 on error-level findings and reads stdin for -', () => {
  const r = run(['dmarc', 'check', '-'], { input: 'v=DMARC1; p=block\n' });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /dmarc\.invalid_policy/);
  assert.match(r.stdout, /At: "block"/);
});

test('dkim check --json reports the key size read from the key', () => {
  const r = runJson(['dkim', 'check', 'v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=']);
  assert.equal(r.code, 0);
  assert.equal(r.json.key_bits, 256);
  assert.equal(r.json.key_format, 'raw');
});

test('dmarc eval --zone prints the contract fields', () => {
  const r = runJson(['dmarc', 'eval', '--from', 'example.com', '--spf', 'example.com:pass',
                     '--dkim', 'other.org:pass', '--zone', zone]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.json.result, 'pass');
  assert.equal(r.json.policy, 'none');
  assert.equal(r.json.policy_domain, 'example.com');
  assert.equal(r.json.spf_aligned, true);
  assert.equal(r.json.dkim_aligned, false);
});

test('dmarc eval rejects a malformed --spf with exit 2 and one line on stderr', () => {
  const r = run(['dmarc', 'eval', '--from', 'example.com', '--spf', 'example.com', '--zone', zone]);
  assert.equal(r.code, 2);
  assert.equal(r.stderr.trim().split('\n').length, 1);
});

test('domain --zone: readable report, exit 1 with errors; unreadable zone exits 3', () => {
  const ok = run(['domain', 'example.com', '--zone', zone]);
  assert.equal(ok.code, 0, ok.stdout);
  assert.match(ok.stdout, /No problems that stop mail/);
  const r = run(['domain', 'example.com', '--selector', 's1', '--zone', zone]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /Must fix/);
  assert.match(r.stdout, /s1\._domainkey\.example\.com/);
  assert.equal(run(['domain', 'example.com', '--zone', join(dir, 'missing.json')]).code, 3);
});
