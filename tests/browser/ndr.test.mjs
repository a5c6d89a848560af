import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDemo } from './harness.mjs';

const pasted = [
  'Delivery has failed to these recipients or groups:',
  '',
  'user@contoso.example',
  "The email address you entered couldn't be found.",
  '',
  'Diagnostic information for administrators:',
  '',
  'user@contoso.example',
  "Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'",
].join('\n');

const qmail = [
  'From: MAILER-DAEMON@mx.example.org',
  'Subject: failure notice',
  '',
  'Hi. This is the qmail-send program at mx.example.org.',
  '',
  '<full@example.net>:',
  'Remote host said: 552 5.2.2 <full@example.net>... Mailbox Full',
  '',
].join('\n');

test('the demo turns a pasted bounce and a chosen .eml file into recipient cards', async () => {
  const demo = await openDemo();
  try {
    const { page } = demo;
    assert.equal(await page.getAttribute('#status', 'data-state'), 'ready', await page.textContent('#status'));

    await page.fill('#ndr-input', pasted);
    await page.waitForSelector('[data-testid="ndr-card"]');
    const card = await page.textContent('[data-testid="ndr-card"]');
    assert.match(card, /user@contoso\.example/);
    assert.match(card, /userunknown/);
    assert.match(card, /5\.1\.1/);
    assert.match(card, /Hard bounce/);
    assert.ok(await page.$('[data-testid="ndr-fixes"] li'), 'a fix is shown');
    // Why: the confidence and the evidence that chose the diagnosis, under the card.
    assert.match(await page.textContent('[data-testid="ndr-card"] [data-testid="diagnosis-confidence"]'), /high confidence/);
    const why = await page.textContent('[data-testid="ndr-card"] [data-testid="diagnosis-evidence"]');
    assert.match(why, /status 5\.1\.1 given by the server/);
    assert.match(why, /RESOLVER\.ADR\.RecipNotFound/);

    // A message too large is never advice to drop the address.
    await page.fill('#ndr-input', '552 5.2.3 <bob@example.net>: Recipient address rejected: Message length exceeds administrative limit');
    await page.waitForFunction(() => document.querySelector('#ndr-result').textContent.includes('emailtoolarge'));
    const big = await page.textContent('[data-testid="ndr-card"]');
    assert.doesNotMatch(big, /userunknown/);
    assert.match(big, /does not retry/);
    await demo.screenshot('demo-ndr-too-large');
    await page.fill('#ndr-input', pasted);
    await page.waitForFunction(() => document.querySelector('#ndr-result').textContent.includes('contoso'));

    const dir = mkdtempSync(join(tmpdir(), 'maildiag-ndr-'));
    const file = join(dir, 'full.eml');
    writeFileSync(file, qmail);
    await page.setInputFiles('#ndr-file', file);
    await page.waitForFunction(() =>
      document.querySelector('#ndr-result').textContent.includes('full@example.net'));
    const text = await page.textContent('#ndr-result');
    assert.match(text, /mailboxfull/);
    assert.match(text, /Soft bounce/);
    assert.match(text, /full\.eml/);

    const shot = await demo.screenshot('demo-ndr');
    assert.ok(existsSync(shot));
    assert.deepEqual(demo.errors, []);
  } finally {
    await demo.close();
  }
});
