// The samples scripts/demo runs the CLI on: they must keep decoding as the demo shows them.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runJson, sourceDir } from './cli.mjs';

test('samples/bounce-exchange-online.eml: one hard bounce, recipient not found', () => {
  const r = runJson(['ndr', join(sourceDir, 'samples', 'bounce-exchange-online.eml')]);
  assert.equal(r.code, 0, r.stderr);
  const [message] = r.json.messages;
  assert.equal(message.kind, 'bounce');
  assert.equal(message.recipients.length, 1);
  const [rcpt] = message.recipients;
  assert.equal(rcpt.address, 'gone.user@contoso.example');
  assert.equal(rcpt.status, '5.1.10');
  assert.equal(rcpt.reason, 'userunknown');
  assert.equal(rcpt.hard_bounce, true);
});

test('samples/status-lines.txt: every line carries a code the knowledge base explains', () => {
  const lines = readFileSync(join(sourceDir, 'samples', 'status-lines.txt'), 'utf8')
    .split('\n').filter((l) => l && !l.startsWith('#'));
  assert.ok(lines.length >= 4);
  for (const line of lines) {
    const r = runJson(['explain', line]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.json.found, true, line);
    assert.ok(r.json.entry, line);
    assert.notEqual(r.json.match.specificity, 'class_fallback', line);
  }
});
