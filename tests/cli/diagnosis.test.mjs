// The diagnosis examples (tests/fixtures/diagnosis-examples.tsv) through the command line: the
// entry, reason, class and retry advice, the evidence, and the same entry when the line is
// pasted into `maildiag ndr`. Then the inputs that are not bounces.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, runJson, sourceDir } from './cli.mjs';

const examples = readFileSync(join(sourceDir, 'tests/fixtures/diagnosis-examples.tsv'), 'utf8')
  .split('\n').filter((l) => l && !l.startsWith('#'))
  .map((l) => { const [text, entry, reason, permanent] = l.split('\t'); return { text, entry, reason, permanent: permanent === '1' }; });

for (const ex of examples) {
  test(`explain: ${ex.text}`, () => {
    const r = runJson(['explain', ex.text]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.json.entry.id, ex.entry);
    assert.equal(r.json.entry.reason, ex.reason);
    assert.equal(r.json.reason, ex.reason);
    assert.equal(r.json.permanent, ex.permanent);
    assert.equal(r.json.entry.permanent, ex.permanent);
    assert.equal(r.json.class, ex.permanent ? 'permanent' : 'transient');
    assert.match(r.json.retry, ex.permanent ? /^Permanent failure/ : /^Temporary failure/);
    assert.ok(['high', 'medium', 'low'].includes(r.json.confidence));
    assert.equal(typeof r.json.reply_code, 'number');
    assert.ok(r.json.evidence.length > 0);
    for (const item of r.json.evidence) {
      assert.equal(typeof item.kind, 'string');
      assert.equal(typeof item.text, 'string');
      if (item.span) assert.ok(item.span[0] < item.span[1] && item.span[1] <= Buffer.byteLength(ex.text));
    }

    const pasted = runJson(['ndr', '-'], { input: ex.text + '\n' });
    assert.equal(pasted.code, 0, pasted.stderr);
    const [rc] = pasted.json.messages[0].recipients;
    assert.equal(rc.diagnosis.id, ex.entry);
    assert.equal(rc.reason, ex.reason);
    assert.equal(rc.diagnosis.reason, ex.reason);
    assert.equal(typeof rc.reply_code, 'number');

    const text = run(['explain', ex.text]);
    assert.match(text.stdout, new RegExp(`Reason: +${ex.reason}`));
    assert.match(text.stdout, /Why this entry:/);
    assert.doesNotMatch(text.stdout, ex.permanent ? /keeps retrying/ : /does not retry/);
  });
}

test('a message too large is never diagnosed as an unknown user', () => {
  const r = runJson(['explain', examples[0].text]);
  assert.notEqual(r.json.reason, 'userunknown');
  assert.ok(!/mailing list/i.test(r.json.entry.fixes.join(' ')));
});

test('ndr: no private pseudo-codes; the inferred status is registered and marked', () => {
  const bounce = 'From: MAILER-DAEMON@mx.example.org\nSubject: failure notice\n\n<gone@example.net>:\nSorry, no mailbox here by that name.\n';
  const r = runJson(['ndr', '-'], { input: bounce });
  const [rc] = r.json.messages[0].recipients;
  assert.equal(rc.status, null);
  assert.equal(rc.status_inferred, '5.1.1');
  assert.doesNotMatch(JSON.stringify(r.json), /\b[45]\.0\.9\d\d\b/);
  const text = run(['ndr', '-'], { input: bounce });
  assert.match(text.stdout, /5\.1\.1 \(inferred\)/);
});

test('ndr: documents, binaries and ordinary mail are not bounces', () => {
  const dir = mkdtempSync(join(tmpdir(), 'maildiag-'));
  const files = {
    readme: readFileSync(join(sourceDir, 'README.md')),
    binary: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0x35, 0x35, 0x30, 0x20]),
    ordinary: 'From: a@example.org\nTo: b@example.net\nSubject: lunch?\n\nNoon at the usual place.\n',
    blankfirst: '\nFrom: a@example.org\nTo: b@example.net\nSubject: lunch?\n\nNoon at the usual place.\n',
  };
  for (const [name, body] of Object.entries(files)) {
    const path = join(dir, name);
    writeFileSync(path, body);
    const r = runJson(['ndr', path]);
    assert.equal(r.code, 0, `${name}: ${r.stderr}`);
    const [m] = r.json.messages;
    assert.equal(m.kind, 'not-a-report', name);
    assert.equal(m.recipients.length, 0, name);
  }
});

test('ndr: an empty file and empty standard input say so and exit 3', () => {
  const dir = mkdtempSync(join(tmpdir(), 'maildiag-'));
  const empty = join(dir, 'empty.eml');
  writeFileSync(empty, '');
  const file = run(['ndr', empty]);
  assert.equal(file.code, 3);
  assert.match(file.stderr, /empty/);
  const stdin = run(['ndr', '-'], { input: '' });
  assert.equal(stdin.code, 3);
  assert.match(stdin.stderr, /standard input is empty/);
});
