// Panel: a DKIM key record checked as you type (key type and size read from the key itself), and
// a domain's selectors looked up over DNS, following their CNAMEs (Microsoft 365 included).
import { h, facts, debounce } from './dom.js';
import { annotated, findingCard, pageResolver } from './annotate.js';
import { checkedDomain, outageView } from './lookup.js';

// What to do in this page when the common selectors found no key (the finding's fix says where
// to find the selector).
const SELECTOR_HINT = 'Type that selector in the "Selectors" box above and look it up again.';

function render(out, r) {
  out.replaceChildren(
    h('p', { class: `verdict ${r.valid ? 'pass' : 'permanent'}`, dataset: { testid: 'dkim-verdict' } },
      r.valid ? 'Usable key record.' : r.revoked ? 'Revoked key: signatures fail.' : 'Key record with errors: signatures fail.'),
    facts([
      ['Key type', r.key_type],
      ['Key size', r.key_bits ? `${r.key_bits} bits` : null],
      ['Encoding', r.key_format],
    ]),
    h('div', { class: 'card' }, annotated(r.record, r.findings)),
    ...r.findings.map(findingCard));
}

function renderAudit(out, a, notice) {
  const outage = outageView(a, notice, 'dkim-audit-summary');
  if (outage) return out.replaceChildren(...outage);
  const noSelector = a.findings.some((f) => f.code === 'dkim.no_selector_found');
  const shown = a.selectors.filter((s) => !a.default_selectors || s.status !== 'not_found' || s.cname_target || s.findings.length);
  out.replaceChildren(
    notice ?? '',
    ...shown.map((s) => h('div', { class: 'card', dataset: { selector: s.selector } },
      h('p', {}, h('strong', { class: 'mono' }, s.name), ` ${s.status.replace('_', ' ')}`),
      s.cname_target ? h('p', { class: 'mono' }, `CNAME → ${s.cname_target}`) : null,
      s.record?.key_bits ? h('p', {}, `${s.record.key_type} key, ${s.record.key_bits} bits`) : null,
      ...(s.record?.findings || []).map(findingCard),
      ...s.findings.map(findingCard))),
    ...a.findings.map(findingCard),
    ...(noSelector ? [h('p', { class: 'muted', dataset: { testid: 'selector-hint' } }, SELECTOR_HINT)] : []));
}

export function mount(root, md) {
  const input = root.querySelector('#dkim-input');
  const out = root.querySelector('#dkim-result');
  const update = () => render(out, md.dkimCheck(input.value.trim()));
  input.addEventListener('input', debounce(update));
  update();

  const form = root.querySelector('#dkim-audit-form');
  const auditOut = root.querySelector('#dkim-audit-result');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const resolve = pageResolver(md);
    if (!resolve) {
      auditOut.replaceChildren(h('p', { class: 'muted' }, 'This page has no DNS-over-HTTPS endpoint configured.'));
      return;
    }
    const { domain, notice } = checkedDomain(md, form.elements.domain.value);
    if (!domain) return auditOut.replaceChildren(notice);
    const selectors = form.elements.selectors.value.split(/[\s,]+/).filter(Boolean);
    auditOut.replaceChildren(h('p', { class: 'muted' }, `Looking up DKIM selectors of ${domain}…`));
    try {
      renderAudit(auditOut, await md.dkimAudit(domain, { selectors, resolve }), notice);
    } catch (err) {
      auditOut.replaceChildren(h('p', { class: 'severity-error' }, err.message));
    }
  });
}
