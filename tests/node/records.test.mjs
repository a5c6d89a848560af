// The module with the input people give it: records pasted quoted and split, and text that is
// not valid UTF-8 or UTF-16.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadMaildiag } from './load.mjs';

const md = await loadMaildiag();
const ed25519 = '11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=';

test('spfCheck, dmarcCheck and dkimCheck accept quoted and split records, with a note', () => {
  const spf = md.spfCheck('"v=spf1 include:spf.protection.outlook.com -all"');
  assert.equal(spf.valid, true);
  assert.equal(spf.record, 'v=spf1 include:spf.protection.outlook.com -all');
  assert.equal(spf.findings[0].code, 'txt.quotes_removed');
  const dmarc = md.dmarcCheck('( "v=DMARC1; p=reject; "\n  "rua=mailto:dmarc@example.com" )');
  assert.equal(dmarc.valid, true);
  assert.equal(dmarc.findings[0].code, 'txt.quotes_removed');
  const dkim = md.dkimCheck(`"v=DKIM1; k=ed25519; p=${ed25519.slice(0, 20)}" "${ed25519.slice(20)}"`);
  assert.equal(dkim.valid, true);
  assert.equal(dkim.key_bits, 256);
  // Escapes as RFC 1035 writes them: \" and \DDD.
  assert.equal(md.dmarcCheck('"v=DMARC1\\059 p=none"').record, 'v=DMARC1; p=none');
  // A bare record has no such note.
  assert.ok(!md.spfCheck('v=spf1 -all').findings.some((f) => f.code === 'txt.quotes_removed'));
});

test('strings with lone surrogates and bytes that are not UTF-8 give a result, not an error', () => {
  assert.equal(md.explain('550 5.1.1 user unknown \uD800').status, '5.1.1');
  assert.equal(typeof md.spfCheck('v=spf1 a:\uDC00.example -all'), 'object');
  const bytes = new TextEncoder().encode('Subject: x\n\n<a@b.example>: 550 5.1.1 user unknown ');
  const r = md.ndr(new Uint8Array([...bytes, 0xff, 0xfe, 0x0a]));
  assert.equal(r.messages.length, 1);
});

test('the module and its package carry the project version', () => {
  const manifest = JSON.parse(readFileSync(join(process.env.MAILDIAG_WASM_PKG, 'package.json'), 'utf8'));
  assert.equal(md.version(), manifest.version);
  assert.match(md.version(), /^\d+\.\d+\.\d+$/);
});
