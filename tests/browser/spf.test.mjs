// The SPF panel in headless Chromium, with DNS over HTTPS to dnsdist on loopback behind the
// nginx CORS front (tests/dns/servers), selected with ?doh=.
import test from 'node:test';
import assert from 'node:assert/strict';
import { openDemo } from './harness.mjs';
import { startDnsServers, DOH_CORS } from '../dns/servers.mjs';

test('SPF panel: record annotated in place, include tree and check_host() over DoH', async (t) => {
  const servers = await startDnsServers();
  t.after(() => servers.stop());
  const demo = await openDemo(`?doh=${DOH_CORS}`);
  try {
    const { page } = demo;
    assert.equal(await page.getAttribute('#status', 'data-state'), 'ready', await page.textContent('#status'));

    await page.fill('#spf-input', 'v=spf1 include:spf.protection.outlook.com ptr +all');
    await page.waitForFunction(() => document.querySelector('#spf-result mark[data-code="spf.pass_all"]'));
    assert.equal(await page.textContent('#spf-result mark[data-code="spf.pass_all"]'), '+all');
    assert.equal(await page.textContent('#spf-result mark[data-code="spf.ptr_deprecated"]'), 'ptr');
    assert.equal(await page.textContent('#spf-result [data-term="include"]'), 'include:spf.protection.outlook.com');
    assert.match(await page.textContent('#spf-result'), /Microsoft 365/);

    await page.fill('#spf-audit-domain', 'over.example.test');
    await page.click('#spf-audit-form button');
    await page.waitForSelector('[data-testid="spf-audit-total"]', { timeout: 20000 });
    assert.match(await page.textContent('[data-testid="spf-audit-total"]'), /12 DNS lookups of 10: over the limit/);
    assert.match(await page.textContent('#spf-audit-result'), /include:_spf1\.example\.test/);

    await page.fill('#spf-ip', '198.51.100.5');
    await page.fill('#spf-mail-from', 'x@example.test');
    await page.click('#spf-eval-form button');
    await page.waitForSelector('[data-testid="spf-eval-result"]', { timeout: 20000 });
    assert.equal(await page.textContent('[data-testid="spf-eval-result"]'), 'SPF pass');
    assert.match(await page.textContent('#spf-eval-result'), /ip4:198\.51\.100\.0\/24/);
    assert.match(await page.textContent('[data-testid="spf-trace"]'), /_spf2\.example\.test TXT/);

    await page.fill('#spf-what-if', 'v=spf1 -all');
    await page.click('#spf-eval-form button');
    await page.waitForFunction(() => document.querySelector('[data-testid="spf-eval-result"]')?.textContent === 'SPF fail');

    await demo.screenshot('demo-spf');
    assert.deepEqual(demo.errors, []);
  } finally {
    await demo.close();
  }
});
