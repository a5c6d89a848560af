import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadMaildiag } from './load.mjs';

const md = await loadMaildiag();

// A static zone answering in the JSON form the module reads (the same role as --zone FILE).
const zone = {
  'example.com': { A: ['192.0.2.1'], MX: [{ preference: 10, exchange: 'mx.example.com' }] },
  'mx.example.com': { A: ['192.0.2.2'] },
  '_dmarc.example.com': { TXT: [['v=DMARC1; p=reject; sp=quarantine; rua=mailto:d@example.com,mailto:r@reports.example']] },
  'mail.example.com': { A: ['192.0.2.3'] },
};
const asked = [];
function resolve(questions) {
  return questions.map(({ name, type }) => {
    asked.push(`${name}/${type}`);
    const node = zone[name];
    if (!node) return { name, type, kind: 'nxdomain' };
    const data = node[type] || [];
    if (data.length === 0) return { name, type, kind: 'nodata' };
    const records = data.map((d) => (type === 'MX' ? { type, ...d } : { type, data: d }));
    return { name, type, kind: 'records', records };
  });
}

test('dmarcCheck: tags with byte spans and findings (RFC 9989 §4.7)', () => {
  const r = md.dmarcCheck('v=DMARC1; p=none; pct=50');
  assert.equal(r.is_dmarc, true);
  assert.equal(r.p, 'none');
  assert.deepEqual(r.tags[1].span, [10, 16]);
  const codes = r.findings.map((f) => f.code);
  assert.ok(codes.includes('dmarc.monitoring_only'));
  assert.ok(codes.includes('dmarc.removed_tag'));
  assert.ok(codes.includes('dmarc.no_rua'));
});

test('dkimCheck: revoked key (RFC 6376 §3.6.1)', () => {
  const k = md.dkimCheck('v=DKIM1; p=');
  assert.equal(k.valid, false);
  assert.equal(k.revoked, true);
  assert.equal(k.findings[0].code, 'dkim.revoked');
});

test('dmarcEvaluate drives DNS through resolve() and aligns relaxed DKIM (RFC 9989 §4.4)', async () => {
  asked.length = 0;
  const v = await md.dmarcEvaluate({ from: 'mail.example.com', spf: 'other.net:pass', dkim: ['example.com:pass'] },
                                   { resolve });
  assert.equal(v.result, 'pass');
  assert.equal(v.policy, 'none');
  assert.equal(v.policy_domain, 'example.com');
  assert.equal(v.dkim_aligned, true);
  assert.equal(v.spf_aligned, false);
  assert.ok(asked.includes('_dmarc.mail.example.com/TXT'));
  assert.ok(asked.length <= 12);
});

test('dmarcAudit reports unauthorized external report destinations (RFC 7489 §7.1)', async () => {
  const a = await md.dmarcAudit('example.com', { resolve });
  const dest = a.report_destinations.find((d) => d.domain === 'reports.example');
  assert.equal(dest.status, 'not_authorized');
  assert.ok(a.findings.some((f) => f.code === 'dmarc.report_not_authorized'));
});

test('domainAudit orders findings by severity and says what to publish', async () => {
  const a = await md.domainAudit('example.com', { resolve });
  assert.equal(a.findings[0].severity, 'error');
  const spf = a.findings.find((f) => f.code === 'spf.no_record');
  assert.deepEqual(spf.publish, { name: 'example.com', type: 'TXT', value: 'v=spf1 mx -all' });
});

test('DNS-based calls without resolve() fail clearly', async () => {
  await assert.rejects(md.dmarcAudit('example.com'), /needs DNS/);
});

// RFC 9989: the examples the CLI tests also read, so both faces give the same JSON.
const examples = JSON.parse(readFileSync(new URL('../dmarc/receiver_examples.json', import.meta.url), 'utf8'));

// Answers from a zone in the --zone JSON form: {name: [{type, data}]}.
function zoneResolver(records) {
  return (questions) => questions.map(({ name, type }) => {
    const node = records[name];
    if (!node) return { name, type, kind: 'nxdomain' };
    const data = node.filter((r) => r.type === type).map((r) => ({ type, data: r.data }));
    return { name, type, kind: data.length ? 'records' : 'nodata', records: data };
  });
}

test('dmarcCheck: in_effect, the effective policy and the in-effect line (RFC 9989 §4.7, §4.10.1)', () => {
  for (const ex of examples.check) {
    const r = md.dmarcCheck(ex.record);
    assert.equal(r.in_effect, ex.in_effect, ex.record);
    assert.equal(r.summary, ex.summary, ex.record);
    assert.equal(r.lost, ex.lost ?? null, ex.record);
    if (ex.effective === null) assert.equal(r.effective, null, ex.record);
    for (const [key, value] of Object.entries(ex.effective ?? {}))
      assert.deepEqual(r.effective[key], value, `${ex.record}: ${key}`);
    for (const code of ex.codes) assert.ok(r.findings.some((f) => f.code === code), `${ex.record}: ${code}`);
  }
});

test('dmarcEvaluate: multiple records, temperror, np on NXDOMAIN only, unusable records', async () => {
  const resolve = zoneResolver(examples.zone);
  for (const ex of examples.eval) {
    const v = await md.dmarcEvaluate({ from: ex.from, spf: ex.spf, dkim: ex.dkim ?? [] }, { resolve });
    assert.equal(v.result, ex.result, ex.about);
    assert.equal(v.policy, ex.policy, ex.about);
    if ('policy_domain' in ex) assert.equal(v.policy_domain, ex.policy_domain, ex.about);
    if ('from_domain_exists' in ex) assert.equal(v.from_domain_exists, ex.from_domain_exists, ex.about);
    for (const code of ex.findings ?? []) assert.ok(v.findings.some((f) => f.code === code), `${ex.about}: ${code}`);
    if (ex.result === 'temperror') assert.match(v.summary, /will retry/);
  }
});
