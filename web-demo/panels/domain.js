// Panel: "check my domain". One report, errors first, each finding with its fix and the DNS
// record to publish.
import { h } from './dom.js';
import { findingCard, pageResolver } from './annotate.js';
import { checkedDomain, outageView } from './lookup.js';

// What to do in this page when the common selectors found no key (the finding's fix says where
// to find the selector).
const SELECTOR_HINT = 'Type that selector in the "DKIM selectors" box above and check again.';

function render(out, a, notice) {
  const outage = outageView(a, notice, 'domain-summary');
  if (outage) return out.replaceChildren(...outage);
  const { errors, warnings } = a.summary;
  const noSelector = a.findings.some((f) => f.code === 'dkim.no_selector_found');
  out.replaceChildren(
    notice ?? '',
    h('p', { class: `verdict ${errors ? 'permanent' : warnings ? 'transient' : 'pass'}`, dataset: { testid: 'domain-summary' } },
      errors ? `${a.domain}: ${errors} problem(s) to fix, ${warnings} warning(s).`
        : warnings ? `${a.domain}: no errors, ${warnings} warning(s).` : `${a.domain}: everything checked looks right.`),
    ...a.findings.map(findingCard),
    ...(noSelector ? [h('p', { class: 'muted', dataset: { testid: 'selector-hint' } }, SELECTOR_HINT)] : []));
}

export function mount(root, md) {
  const form = root.querySelector('#domain-form');
  const out = root.querySelector('#domain-result');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const resolve = pageResolver(md);
    if (!resolve) {
      out.replaceChildren(h('p', { class: 'muted' }, 'This page has no DNS-over-HTTPS endpoint configured.'));
      return;
    }
    const { domain, notice } = checkedDomain(md, form.elements.domain.value);
    if (!domain) return out.replaceChildren(notice);
    const selectors = form.elements.selectors.value.split(/[\s,]+/).filter(Boolean);
    out.replaceChildren(h('p', { class: 'muted' }, `Checking ${domain}…`));
    try {
      render(out, await md.domainAudit(domain, { selectors, resolve }), notice);
    } catch (err) {
      out.replaceChildren(h('p', { class: 'severity-error' }, err.message));
    }
  });
}
