// The package checks what it is given and tells a dead resolver from a domain's faults: a domain,
// address or IP that is not one is an Error with the reason; an address gives its domain; when
// no question gets an answer the result is one dns.unreachable finding; NXDOMAIN for every name
// is said once.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadMaildiag } from './load.mjs';

const md = await loadMaildiag();

function answering(kind, error) {
  const resolver = (questions) => {
    resolver.rounds += 1;
    return questions.map(({ name, type }) => ({ name, type, kind, records: [], error }));
  };
  resolver.rounds = 0;
  return resolver;
}

test('checkDomain: the domain, the reason it is not one, or the note for an address', () => {
  assert.deepEqual(md.checkDomain('Contoso.Example.'), { domain: 'contoso.example', error: null, note: null });
  assert.deepEqual(md.checkDomain('alice@contoso.example'), {
    domain: 'contoso.example', error: null,
    note: '"alice@contoso.example" is an email address: checking its domain, contoso.example.' });
  assert.equal(md.checkDomain('').error, 'a domain is required, like example.com');
  assert.equal(md.checkDomain('not a domain').domain, null);
});

test('calls that take a domain, an address or an IP refuse what is not one', async () => {
  const resolve = answering('nodata');
  await assert.rejects(md.spfAudit('not a domain', { resolve }),
                       /^Error: maildiag: domain: "not a domain" is not a domain name: it contains a space$/);
  await assert.rejects(md.domainAudit('', { resolve }), /maildiag: domain: a domain is required/);
  await assert.rejects(md.dkimAudit('192.0.2.1', { resolve }), /is an IP address, not a domain name/);
  await assert.rejects(md.dmarcAudit('localhost', { resolve }), /not a full domain name/);
  await assert.rejects(md.spfEvaluate({ ip: 'not-an-ip', mailFrom: 'a@example.com' }, { resolve }),
                       /maildiag: ip: "not-an-ip" is not an IPv4 or IPv6 address/);
  await assert.rejects(md.spfEvaluate({ ip: '192.0.2.1', mailFrom: 'example.com' }, { resolve }),
                       /maildiag: mailFrom: "example\.com" is not an email address/);
  assert.equal(resolve.rounds, 0, 'nothing is looked up for a rejected argument');
});

test('an address where a domain is expected: its domain is checked', async () => {
  const resolve = answering('nodata');
  const a = await md.spfAudit('alice@contoso.example', { resolve });
  assert.equal(a.domain, 'contoso.example');
  const v = await md.dmarcEvaluate({ from: 'alice@contoso.example' }, { resolve });
  assert.equal(v.organizational_domain, 'contoso.example');
});

for (const kind of ['timeout', 'error']) {
  test(`a resolver whose every answer is "${kind}": one dns.unreachable finding, after one round`, async () => {
    const resolve = answering(kind, 'DoH request failed: Failed to fetch');
    const a = await md.domainAudit('microsoft.com', { resolve });
    assert.equal(resolve.rounds, 1);
    assert.deepEqual(a.findings.map((f) => f.code), ['dns.unreachable']);
    assert.equal(a.dns_outage.kind, kind);
    assert.match(a.findings[0].message, /^Could not reach DNS \(DoH request failed: Failed to fetch\): nothing was checked/);

    const dkim = await md.dkimAudit('microsoft.com', { resolve: answering(kind) });
    assert.deepEqual(dkim.findings.map((f) => f.code), ['dns.unreachable']);
    const spf = await md.spfAudit('microsoft.com', { resolve: answering(kind) });
    assert.deepEqual(spf.findings.map((f) => f.code), ['dns.unreachable']);
    const evaluation = await md.spfEvaluate({ ip: '192.0.2.1', mailFrom: 'a@microsoft.com' }, { resolve: answering(kind) });
    assert.equal(evaluation.result, 'temperror');
    assert.equal(evaluation.dns_outage.kind, kind);
  });
}

test('a resolver that answers NXDOMAIN for every name: the domain\'s absence is said once', async () => {
  const a = await md.domainAudit('microsoft.com', { resolve: answering('nxdomain') });
  assert.equal(a.dns_outage, null);
  assert.deepEqual(a.findings.map((f) => f.code), ['domain.nxdomain']);
  assert.match(a.findings[0].fix, /another DNS resolver/);
});
