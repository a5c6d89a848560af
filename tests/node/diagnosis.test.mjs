// The diagnosis examples (tests/fixtures/diagnosis-examples.tsv) through the WebAssembly module:
// the same entry, reason, class and retry advice as the native faces, from explain() and ndr().
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMaildiag } from './load.mjs';

const md = await loadMaildiag();
const fixture = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/diagnosis-examples.tsv');
const examples = readFileSync(fixture, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'))
  .map((l) => { const [text, entry, reason, permanent] = l.split('\t'); return { text, entry, reason, permanent: permanent === '1' }; });

for (const ex of examples) {
  test(`explain and ndr in WebAssembly: ${ex.text}`, () => {
    const e = md.explain(ex.text);
    assert.equal(e.entry.id, ex.entry);
    assert.equal(e.reason, ex.reason);
    assert.equal(e.entry.reason, ex.reason);
    assert.equal(e.permanent, ex.permanent);
    assert.match(e.retry, ex.permanent ? /^Permanent failure/ : /^Temporary failure/);
    assert.ok(['high', 'medium', 'low'].includes(e.confidence));
    assert.ok(e.evidence.length > 0);
    const { messages } = md.ndr(ex.text);
    const [rc] = messages[0].recipients;
    assert.equal(rc.diagnosis.id, ex.entry);
    assert.equal(rc.reason, ex.reason);
  });
}

test('ndr in WebAssembly: README-like text is not a bounce', () => {
  const { messages } = md.ndr('# maildiag\n\n```sh\nprintf "550 5.1.1 <a@example.net>: User unknown"\n```\n');
  assert.equal(messages[0].kind, 'not-a-report');
  assert.equal(messages[0].recipients.length, 0);
});
