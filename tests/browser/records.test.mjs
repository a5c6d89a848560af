// The demo in headless Chromium: records pasted the way DNS tools show them (quoted, split into
// strings) are checked as the record they stand for, and the page loads without a missing file
// (its icon included).
import test from 'node:test';
import assert from 'node:assert/strict';
import { openDemo } from './harness.mjs';

const ed25519 = '11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=';

test('quoted records are accepted in the SPF, DMARC and DKIM panels, with a note', async () => {
  const demo = await openDemo();
  try {
    const { page } = demo;
    await page.fill('#spf-input', '"v=spf1 include:spf.protection.outlook.com -all"');
    await page.waitForSelector('#spf-result [data-code="txt.quotes_removed"]');
    assert.match(await page.textContent('[data-testid="spf-verdict"]'), /^Valid SPF record/);
    assert.equal(await page.textContent('[data-testid="spf-annotated"]'), 'v=spf1 include:spf.protection.outlook.com -all');

    await page.fill('#dmarc-input', '"v=DMARC1; p=reject; " "rua=mailto:dmarc@example.com"');
    await page.waitForSelector('#dmarc-result [data-code="txt.quotes_removed"]');
    assert.equal(await page.textContent('[data-testid="dmarc-verdict"]'), 'Valid DMARC record.');

    await page.fill('#dkim-input', `"v=DKIM1; k=ed25519; p=${ed25519.slice(0, 20)}" "${ed25519.slice(20)}"`);
    await page.waitForSelector('#dkim-result [data-code="txt.quotes_removed"]');
    assert.equal(await page.textContent('[data-testid="dkim-verdict"]'), 'Usable key record.');
    assert.match(await page.textContent('#dkim-result'), /quotes were removed and the strings joined/);
    await demo.screenshot('quoted-records');
    assert.deepEqual(demo.errors, []);
  } finally {
    await demo.close();
  }
});

test('the page and its icon load without a missing file', async () => {
  const demo = await openDemo();
  try {
    const { page, origin } = demo;
    const icon = await page.evaluate(async () => {
      const link = document.querySelector('link[rel="icon"]');
      const r = await fetch(link.href);
      return { status: r.status, type: r.headers.get('content-type'), body: await r.text() };
    });
    assert.equal(icon.status, 200);
    assert.match(icon.type, /^image\//);
    assert.match(icon.body, /<svg/);
    // A reload lists every request the page makes: none of them may fail.
    const failed = [];
    page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    await page.waitForTimeout(500);
    assert.deepEqual(failed, []);
  } finally {
    await demo.close();
  }
});
