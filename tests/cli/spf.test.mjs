// `maildiag spf check|eval|audit` with static zones: output, exit codes, errors.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, runJson } from './cli.mjs';

const dir = mkdtempSync(join(tmpdir(), 'maildiag-spf-cli-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

function zoneFile(name, zone) {
  const path = join(dir, name);
  writeFileSync(path, typeof zone === 'string' ? zone : JSON.stringify(zone));
  return path;
}

const zone = zoneFile('zone.json', {
  'example.com': [{ type: 'TXT', data: 'v=spf1 include:_spf.example.com -all exp=why.example.com' }],
  '_spf.example.com': [{ type: 'TXT', data: ['v=spf1 ip4:192.0.2.0/24 ', 'ip6:2001:db8::/32 ~all'] }],
  'why.example.com': [{ type: 'TXT', data: '%{i} is not allowed for %{d}' }],
  'slow.example.com': [{ type: 'TIMEOUT' }],
});

test('spf check: terms with spans and findings; exit 1 on error findings', () => {
  const ok = runJson(['spf', 'check', 'v=spf1 ip4:192.0.2.0/24 -all']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(ok.json.valid, true);
  assert.deepEqual(ok.json.terms.map((t) => t.text), ['ip4:192.0.2.0/24', '-all']);
  const bad = runJson(['spf', 'check', 'v=spf1 ip4:1.2.3.4/33 -all']);
  assert.equal(bad.code, 1);
  assert.equal(bad.json.findings[0].code, 'spf.invalid_cidr');
  assert.deepEqual(bad.json.findings[0].span, [18, 21]);
  const text = run(['spf', 'check', 'v=spf1 mx +all']);
  assert.equal(text.code, 1);
  assert.match(text.stdout, /\n {10}\^{4}\nerror spf\.pass_all/);
});

test('spf check reads the record from standard input', () => {
  const r = runJson(['spf', 'check', '-'], { input: 'v=spf1 ptr -all\n' });
  assert.equal(r.code, 0);
  assert.equal(r.json.findings[0].code, 'spf.ptr_deprecated');
});

test('spf eval: result, explanation, matched term, lookups and trace (RFC 7208 §4-§6)', () => {
  const pass = runJson(['spf', 'eval', '--ip', '2001:db8::5', '--mail-from', 'a@example.com', '--zone', zone]);
  assert.equal(pass.code, 0, pass.stderr);
  assert.equal(pass.json.result, 'pass');
  assert.equal(pass.json.matched_term, 'ip6:2001:db8::/32');
  assert.equal(pass.json.dns_lookups, 1);
  assert.equal(pass.json.void_lookups, 0);
  assert.equal(pass.json.trace.length, 2);
  const fail = runJson(['spf', 'eval', '--ip', '198.51.100.1', '--mail-from', 'a@example.com', '--zone', zone]);
  assert.equal(fail.json.result, 'fail');
  assert.equal(fail.json.explanation, '198.51.100.1 is not allowed for example.com');
  const helo = runJson(['spf', 'eval', '--ip', '192.0.2.1', '--mail-from', '', '--helo', 'slow.example.com', '--zone', zone]);
  assert.equal(helo.json.result, 'temperror');
  assert.equal(helo.json.sender, 'postmaster@slow.example.com');
  const text = run(['spf', 'eval', '--ip', '192.0.2.1', '--mail-from', 'a@example.com', '--zone', zone]);
  assert.match(text.stdout, /Result: +pass/);
  assert.match(text.stdout, /Matched term: +ip4:192\.0\.2\.0\/24 \(in _spf\.example\.com\)/);
});

test('spf audit: branch costs; exit 1 on error findings', () => {
  const r = runJson(['spf', 'audit', 'example.com', '--zone', zone]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.json.total_lookups, 1);
  assert.equal(r.json.tree.children[0].via, 'include:_spf.example.com');
  const none = runJson(['spf', 'audit', 'nothing.example.com', '--zone', zone]);
  assert.equal(none.code, 1);
  assert.equal(none.json.findings[0].code, 'spf.domain_nxdomain');
});

test('usage and input errors: exit 2 and 3 with one line on stderr', () => {
  const badIp = run(['spf', 'eval', '--ip', '1.2.3', '--mail-from', 'a@example.com', '--zone', zone]);
  assert.equal(badIp.code, 2);
  assert.match(badIp.stderr, /^maildiag: --ip: "1\.2\.3" is not an IPv4 or IPv6 address\n$/);
  const both = run(['spf', 'eval', '--ip', '1.2.3.4', '--mail-from', 'a@b.c', '--zone', zone, '--dns', '127.0.0.1']);
  assert.equal(both.code, 2);
  const missing = run(['spf', 'audit', 'example.com', '--zone', join(dir, 'missing.json')]);
  assert.equal(missing.code, 3);
  const malformed = zoneFile('bad.json', '{"example.com": [{"type": "MX", "preference": "ten"}]}');
  const r = run(['spf', 'audit', 'example.com', '--zone', malformed]);
  assert.equal(r.code, 3);
  assert.match(r.stderr, /"example\.com"\[0\]: "preference" must be a number/);
});
