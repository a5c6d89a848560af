// DMARC, DKIM and the domain audit through the native c-ares host against NSD on loopback
// (started by the dns_servers fixture), with the records of tests/dns/zones/example.test.zone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const cli = process.env.MAILDIAG_CLI;
const NSD = '127.0.0.1:5300';

function run(args) {
  const r = spawnSync(cli, [...args, '--dns', NSD, '--json'], { encoding: 'utf8' });
  assert.ok(r.stdout, `no output (exit ${r.status}): ${r.stderr}`);
  return { code: r.status, json: JSON.parse(r.stdout) };
}

test('RFC 9989 §4.10.1: the tree walk finds the parent record for an existing subdomain (sp)', () => {
  const { json } = run(['dmarc', 'eval', '--from', 'sub.example.test', '--spf', 'example.test:pass']);
  assert.equal(json.result, 'pass');
  assert.equal(json.policy_domain, 'example.test');
  assert.equal(json.spf_aligned, true);
  assert.equal(json.dkim_aligned, false);
  assert.equal(json.published_policy, 'reject');
});

test('RFC 9989 §4.7: a non-existent subdomain gets np; unaligned identifiers fail', () => {
  const { json } = run(['dmarc', 'eval', '--from', 'nothere.example.test',
                        '--spf', 'other.invalid:pass', '--dkim', 'example.test:fail']);
  assert.equal(json.result, 'fail');
  assert.equal(json.policy, 'reject');
  assert.equal(json.from_domain_exists, false);
});

test('RFC 7489 §3.1.1: relaxed DKIM alignment on the organizational domain passes', () => {
  const { json } = run(['dmarc', 'eval', '--from', 'example.test', '--dkim', 'mail.example.test:pass']);
  assert.equal(json.result, 'pass');
  assert.equal(json.policy, 'none');
  assert.equal(json.dkim_aligned, true);
});

test('RFC 9989 §4.10.1: two DMARC records at one name are discarded; the parent record applies', () => {
  const { json } = run(['dmarc', 'eval', '--from', 'two.example.test']);
  assert.equal(json.result, 'fail');
  assert.equal(json.policy_domain, 'example.test');
  assert.equal(json.policy, 'reject'); // sp=reject of example.test, not either record at two.
  assert.equal(json.discovery.psl.status, 'multiple_records'); // RFC 7489 receivers stop there
  const audit = run(['dmarc', 'audit', 'two.example.test']);
  assert.equal(audit.code, 1);
  assert.ok(audit.json.findings.some((f) => f.code === 'dmarc.multiple_records'));
});

test('dmarc audit: the subdomain record applies and pct is flagged as removed by RFC 9989', () => {
  const { json } = run(['dmarc', 'audit', 'own.example.test']);
  assert.equal(json.policy_domain, 'own.example.test');
  assert.equal(json.discovery.methods_disagree, false);
  assert.ok(json.record.findings.some((f) => f.code === 'dmarc.removed_tag'));
  assert.ok(json.record.findings.some((f) => f.code === 'dmarc.no_rua'));
});

test('RFC 6376 §3.6.2.1: dkim audit follows the selector CNAME; RFC 8301 §3.2 weak key fails', () => {
  const { code, json } = run(['dkim', 'audit', 'example.test', '--selector', 'selector1,s2048', '--selector', 'weak', '--selector', 'missing']);
  assert.equal(code, 1);
  const by = Object.fromEntries(json.selectors.map((s) => [s.selector, s]));
  assert.equal(by.selector1.status, 'found');
  assert.equal(by.selector1.cname_target, 'selector1-example-test._domainkey.keys.example.test');
  assert.equal(by.selector1.record.key_bits, 2048);
  assert.equal(by.s2048.record.key_bits, 2048);
  assert.equal(by.weak.record.key_bits, 512);
  assert.ok(by.weak.record.findings.some((f) => f.code === 'dkim.rsa_key_too_short'));
  assert.equal(by.missing.status, 'not_found');
  assert.ok(by.missing.findings.some((f) => f.code === 'dkim.selector_not_found'));
});

test('domain audit over real DNS: MX, SPF, DMARC, DKIM, MTA-STS, TLS-RPT', () => {
  const { json } = run(['domain', 'example.test', '--selector', 's2048']);
  assert.equal(json.mx.status, 'ok');
  assert.deepEqual(json.mx.hosts.map((h) => h.status), ['resolves', 'resolves']);
  assert.equal(json.spf.records.length, 1);
  assert.equal(json.dmarc.policy_domain, 'example.test');
  assert.equal(json.mta_sts.record, 'v=STSv1; id=20240101');
  assert.equal(json.tls_rpt.record, 'v=TLSRPTv1; rua=mailto:tls@example.test');
  const severities = json.findings.map((f) => f.severity);
  const rank = { error: 0, warning: 1, info: 2 };
  assert.deepEqual([...severities].sort((a, b) => rank[a] - rank[b]), severities);
});

test('domain audit of a name that does not exist', () => {
  const { code, json } = run(['domain', 'nothing.example.test']);
  assert.equal(code, 1);
  assert.ok(json.findings.some((f) => f.code === 'domain.nxdomain'));
});
