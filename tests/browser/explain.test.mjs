import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { openDemo } from './harness.mjs';

test('the demo explains a typed status code with the WebAssembly module', async () => {
  const demo = await openDemo();
  try {
    const { page } = demo;
    assert.equal(await page.getAttribute('#status', 'data-state'), 'ready', await page.textContent('#status'));

    await page.fill('#explain-input', '550 5.1.1');
    await page.waitForFunction(() => document.querySelector('#explain-result').textContent.includes('5.1.1'));
    const text = await page.textContent('#explain-result');
    assert.match(text, /Permanent failure/);
    assert.match(text, /Addressing status/);
    assert.match(text, /550/);

    await page.fill('#explain-input', '450 4.4.312 DNS query failed');
    await page.waitForFunction(() => document.querySelector('#explain-result').textContent.includes('4.4.312'));
    assert.match(await page.textContent('#explain-result'), /Network and routing status/);
    assert.match(await page.textContent('#explain-result'), /Temporary failure/);
    assert.doesNotMatch(await page.textContent('#explain-result'), /Permanent/);
    assert.match(await page.textContent('#explain-result'), /confidence/);

    const shot = await demo.screenshot('demo-explain');
    assert.ok(existsSync(shot));
    assert.deepEqual(demo.errors, []);
  } finally {
    await demo.close();
  }
});
