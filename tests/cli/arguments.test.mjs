// Arguments are checked, not guessed: domains, addresses and IPs are validated before anything is
// looked up (exit 2 with the reason), an address where a domain is expected gives its domain, a
// mistyped subcommand gets the nearest one, and unreadable inputs are exit 3.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, runJson } from './cli.mjs';

const dir = mkdtempSync(join(tmpdir(), 'maildiag-arguments-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const zone = join(dir, 'zone.json');
writeFileSync(zone, JSON.stringify({
  'contoso.example': [{ type: 'TXT', data: 'v=spf1 ip4:192.0.2.0/24 -all' },
                      { type: 'MX', preference: 10, exchange: 'mx.contoso.example' }],
  'mx.contoso.example': [{ type: 'A', data: '192.0.2.25' }],
  '_dmarc.contoso.example': [{ type: 'TXT', data: 'v=DMARC1; p=reject' }],
  's1._domainkey.contoso.example': [{ type: 'TXT', data: 'v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=' }],
}));

const usage = (r, pattern) => {
  assert.equal(r.code, 2, `exit ${r.code}: ${r.stderr}`);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, pattern);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
};

test('a domain that is not one is a usage error with the reason, at every subcommand', () => {
  usage(run(['spf', 'audit', 'not a domain', '--zone', zone]),
        /^maildiag: domain: "not a domain" is not a domain name: it contains a space/);
  usage(run(['dmarc', 'audit', '192.0.2.1', '--zone', zone]), /domain: "192\.0\.2\.1" is an IP address/);
  usage(run(['dkim', 'audit', 'localhost', '--zone', zone]), /domain: "localhost" is not a full domain name/);
  usage(run(['domain', '', '--zone', zone]), /domain: a domain is required/);
  usage(run(['dmarc', 'eval', '--from', 'not a domain', '--zone', zone]), /--from: "not a domain" is not a domain name/);
});

test('an address where a domain is expected: its domain is checked, and the CLI says so', () => {
  const spf = runJson(['spf', 'audit', 'alice@contoso.example', '--zone', zone]);
  assert.equal(spf.code, 0, spf.stderr);
  assert.equal(spf.json.domain, 'contoso.example');
  assert.equal(spf.json.tree.record, 'v=spf1 ip4:192.0.2.0/24 -all');
  assert.match(spf.stderr, /"alice@contoso\.example" is an email address: checking its domain, contoso\.example\./);

  const dmarc = runJson(['dmarc', 'eval', '--from', 'alice@contoso.example', '--zone', zone]);
  assert.equal(dmarc.json.policy_domain, 'contoso.example');
  assert.equal(dmarc.json.published_policy, 'reject');
  assert.match(dmarc.stderr, /checking its domain, contoso\.example/);
});

test('spf eval: IP and MAIL FROM are checked', () => {
  usage(run(['spf', 'eval', '--ip', 'not-an-ip', '--mail-from', 'a@contoso.example', '--zone', zone]),
        /--ip: "not-an-ip" is not an IPv4 or IPv6 address/);
  usage(run(['spf', 'eval', '--ip', '192.0.2.1', '--mail-from', 'contoso.example', '--zone', zone]),
        /--mail-from: "contoso\.example" is not an email address/);
  usage(run(['spf', 'eval', '--ip', '192.0.2.1', '--mail-from', '', '--helo', 'no such host', '--zone', zone]),
        /--helo: "no such host" is not a domain name/);
});

test('a mistyped subcommand gets the nearest one', () => {
  usage(run(['explian', '550']), /"explian" is not a subcommand of maildiag; did you mean "maildiag explain"\?/);
  usage(run(['spf', 'chek', 'x']), /"chek" is not a subcommand of maildiag spf; did you mean "maildiag spf check"\?/);
  usage(run(['dmarc', 'zzzzzz']), /the subcommands are check, eval, audit/);
  usage(run(['dkim']), /^maildiag: maildiag dkim needs a subcommand: check, audit/);
});

test('--selector takes one value per flag, so the domain after it stays the domain', () => {
  const r = runJson(['domain', '--selector', 's1', 'contoso.example', '--zone', zone]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.json.domain, 'contoso.example');
  assert.deepEqual(r.json.dkim.selectors.map((s) => s.selector), ['s1']);
  const many = runJson(['dkim', 'audit', '--selector', 's1,s2', '--selector', 's3', 'contoso.example', '--zone', zone]);
  assert.deepEqual(many.json.selectors.map((s) => s.selector), ['s1', 's2', 's3']);
});

test('--zone with a directory or an unreadable file is exit 3 with a plain message', () => {
  const asDir = run(['spf', 'audit', 'contoso.example', '--zone', dir]);
  assert.equal(asDir.code, 3);
  assert.match(asDir.stderr, /^maildiag: cannot read .+: it is a directory, not a file\n$/);
  assert.doesNotMatch(asDir.stderr, /internal error|basic_filebuf/);
  const missing = run(['domain', 'contoso.example', '--zone', join(dir, 'missing.json')]);
  assert.equal(missing.code, 3);
  assert.match(missing.stderr, /cannot read .+missing\.json: No such file or directory/);
});
