import test from 'node:test';
import assert from 'node:assert/strict';
import { openDemo } from './harness.mjs';

test('the knowledge-base panel diagnoses a pasted line and searches as you type', async () => {
  const demo = await openDemo();
  try {
    const { page } = demo;
    assert.equal(await page.getAttribute('#status', 'data-state'), 'ready', await page.textContent('#status'));

    // The sample line is diagnosed on load: Outlook.com's block list, with the delisting route.
    await page.waitForSelector('#kb-diagnosis [data-testid="kb-title"]');
    const diagnosis = await page.textContent('#kb-diagnosis');
    assert.match(diagnosis, /Outlook\.com's block list/);
    assert.match(diagnosis, /reputation/);
    assert.match(diagnosis, /olcsupport\.office\.com/);

    // The provider choice changes the reading of 5.2.2.
    await page.fill('#kb-line', '550 5.2.2 rejected');
    await page.waitForFunction(() => document.querySelector('#kb-diagnosis').textContent.includes('mailbox-capacity'));
    await page.selectOption('#kb-provider', 'microsoft');
    await page.waitForFunction(() => document.querySelector('#kb-diagnosis').textContent.includes('sending-limit'));

    // Search as you type, by token and by words.
    await page.fill('#kb-search', 'TSS04');
    await page.waitForSelector('#kb-results [data-id="yahoo.tss04-deferred"]');
    await page.fill('#kb-search', 'delist portal');
    await page.waitForSelector('#kb-results [data-id="ms.5.7.606-banned-ip"]');
    await page.fill('#kb-search', 'zzzz-no-such-thing');
    await page.waitForFunction(() => document.querySelector('#kb-results').textContent.includes('No entry matches'));

    await demo.screenshot('demo-kb');
    assert.deepEqual(demo.errors, []);
  } finally {
    await demo.close();
  }
});
