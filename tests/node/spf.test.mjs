import test from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { loadMaildiag } from './load.mjs';
import { startDnsServers, DOH_CORS, DOH_DIRECT } from '../dns/servers.mjs';

const md = await loadMaildiag();
const { dohResolver, buildQuery, parseResponse } =
  await import(pathToFileURL(join(process.env.MAILDIAG_WASM_PKG, 'doh.mjs')).href);

// A static zone in maildiag's DNS JSON, answered from JavaScript like any host would.
const zone = {
  'example.com': { TXT: [['v=spf1 include:_spf.example.com ', '-all exp=why.example.com']] },
  '_spf.example.com': { TXT: [['v=spf1 ip4:192.0.2.0/24 mx -all']], MX: [{ preference: 10, exchange: 'mx.example.com' }] },
  'mx.example.com': { A: ['198.51.100.25'] },
  'why.example.com': { TXT: [['%{i} may not send for %{d}']] },
};
let rounds = 0;
function resolve(questions) {
  ++rounds;
  return questions.map(({ name, type }) => {
    const node = zone[name];
    if (!node) return { name, type, kind: 'nxdomain' };
    const data = node[type] || [];
    if (!data.length) return { name, type, kind: 'nodata' };
    return { name, type, kind: 'records', records: data.map((d) => (type === 'MX' ? { type, ...d } : { type, data: d })) };
  });
}

test('spfCheck: terms with byte spans, findings with codes (RFC 7208 §4.6.1)', () => {
  const r = md.spfCheck('v=spf1 include:spf.protection.outlook.com ptr +all');
  assert.equal(r.valid, false);
  assert.equal(r.dns_lookups, 2);
  assert.deepEqual(r.terms.map((t) => t.span), [[7, 41], [42, 45], [46, 50]]);
  assert.match(r.terms[0].provider.name, /Microsoft 365/);
  assert.deepEqual(r.findings.map((f) => f.code), ['spf.ptr_deprecated', 'spf.pass_all']);
  assert.equal(md.spfCheck('v=spf1 a:%{q}.example.com -all').findings[0].code, 'spf.invalid_macro');
});

test('spfEvaluate: the JS loop answers pending questions until the result is final (RFC 7208 §5.4)', async () => {
  rounds = 0;
  const r = await md.spfEvaluate({ ip: '198.51.100.25', mailFrom: 'a@example.com' }, { resolve });
  assert.equal(r.result, 'pass');
  assert.deepEqual(r.matched_chain, ['include:_spf.example.com', 'mx']);
  assert.equal(r.dns_lookups, 2);
  assert.ok(rounds >= 3 && rounds <= 5, `rounds ${rounds}`);
  const fail = await md.spfEvaluate({ ip: '203.0.113.9', mailFrom: 'a@example.com' }, { resolve });
  assert.equal(fail.result, 'fail');
  assert.equal(fail.explanation, '203.0.113.9 may not send for example.com');
});

test('spfEvaluate: "what if" answers replace the published record', async () => {
  const answers = [{ name: 'example.com', type: 'TXT', kind: 'records',
                     records: [{ type: 'TXT', data: 'v=spf1 ip4:203.0.113.0/24 -all' }] }];
  const r = await md.spfEvaluate({ ip: '203.0.113.9', mailFrom: 'a@example.com' }, { resolve, answers });
  assert.equal(r.result, 'pass');
});

test('spfAudit: branch costs and pending questions resolved from JS', async () => {
  const r = await md.spfAudit('example.com', { resolve });
  assert.equal(r.total_lookups, 2);
  assert.equal(r.tree.children[0].via, 'include:_spf.example.com');
  assert.equal(r.tree.children[0].branch_lookups, 1);
});

test('calls that need DNS without a resolver fail clearly', async () => {
  await assert.rejects(md.spfEvaluate({ ip: '192.0.2.1', mailFrom: 'a@example.com' }), /needs DNS/);
});

test('doh: RFC 8484 query bytes and hostile answers', () => {
  assert.deepEqual(Array.from(buildQuery('example.test', 'TXT')),
                   [0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 7, 101, 120, 97, 109, 112, 108, 101, 4, 116, 101, 115, 116, 0, 0, 16, 0, 1]);
  assert.equal(parseResponse(new Uint8Array([0, 0, 0x81, 0x83, 0, 0, 0, 0, 0, 0, 0, 0]), 'x.test', 'A').kind, 'nxdomain');
  assert.equal(parseResponse(new Uint8Array([1, 2, 3]), 'x.test', 'A').kind, 'error');
  // A compression pointer to itself must not loop.
  const loop = new Uint8Array([0, 0, 0x81, 0x80, 0, 0, 0, 1, 0, 0, 0, 0, 0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 0, 0, 4, 1, 2, 3, 4]);
  assert.equal(parseResponse(loop, 'x.test', 'A').kind, 'error');
});

test('doh: evaluation against dnsdist DoH on loopback (POST via the CORS front, GET direct, time-out)', async (t) => {
  const servers = await startDnsServers();
  t.after(() => servers.stop());
  const post = dohResolver({ endpoint: DOH_CORS });
  const r = await md.spfEvaluate({ ip: '198.51.100.5', mailFrom: 'x@example.test' }, { resolve: post });
  assert.equal(r.result, 'pass');
  assert.equal(r.matched_term, 'ip4:198.51.100.0/24');
  const get = dohResolver({ endpoint: DOH_DIRECT, method: 'GET' });
  const big = await md.spfEvaluate({ ip: '203.0.113.60', mailFrom: 'x@big.example.test' }, { resolve: get });
  assert.equal(big.result, 'pass');
  const multi = await get([{ name: 'multi.example.test', type: 'TXT' }]);
  assert.deepEqual(multi[0].records[0].data, ['first part ', 'second part', 'third']);
  const tmo = await md.spfEvaluate({ ip: '192.0.2.10', mailFrom: 'x@tmo.example.test' },
                                    { resolve: dohResolver({ endpoint: DOH_CORS, timeoutMs: 8000 }) });
  assert.equal(tmo.result, 'temperror');
});

test('spfEvaluate: %{t} in an explanation is the timestamp given, or now (RFC 7208 §7.2, §6.2)', async () => {
  const answers = [
    { name: 'example.com', type: 'TXT', kind: 'records',
      records: [{ type: 'TXT', data: 'v=spf1 -all exp=why.example.com' }] },
    { name: 'why.example.com', type: 'TXT', kind: 'records',
      records: [{ type: 'TXT', data: 'refused at %{t}' }] },
  ];
  const fixed = await md.spfEvaluate({ ip: '192.0.2.1', mailFrom: 'a@example.com', timestamp: 1700000000 },
                                     { answers, resolve: () => [] });
  assert.equal(fixed.result, 'fail');
  assert.match(fixed.explanation, /refused at 1700000000/);
  const now = await md.spfEvaluate({ ip: '192.0.2.1', mailFrom: 'a@example.com' }, { answers, resolve: () => [] });
  const t = Number(now.explanation.match(/refused at (\d+)/)[1]);
  assert.ok(Math.abs(t - Date.now() / 1000) < 120, now.explanation);
});
