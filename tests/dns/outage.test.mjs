// DNS that could not be asked is not a fault of the domain: the native c-ares host against
// resolvers that fail every question (tests/dns/servers): 5354 REFUSED, 5355 SERVFAIL, 5356
// NXDOMAIN, 5357 never answers, and a port where nothing listens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const cli = process.env.MAILDIAG_CLI;
const broken = {
  'nothing listening': '127.0.0.1:5399',
  'time-out': '127.0.0.1:5357',
  'REFUSED': '127.0.0.1:5354',
  'SERVFAIL': '127.0.0.1:5355',
};
const NXDOMAIN_FOR_ALL = '127.0.0.1:5356';
const fast = ['--timeout', '200', '--tries', '1'];

function run(args) {
  const r = spawnSync(cli, args, { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function runJson(args) {
  const r = run([...args, '--json']);
  assert.ok(r.stdout, `no output (exit ${r.status}): ${r.stderr}`);
  return { ...r, json: JSON.parse(r.stdout) };
}

for (const [how, server] of Object.entries(broken)) {
  test(`domain audit with a resolver that fails (${how}): one finding, exit 4`, () => {
    const text = run(['domain', 'microsoft.com', '--dns', server, ...fast]);
    assert.equal(text.code, 4, text.stderr);
    assert.match(text.stdout, /Could not reach DNS \(.+\): nothing was checked/);
    assert.doesNotMatch(text.stdout, /problem\(s\) to fix|warning\(s\)|name servers answer|DKIM key/);

    const { code, json } = runJson(['domain', 'microsoft.com', '--dns', server, ...fast]);
    assert.equal(code, 4);
    assert.deepEqual(json.findings.map((f) => f.code), ['dns.unreachable']);
    assert.equal(json.findings[0].area, 'dns');
    assert.ok(json.dns_outage.failed_questions > 0);
    assert.deepEqual(json.dkim.selectors, []);
  });
}

test('spf audit, spf eval and dkim audit with a dead resolver: exit 4, nothing derived', () => {
  const audit = run(['spf', 'audit', 'microsoft.com', '--dns', broken.SERVFAIL, ...fast]);
  assert.equal(audit.code, 4);
  assert.match(audit.stdout, /dns\.unreachable: Could not reach DNS/);
  assert.doesNotMatch(audit.stdout, /DNS lookups of 10|no SPF record/);

  const auditJson = runJson(['spf', 'audit', 'microsoft.com', '--dns', broken['time-out'], ...fast]);
  assert.equal(auditJson.code, 4);
  assert.equal(auditJson.json.dns_outage.kind, 'timeout');
  assert.deepEqual(auditJson.json.findings.map((f) => f.code), ['dns.unreachable']);

  const evaluation = runJson(['spf', 'eval', '--ip', '192.0.2.1', '--mail-from', 'a@microsoft.com',
                              '--dns', broken.REFUSED, ...fast]);
  assert.equal(evaluation.code, 4);
  assert.equal(evaluation.json.result, 'temperror');
  assert.equal(evaluation.json.dns_outage.kind, 'error');

  const dkim = runJson(['dkim', 'audit', 'microsoft.com', '--dns', broken['nothing listening'], ...fast]);
  assert.equal(dkim.code, 4);
  assert.deepEqual(dkim.json.findings.map((f) => f.code), ['dns.unreachable']);
  assert.ok(!JSON.stringify(dkim.json).includes('dkim.no_selector_found'));
});

test('dmarc eval and dmarc audit with a dead resolver: temperror, no policy, exit 4', () => {
  const evaluation = runJson(['dmarc', 'eval', '--from', 'microsoft.com', '--spf', 'microsoft.com:pass',
                              '--dns', broken.SERVFAIL, ...fast]);
  assert.equal(evaluation.code, 4);
  assert.equal(evaluation.json.result, 'temperror');
  assert.equal(evaluation.json.policy, 'none');
  assert.ok(evaluation.json.dns_outage.failed_questions > 0);
  assert.deepEqual(evaluation.json.findings.map((f) => f.code), ['dns.unreachable']);

  const audit = run(['dmarc', 'audit', 'microsoft.com', '--dns', broken['nothing listening'], ...fast]);
  assert.equal(audit.code, 4);
  assert.match(audit.stdout, /Could not reach DNS/);
  assert.doesNotMatch(audit.stdout, /No DMARC record|dmarc\.no_record/);
});

test('a resolver that answers NXDOMAIN for everything: said once, with the resolver as a suspect', () => {
  const { code, json } = runJson(['domain', 'microsoft.com', '--dns', NXDOMAIN_FOR_ALL, ...fast]);
  assert.equal(code, 1);
  assert.equal(json.dns_outage, null);
  assert.deepEqual(json.findings.map((f) => f.code), ['domain.nxdomain']);
  assert.match(json.findings[0].message, /resolver says microsoft\.com does not exist/);
  assert.match(json.findings[0].fix, /spelling.*another DNS resolver/);

  const text = run(['domain', 'microsoft.com', '--dns', NXDOMAIN_FOR_ALL, ...fast]);
  assert.equal(text.stdout.match(/does not exist/g).length, 1);

  const spf = runJson(['spf', 'audit', 'microsoft.com', '--dns', NXDOMAIN_FOR_ALL, ...fast]);
  assert.deepEqual(spf.json.findings.map((f) => f.code), ['spf.domain_nxdomain']);
  const dkim = runJson(['dkim', 'audit', 'microsoft.com', '--dns', NXDOMAIN_FOR_ALL, ...fast]);
  assert.deepEqual(dkim.json.findings.map((f) => f.code), ['dkim.domain_nxdomain']);
});

test('a working resolver is not mistaken for a dead one', () => {
  const { code, json } = runJson(['domain', 'example.test', '--dns', '127.0.0.1:5353', '--selector', 's2048']);
  assert.notEqual(code, 4);
  assert.equal(json.dns_outage, null);
  assert.ok(!json.findings.some((f) => f.code === 'dns.unreachable'));
});
