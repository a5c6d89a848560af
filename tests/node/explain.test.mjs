import test from 'node:test';
import assert from 'node:assert/strict';
import { loadMaildiag } from './load.mjs';

const md = await loadMaildiag();

test('version is major.minor.patch', () => {
  assert.match(md.version(), /^\d+\.\d+\.\d+$/);
});

test('explain finds reply code and enhanced status (RFC 3463)', () => {
  const e = md.explain('450 4.4.312 DNS query failed');
  assert.equal(e.reply_code, 450);
  assert.equal(e.status, '4.4.312');
  assert.equal(e.class, 'transient');
  assert.equal(e.subject, 'Network and routing status');
  assert.equal(e.permanent, false);
  assert.deepEqual(e.codes.map((c) => c.code), ['450', '4.4.312']);
});

test('explain on Exchange text and on text without codes', () => {
  const e = md.explain('#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##');
  assert.equal(e.status, '5.1.1');
  assert.equal(e.permanent, true);
  assert.equal(md.explain('hello').found, false);
});

test('hostile input neither traps nor throws', () => {
  const big = '5.'.repeat(1 << 20);
  assert.equal(md.explain(big).found, false);
  assert.equal(md.explain('\u0000\uffff\ud800').found, false);
  assert.equal(md.explain('').found, false);
});
