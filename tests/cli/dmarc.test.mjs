import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, runJson, sourceDir } from './cli.mjs';

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

// RFC 9989: what receivers apply, from the examples shared with the WebAssembly tests.
const examples = JSON.parse(readFileSync(join(sourceDir, 'tests/dmarc/receiver_examples.json'), 'utf8'));
const exampleZone = join(dir, 'receivers.json');
writeFileSync(exampleZone, JSON.stringify(examples.zone));

test('dmarc check: in_effect and the effective policy lead, the exit status stays lint-based', () => {
  for (const ex of examples.check) {
    const r = runJson(['dmarc', 'check', ex.record]);
    assert.equal(r.code, 1, ex.record); // every example has an error-level finding
    assert.equal(r.json.in_effect, ex.in_effect, ex.record);
    assert.equal(r.json.summary, ex.summary, ex.record);
    assert.equal(r.json.lost, ex.lost ?? null, ex.record);
    if (ex.effective === null) assert.equal(r.json.effective, null, ex.record);
    for (const [key, value] of Object.entries(ex.effective ?? {}))
      assert.deepEqual(r.json.effective[key], value, `${ex.record}: ${key}`);
    for (const code of ex.codes) assert.ok(r.json.findings.some((f) => f.code === code), `${ex.record}: ${code}`);
    const text = run(['dmarc', 'check', ex.record]);
    assert.equal(text.stdout.split('\n')[0], ex.summary, ex.record);
  }
});

test('dmarc check --domain names the domain in the in-effect line; ignored parts say so', () => {
  const r = run(['dmarc', 'check', '--domain', 'contoso.example',
                 'v=DMARC1; p=reject; sp=invalid; rua=mailto:d@contoso.example']);
  assert.equal(r.stdout.split('\n')[0],
               'In effect: receivers apply p=none to contoso.example (your p=reject is lost: sp=invalid is not a valid policy).');
  assert.match(r.stdout, /receivers discard the record's policies and apply p=none to all mail: your p=reject is lost/i);
  const ignored = run(['dmarc', 'check', 'v=DMARC1;p=none;fo:0;rua=mailto:d@example.com']);
  assert.match(ignored.stdout, /"fo:0" is not a tag=value pair; receivers ignore this part/);
});

test('dmarc eval follows RFC 9989: multiple records, temperror, np on NXDOMAIN only, unusable records', () => {
  for (const ex of examples.eval) {
    const args = ['dmarc', 'eval', '--from', ex.from, '--zone', exampleZone];
    if (ex.spf) args.push('--spf', ex.spf);
    for (const d of ex.dkim ?? []) args.push('--dkim', d);
    const r = runJson(args);
    assert.equal(r.code, 0, `${ex.about}: ${r.stderr}`);
    assert.equal(r.json.result, ex.result, ex.about);
    assert.equal(r.json.policy, ex.policy, ex.about);
    if ('policy_domain' in ex) assert.equal(r.json.policy_domain, ex.policy_domain, ex.about);
    if ('from_domain_exists' in ex) assert.equal(r.json.from_domain_exists, ex.from_domain_exists, ex.about);
    for (const code of ex.findings ?? []) assert.ok(r.json.findings.some((f) => f.code === code), `${ex.about}: ${code}`);
  }
});

test('dmarc eval: the summary lines and the steps say the same about alignment', () => {
  const r = run(['dmarc', 'eval', '--from', 'example.com', '--spf', 'other.org:pass',
                 '--dkim', 'example.com:fail', '--zone', zone]);
  assert.match(r.stdout, /^DKIM: +example\.com fail, aligned: does not count$/m);
  assert.match(r.stdout, /DKIM \(d=example\.com\) gave fail; it is the From domain itself, so it is aligned\. It does not count/);
  assert.match(r.stdout, /^SPF: +other\.org pass, not aligned: does not count$/m);
});
