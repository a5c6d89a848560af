// The native c-ares host against real servers on loopback (started by the dns_servers fixture):
// NSD on 5300 and dnsdist on 5353, whose time-out hook never answers *.timeout.example.test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const cli = process.env.MAILDIAG_CLI;
const NSD = '127.0.0.1:5300';

function spf(args) {
  const r = spawnSync(cli, ['spf', ...args, '--json'], { encoding: 'utf8' });
  assert.ok(r.stdout, `no output (exit ${r.status}): ${r.stderr}`);
  return { code: r.status, json: JSON.parse(r.stdout), stderr: r.stderr };
}

const evaluate = (ip, from, server = NSD, extra = []) =>
  spf(['eval', '--ip', ip, '--mail-from', from, '--dns', server, ...extra]).json;

test('RFC 7208 §5.6: ip4 in the record of the domain itself passes', () => {
  const r = evaluate('192.0.2.10', 'x@example.test');
  assert.equal(r.result, 'pass');
  assert.equal(r.matched_term, 'ip4:192.0.2.0/24');
  assert.equal(r.dns_lookups, 0);
});

test('RFC 7208 §5.2: an include chain is followed and counted', () => {
  const r = evaluate('198.51.100.5', 'x@example.test');
  assert.equal(r.result, 'pass');
  assert.deepEqual(r.matched_chain, ['include:_spf1.example.test', 'include:_spf2.example.test', 'ip4:198.51.100.0/24']);
  assert.equal(r.dns_lookups, 2);
  assert.deepEqual(r.trace.map((t) => t.name), ['example.test', '_spf1.example.test', '_spf2.example.test']);
});

test('RFC 7208 §5.6: IPv6 through the same chain, over the IPv6 listener', () => {
  const r = evaluate('2001:db8:1::7', 'x@example.test', '[::1]:5300');
  assert.equal(r.result, 'pass');
  assert.equal(r.matched_term, 'ip6:2001:db8:1::/48');
});

test('RFC 7208 §6.2: fail carries the exp= explanation', () => {
  const r = evaluate('192.0.2.11', 'x@alias.example.test');
  assert.equal(r.result, 'fail');
  assert.equal(r.explanation, "192.0.2.11 is not one of alias.example.test's servers");
});

test('RFC 7208 §5.3: a: follows the CNAME www.example.test', () => {
  assert.equal(evaluate('192.0.2.10', 'x@alias.example.test').result, 'pass');
});

test('RFC 7208 §5.4: mx: looks up the exchanges (A for IPv4, AAAA for IPv6)', () => {
  assert.equal(evaluate('192.0.2.25', 'x@mxonly.example.test').result, 'pass');
  assert.equal(evaluate('2001:db8::25', 'x@mxonly.example.test').result, 'pass');
  assert.equal(evaluate('192.0.2.26', 'x@mxonly.example.test').result, 'fail');
});

test('RFC 7208 §5.5: ptr: validates the reverse name forward', () => {
  assert.equal(evaluate('192.0.2.10', 'x@ptr.example.test').result, 'pass');
  assert.equal(evaluate('192.0.2.99', 'x@ptr.example.test').result, 'fail');
});

test('a 1.6 KB multi-string record (truncated over UDP, retried over TCP) is joined', () => {
  const r = evaluate('203.0.113.60', 'x@big.example.test');
  assert.equal(r.result, 'pass');
  assert.equal(r.matched_term, 'ip4:203.0.113.60');
});

test('RFC 7208 §4.4: NXDOMAIN is none', () => {
  assert.equal(evaluate('192.0.2.10', 'x@nothing.example.test').result, 'none');
});

test('RFC 7208 §5.2: an include that times out is a temperror, within the time-out', () => {
  const started = Date.now();
  const r = evaluate('192.0.2.10', 'x@tmo.example.test', '127.0.0.1:5353', ['--timeout', '300', '--tries', '1']);
  assert.equal(r.result, 'temperror');
  assert.match(r.reason, /timeout/);
  assert.ok(Date.now() - started < 5000);
});

test('audit: a domain over the lookup limit names the include that passes it', () => {
  const r = spf(['audit', 'over.example.test', '--dns', NSD]);
  assert.equal(r.code, 1);
  assert.equal(r.json.total_lookups, 12);
  assert.equal(r.json.over_limit, true);
  assert.equal(r.json.over_limit_term, 'include:_spf1.example.test');
  assert.ok(r.json.findings.some((f) => f.code === 'spf.too_many_lookups'));
});

test('--dns rejects what is not HOST[:PORT] with exit 2', () => {
  const r = spawnSync(cli, ['spf', 'eval', '--ip', '192.0.2.1', '--mail-from', 'a@example.test', '--dns', 'not a server'],
                      { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /HOST\[:PORT\]/);
});

test('--what-if replaces the published record, the rest still comes from the server', () => {
  const r = evaluate('203.0.113.9', 'x@example.test', NSD, ['--what-if', 'v=spf1 ip4:203.0.113.0/24 include:_spf1.example.test -all']);
  assert.equal(r.result, 'pass');
  assert.equal(r.matched_term, 'ip4:203.0.113.0/24');
  const chain = evaluate('198.51.100.5', 'x@example.test', NSD, ['--what-if', 'v=spf1 include:_spf1.example.test -all']);
  assert.equal(chain.result, 'pass');
  assert.equal(chain.dns_lookups, 2);
});
