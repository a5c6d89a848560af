// Hostile input through the WebAssembly module: every fuzz corpus file (seeds and the crash
// reproducers kept from fuzzing) goes through the matching call. The module is built without
// exception support, so this checks that none of them aborts it, and that it still answers.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMaildiag } from './load.mjs';

const md = await loadMaildiag();
const corpusRoot = join(dirname(fileURLToPath(import.meta.url)), '../../fuzz/corpus');
const text = (bytes) => new TextDecoder('utf-8', { fatal: false }).decode(bytes);

const calls = {
  explain: (bytes) => md.explain(text(bytes)),
  spf: (bytes) => md.spfCheck(text(bytes)),
  dmarc: (bytes) => md.dmarcCheck(text(bytes)),
  dkim: (bytes) => md.dkimCheck(text(bytes)),
  mime: (bytes) => md.ndr(bytes),
  ndr: (bytes) => md.ndr(bytes),
  charset: (bytes) => md.ndr(bytes),
  // DNS answers as JavaScript hands them to the module (raw calls: the JSON text goes in as is).
  dns: (bytes) => {
    JSON.parse(md.module.spfAudit('example.com', text(bytes)));
    return JSON.parse(md.module.spfEvaluate('192.0.2.1', 'user@example.com', 'mail.example.com', text(bytes), 0));
  },
};

for (const area of readdirSync(corpusRoot)) {
  const call = calls[area];
  test(`fuzz corpus "${area}" runs through the module without aborting it`, () => {
    assert.ok(call, `no JavaScript call is mapped to fuzz/corpus/${area}: add one here`);
    const dir = join(corpusRoot, area);
    let count = 0;
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (!statSync(file).isFile()) continue;
      // An internal error (an abort of the module) is the JavaScript counterpart of the C API's
      // MAILDIAG_ERROR_INTERNAL: a crash, reported as such.
      let result;
      try {
        result = call(new Uint8Array(readFileSync(file)));
      } catch (err) {
        assert.fail(`${area}/${name}: ${/internal error/.test(err.message) ? 'crash: ' : ''}${err.message}`);
      }
      assert.equal(typeof result, 'object', `${area}/${name}`);
      ++count;
    }
    assert.ok(count > 0, `fuzz/corpus/${area} is empty`);
    assert.equal(md.explain('550 5.1.1').status, '5.1.1');
  });
}

test('oversized input is refused in JavaScript, and the module keeps working', () => {
  const huge = 'x'.repeat(64 * 1024 * 1024 + 1);
  assert.throws(() => md.ndr(huge), RangeError);
  assert.throws(() => md.explain(huge), RangeError);
  assert.equal(md.explain('450 4.4.312').class, 'transient');
});

test('large but allowed inputs are handled within the core limits', () => {
  const big = 'Subject: x\n\n' + '550 5.1.1 <a@b.example> user unknown\n'.repeat(200000);
  const r = md.ndr(big);
  assert.ok(Array.isArray(r.messages));
});
