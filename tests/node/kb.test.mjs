import test from 'node:test';
import assert from 'node:assert/strict';
import { loadMaildiag } from './load.mjs';

const md = await loadMaildiag();

const S3150 = "550 5.7.1 Unfortunately, messages from [203.0.113.9] weren't sent. Please contact your " +
  'Internet service provider since part of their network is on our block list (S3150)';

test('explain gives the knowledge-base diagnosis, the same as the CLI', () => {
  const e = md.explain(S3150);
  assert.equal(e.provider, 'outlook-com');
  assert.equal(e.provider_source, 'text');
  assert.equal(e.entry.id, 'outlook.s3150-block-list');
  assert.equal(e.entry.category, 'reputation');
  assert.equal(e.entry.permanent, true);
  assert.equal(e.match.specificity, 'provider_text');
  assert.ok(e.entry.fixes.some((f) => f.includes('olcsupport.office.com')));
  const token = e.text_matches.find((m) => m.kind === 'token');
  assert.equal(token.text, 'S3150');
  assert.equal(S3150.slice(token.span[0], token.span[1]), 'S3150');
});

test('a provider hint changes the meaning of the same code (5.2.2)', () => {
  assert.equal(md.explain('5.2.2 submission quota exceeded', { provider: 'microsoft' }).entry.category, 'sending-limit');
  assert.equal(md.explain('550 5.2.2 rejected').entry.category, 'mailbox-capacity');
  assert.throws(() => md.explain('550 5.2.2', { provider: 'no-such-provider' }), /unknown provider/);
});

test('kbEntries lists every entry and provider with the public fields', () => {
  const kb = md.kbEntries();
  assert.ok(kb.entries.length > 200);
  assert.ok(kb.providers.some((p) => p.id === 'google'));
  const ids = new Set(kb.entries.map((e) => e.id));
  assert.equal(ids.size, kb.entries.length);
  const entry = kb.entries.find((e) => e.id === 'ms.5.7.606-banned-ip');
  assert.deepEqual(entry.codes, ['5.7.606-649']);
  for (const key of ['id', 'provider', 'title', 'category', 'permanent', 'who_acts', 'meaning', 'causes', 'fixes', 'retry', 'references'])
    assert.ok(key in entry, key);
});
