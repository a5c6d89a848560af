// The DMARC, DKIM and domain panels in headless Chromium, with DNS over HTTPS to dnsdist on
// loopback behind the nginx CORS front (tests/dns/servers), selected with ?doh=.
import test from 'node:test';
import assert from 'node:assert/strict';
import { openDemo } from './harness.mjs';
import { startDnsServers, DOH_CORS } from '../dns/servers.mjs';

test('DMARC, DKIM and domain panels: annotations offline, verdict and audit over DoH', async (t) => {
  const servers = await startDnsServers();
  t.after(() => servers.stop());
  const demo = await openDemo(`?doh=${DOH_CORS}`);
  try {
    const { page } = demo;
    assert.equal(await page.getAttribute('#status', 'data-state'), 'ready', await page.textContent('#status'));

    // RFC 9989 §4.7: findings marked in the record itself
    await page.fill('#dmarc-input', 'v=DMARC1; p=block; pct=50; rua=mailto:nobody');
    await page.waitForFunction(() => document.querySelector('#dmarc-result mark[data-code="dmarc.invalid_policy"]'));
    assert.equal(await page.textContent('#dmarc-result mark[data-code="dmarc.invalid_policy"]'), 'block');
    assert.equal(await page.textContent('#dmarc-result mark[data-code="dmarc.removed_tag"]'), 'pct=50');
    assert.equal(await page.textContent('#dmarc-result mark[data-code="dmarc.invalid_uri"]'), 'mailto:nobody');
    assert.equal(await page.textContent('[data-testid="dmarc-verdict"]'), 'DMARC record with errors.');
    // RFC 9989 §4.10.1: an invalid p and no usable rua: no DMARC at all; the in-effect line comes first
    assert.equal(await page.textContent('#dmarc-result > p:first-child'),
                 'Not in effect: receivers apply no DMARC (p=block is not a valid policy and no rua destination is valid).');
    await page.fill('#dmarc-input', 'v=DMARC1; p=reject; sp=invalid; rua=mailto:d@example.test');
    await page.waitForFunction(() => /^In effect/.test(document.querySelector('[data-testid="dmarc-in-effect"]')?.textContent));
    assert.match(await page.textContent('[data-testid="dmarc-in-effect"]'), /apply p=none \(your p=reject is lost: sp=invalid/);
    await demo.screenshot('demo-dmarc-in-effect');

    // Alignment explainer: relaxed DKIM alignment over the DoH endpoint (RFC 9989 §4.4)
    await page.fill('#dmarc-from', 'sub.example.test');
    await page.fill('#dmarc-spf-domain', 'other.invalid');
    await page.fill('#dmarc-dkim', 'example.test:pass');
    await page.click('#dmarc-eval-form button');
    await page.waitForSelector('[data-testid="dmarc-result"]', { timeout: 20000 });
    assert.equal(await page.textContent('[data-testid="dmarc-result"]'),
                 'DMARC pass: an aligned identifier passed; no policy is applied.');
    assert.match(await page.textContent('#dmarc-eval-result'), /_dmarc\.example\.test applies/);
    assert.match(await page.textContent('#dmarc-eval-result'), /DKIMexample\.test pass, aligned: counts/);

    // An SPF temperror and no other pass: the receiver retries, nothing is rejected (RFC 9989)
    await page.fill('#dmarc-from', 'example.test');
    await page.fill('#dmarc-spf-domain', 'example.test');
    await page.selectOption('select[name="spf_result"]', 'temperror');
    await page.fill('#dmarc-dkim', '');
    await page.click('#dmarc-eval-form button');
    await page.waitForFunction(() => /temperror/.test(document.querySelector('[data-testid="dmarc-result"]')?.textContent));
    const temperror = page.locator('[data-testid="dmarc-result"]');
    assert.match(await temperror.textContent(), /the receiver will retry; no policy is applied, this is not a rejection/);
    assert.match(await temperror.getAttribute('class'), /transient/);
    await demo.screenshot('demo-dmarc-temperror');

    // RFC 8301 §3.2: a 512-bit key is rejected
    const weak = 'v=DKIM1; p=MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBANE7q9CW6SL43oUzVEqhArVZmjcwqkD9hs8ilsUdpKQ/nmS703kELC+p6d1qOvBjG2azgIdLlX8h5uVzbx8q2QsCAwEAAQ==';
    await page.fill('#dkim-input', weak);
    await page.waitForFunction(() => /512 bits/.test(document.querySelector('#dkim-result')?.textContent));
    assert.match(await page.textContent('#dkim-result'), /dkim\.rsa_key_too_short/);

    // Selector audit over DoH follows the CNAME to the key (RFC 6376 §3.6.2.1)
    await page.fill('#dkim-domain', 'example.test');
    await page.fill('#dkim-selectors', 'selector1 weak');
    await page.click('#dkim-audit-form button');
    await page.waitForSelector('#dkim-audit-result [data-selector="selector1"]', { timeout: 20000 });
    assert.match(await page.textContent('#dkim-audit-result [data-selector="selector1"]'),
                 /CNAME → selector1-example-test\._domainkey\.keys\.example\.test.*rsa key, 2048 bits/);
    assert.match(await page.textContent('#dkim-audit-result [data-selector="weak"]'), /dkim\.rsa_key_too_short/);

    // Whole-domain audit over DoH: the name does not exist
    await page.fill('#domain-name', 'nothing.example.test');
    await page.click('#domain-form button');
    await page.waitForSelector('[data-testid="domain-summary"]', { timeout: 20000 });
    assert.match(await page.textContent('[data-testid="domain-summary"]'), /problem\(s\) to fix/);
    assert.match(await page.textContent('#domain-result'), /domain\.nxdomain/);

    await page.fill('#domain-name', 'example.test');
    await page.fill('#domain-selectors', 's2048');
    await page.click('#domain-form button');
    await page.waitForFunction(() => /^example\.test:/.test(document.querySelector('[data-testid="domain-summary"]')?.textContent));
    assert.doesNotMatch(await page.textContent('#domain-result'), /dmarc\.no_record/);

    await demo.screenshot('demo-dmarc');
    assert.deepEqual(demo.errors, []);
  } finally {
    await demo.close();
  }
});
