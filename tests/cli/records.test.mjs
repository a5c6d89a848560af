// Records given to `spf check`, `dmarc check` and `dkim check` the way people copy them: bare
// words with terms such as -all, or quoted and split into strings as DNS tools show TXT records.
import test from 'node:test';
import assert from 'node:assert/strict';
import { run, runJson } from './cli.mjs';

const ed25519 = '11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=';

test('spf check takes the remaining words as the record, -all included, in order', () => {
  const r = run(['spf', 'check', 'v=spf1', 'mx', '-all']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^v=spf1 mx -all\n/);
  const ordered = runJson(['spf', 'check', 'v=spf1', '-ip4:192.0.2.1', 'mx', '-all']);
  assert.equal(ordered.code, 0, ordered.stderr);
  assert.deepEqual(ordered.json.terms.map((t) => t.text), ['-ip4:192.0.2.1', 'mx', '-all']);
  const flagFirst = run(['spf', 'check', '--json', 'v=spf1', 'mx', '-all']);
  assert.equal(flagFirst.code, 0, flagFirst.stderr);
  assert.equal(JSON.parse(flagFirst.stdout).valid, true);
});

test('spf check without a record, or with a mistyped option, is a usage error', () => {
  const r = run(['spf', 'check']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /maildiag spf check v=spf1 mx -all/);
  const typo = run(['spf', 'check', 'v=spf1', 'mx', '-all', '--jsn']);
  assert.equal(typo.code, 2);
  assert.match(typo.stderr, /unknown option --jsn/);
});

test('spf check accepts the quoted record DNS tools show, and says the quotes were removed', () => {
  const r = runJson(['spf', 'check', '"v=spf1 include:spf.protection.outlook.com -all"']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.json.valid, true);
  assert.equal(r.json.findings[0].code, 'txt.quotes_removed');
  assert.equal(r.json.findings[0].severity, 'info');
  const text = run(['spf', 'check', '"v=spf1 include:spf.protection.outlook.com -all"']);
  assert.equal(text.code, 0);
  assert.match(text.stdout, /^v=spf1 include:spf\.protection\.outlook\.com -all\n/);
  assert.match(text.stdout, /quotes were removed/);
  assert.doesNotMatch(text.stdout, /must begin with v=spf1/);
});

test('dmarc check accepts a quoted record, also from standard input', () => {
  const r = runJson(['dmarc', 'check', '"v=DMARC1; p=reject; rua=mailto:dmarc@example.com"']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.json.findings[0].code, 'txt.quotes_removed');
  assert.ok(!r.json.findings.some((f) => f.severity === 'error'), JSON.stringify(r.json.findings));
  const piped = run(['dmarc', 'check', '-'], { input: '"v=DMARC1; p=quarantine"\n' });
  assert.equal(piped.code, 0, piped.stdout + piped.stderr);
  assert.doesNotMatch(piped.stdout, /not a valid tag name/);
});

test('dkim check joins a key split into quoted strings', () => {
  const split = `"v=DKIM1; k=ed25519; p=${ed25519.slice(0, 20)}" "${ed25519.slice(20)}"`;
  const r = runJson(['dkim', 'check', split]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.json.findings[0].code, 'txt.quotes_removed');
  assert.ok(!r.json.findings.some((f) => f.severity === 'error'), JSON.stringify(r.json.findings));
  const text = run(['dkim', 'check', split]);
  assert.doesNotMatch(text.stdout, /not valid base64/);
});
