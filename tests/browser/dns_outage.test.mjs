// DNS that could not be asked, in the demo: DoH endpoints that fail every question (tests/dns/
// servers: /servfail, /refused, /timeout, /nxdomain behind the nginx CORS front) and one where
// nothing listens. Then the checks of what is typed, and the page's own advice about selectors.
import test from 'node:test';
import assert from 'node:assert/strict';
import { openDemo } from './harness.mjs';
import { startDnsServers, DOH_CORS } from '../dns/servers.mjs';

const front = DOH_CORS.replace(/\/dns-query$/, '');
const failing = {
  SERVFAIL: `${front}/servfail`,
  REFUSED: `${front}/refused`,
  'time-out': `${front}/timeout`,
  'nothing listening': 'http://127.0.0.1:8059/dns-query',
};

async function submit(page, form, fields) {
  for (const [selector, value] of Object.entries(fields)) await page.fill(selector, value);
  await page.click(`${form} button`);
}

async function withDemo(t, doh, body) {
  const servers = await startDnsServers();
  t.after(() => servers.stop());
  const demo = await openDemo(`?doh=${encodeURIComponent(doh)}`);
  try {
    await body(demo.page, demo);
    assert.deepEqual(demo.errors, []);
  } finally {
    await demo.close();
  }
}

for (const [how, doh] of Object.entries(failing)) {
  test(`DoH that fails (${how}): one "could not reach DNS" card per check, nothing about the domain`, async (t) => {
    await withDemo(t, doh, async (page, demo) => {
      await submit(page, '#domain-form', { '#domain-name': 'microsoft.com' });
      await page.waitForSelector('#domain-result [data-code]', { timeout: 30000 });
      assert.match(await page.textContent('[data-testid="domain-summary"]'), /Could not reach DNS: nothing about microsoft\.com was checked/);
      assert.deepEqual(await page.$$eval('#domain-result [data-code]', (cards) => cards.map((c) => c.dataset.code)),
                       ['dns.unreachable']);
      assert.doesNotMatch(await page.textContent('#domain-result'), /problem\(s\)|DKIM key|selector/);

      await submit(page, '#dkim-audit-form', { '#dkim-domain': 'microsoft.com' });
      await page.waitForSelector('[data-testid="dkim-audit-summary"]', { timeout: 30000 });
      assert.deepEqual(await page.$$eval('#dkim-audit-result [data-code]', (cards) => cards.map((c) => c.dataset.code)),
                       ['dns.unreachable']);

      await submit(page, '#spf-audit-form', { '#spf-audit-domain': 'microsoft.com' });
      await page.waitForFunction(() => /Could not reach DNS/.test(document.querySelector('[data-testid="spf-audit-total"]')?.textContent ?? ''),
                                 null, { timeout: 30000 });
      assert.doesNotMatch(await page.textContent('#spf-audit-result'), /DNS lookups of 10/);
      if (how === 'SERVFAIL') await demo.screenshot('demo-dns-outage');
    });
  });
}

test('DoH that answers NXDOMAIN for everything: the domain\'s absence is said once, the resolver suspected', async (t) => {
  await withDemo(t, `${front}/nxdomain`, async (page) => {
    await submit(page, '#domain-form', { '#domain-name': 'microsoft.com' });
    await page.waitForSelector('#domain-result [data-code]', { timeout: 30000 });
    assert.deepEqual(await page.$$eval('#domain-result [data-code]', (cards) => cards.map((c) => c.dataset.code)),
                     ['domain.nxdomain']);
    assert.match(await page.textContent('#domain-result'), /spelling.*another DNS resolver/);
  });
});

test('what is typed is checked: no lookup for a non-domain or a non-IP, an address gives its domain', async (t) => {
  await withDemo(t, DOH_CORS, async (page, demo) => {
    await submit(page, '#domain-form', { '#domain-name': '' });
    await page.waitForSelector('#domain-result [data-testid="input-error"]');
    assert.equal(await page.textContent('#domain-result'), 'a domain is required, like example.com');

    await submit(page, '#spf-audit-form', { '#spf-audit-domain': 'not a domain' });
    await page.waitForSelector('#spf-audit-result [data-testid="input-error"]');
    assert.match(await page.textContent('#spf-audit-result'), /"not a domain" is not a domain name: it contains a space/);

    await submit(page, '#spf-eval-form', { '#spf-ip': 'not-an-ip', '#spf-mail-from': 'x@example.test' });
    await page.waitForSelector('#spf-eval-result .severity-error');
    assert.match(await page.textContent('#spf-eval-result'), /"not-an-ip" is not an IPv4 or IPv6 address/);
    assert.doesNotMatch(await page.textContent('#spf-eval-result'), /SPF none/);

    await submit(page, '#domain-form', { '#domain-name': 'alice@example.test', '#domain-selectors': 's2048' });
    await page.waitForSelector('#domain-result [data-testid="domain-summary"]', { timeout: 30000 });
    assert.match(await page.textContent('[data-testid="input-note"]'), /checking its domain, example\.test/);
    assert.match(await page.textContent('[data-testid="domain-summary"]'), /^example\.test: /);
    assert.doesNotMatch(await page.textContent('#domain-result'), /null|undefined/);

    // No key under the common selectors: the page says what to type in the page, not a CLI flag.
    await submit(page, '#dkim-audit-form', { '#dkim-domain': 'sub.example.test', '#dkim-selectors': '' });
    await page.waitForSelector('#dkim-audit-result [data-testid="selector-hint"]', { timeout: 30000 });
    assert.match(await page.textContent('#dkim-audit-result [data-testid="selector-hint"]'), /"Selectors" box above/);
    assert.doesNotMatch(await page.textContent('#dkim-audit-result'), /--selector/);
    await submit(page, '#domain-form', { '#domain-name': 'sub.example.test', '#domain-selectors': '' });
    await page.waitForSelector('#domain-result [data-testid="selector-hint"]', { timeout: 30000 });
    assert.doesNotMatch(await page.textContent('#domain-result'), /--selector/);
    await demo.screenshot('demo-domain-checks');
  });
});
