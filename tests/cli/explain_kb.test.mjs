import test from 'node:test';
import assert from 'node:assert/strict';
import { run, runJson } from './cli.mjs';

const S3150 = "550 5.7.1 Unfortunately, messages from [203.0.113.9] weren't sent. Please contact your " +
  'Internet service provider since part of their network is on our block list (S3150)';

test('acceptance: S3150 names Outlook.com block list, reputation, permanent, delisting route', () => {
  const r = runJson(['explain', S3150, '--json']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.json.provider, 'outlook-com');
  assert.equal(r.json.entry.id, 'outlook.s3150-block-list');
  assert.match(r.json.entry.title, /Outlook\.com's block list/);
  assert.equal(r.json.entry.category, 'reputation');
  assert.equal(r.json.entry.permanent, true);
  assert.ok(r.json.entry.fixes.some((f) => /olcsupport\.office\.com/.test(f)), 'delisting route');
  assert.equal(r.json.match.specificity, 'provider_text');
  assert.ok(r.json.text_matches.some((m) => m.kind === 'token' && m.text === 'S3150'));

  const text = run(['explain', S3150]);
  assert.equal(text.code, 0);
  assert.match(text.stdout, /Outlook\.com's block list/);
  assert.match(text.stdout, /olcsupport\.office\.com/);
});

test('acceptance: --provider microsoft makes 5.2.2 the sending limit', () => {
  const r = runJson(['explain', '--provider', 'microsoft', '5.2.2 submission quota exceeded', '--json']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.json.status, '5.2.2');
  assert.equal(r.json.provider, 'microsoft');
  assert.equal(r.json.provider_source, 'hint');
  assert.equal(r.json.entry.id, 'ms.5.2.2-submission-quota');
  assert.equal(r.json.entry.category, 'sending-limit');
  for (const key of ['id', 'title', 'category', 'permanent', 'who_acts', 'meaning', 'causes', 'fixes', 'references'])
    assert.ok(key in r.json.entry, key);
  assert.ok(r.json.alternatives.some((a) => a.id === 'iana.x.2.2' && a.category === 'mailbox-capacity'));
});

test('explain --provider rejects unknown providers with exit 2 and one line', () => {
  const r = run(['explain', '--provider', 'nowhere', '550 5.1.1']);
  assert.equal(r.code, 2);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /unknown provider/);
  assert.equal(r.stdout, '');
});
