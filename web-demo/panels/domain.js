// Panel: "check my domain". One report, errors first, each finding with its fix and the DNS
// record to publish.
import { h } from './dom.js';
import { findingCard, pageResolver } from './annotate.js';

function render(out, a) {
  const { errors, warnings } = a.summary;
  out.replaceChildren(
    h('p', { class: `verdict ${errors ? 'permanent' : warnings ? 'transient' : 'pass'}`, dataset: { testid: 'domain-summary' } },
      errors ? `${a.domain}: ${errors} problem(s) to fix, ${warnings} warning(s).`
        : warnings ? `${a.domain}: no errors, ${warnings} warning(s).` : `${a.domain}: everything checked looks right.`),
    ...a.findings.map(findingCard));
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
    const domain = form.elements.domain.value.trim();
    const selectors = form.elements.selectors.value.split(/[\s,]+/).filter(Boolean);
    out.replaceChildren(h('p', { class: 'muted' }, `Checking ${domain}…`));
    try {
      render(out, await md.domainAudit(domain, { selectors, resolve }));
    } catch (err) {
      out.replaceChildren(h('p', { class: 'severity-error' }, err.message));
    }
  });
}
