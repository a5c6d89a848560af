// Panel: a DMARC record checked as you type, with findings marked in place; and the alignment
// explainer: From, SPF and DKIM domains in, DMARC result and the reasoning out.
import { h, facts, debounce } from './dom.js';
import { annotated, findingCard, pageResolver } from './annotate.js';
import { checkedDomain } from './lookup.js';

function renderRecord(out, r) {
  out.replaceChildren();
  out.append(
    h('p', { class: `verdict ${!r.in_effect ? 'permanent' : r.lost ? 'transient' : 'pass'}`, dataset: { testid: 'dmarc-in-effect' } },
      r.summary),
    h('p', { class: 'muted', dataset: { testid: 'dmarc-verdict' } },
      !r.is_dmarc ? 'Not a DMARC record: receivers ignore it.'
        : r.valid ? 'Valid DMARC record.' : 'DMARC record with errors.'),
    annotated(r.record, r.findings));
  if (r.effective)
    out.append(facts([
      ['Policy', `p=${r.effective.p}, sp=${r.effective.sp}, np=${r.effective.np}${r.effective.testing ? ' (testing)' : ''}`],
      ['Alignment', `DKIM ${r.effective.adkim}, SPF ${r.effective.aspf}`],
      ['Aggregate reports', r.effective.rua.join(', ') || 'none'],
    ]));
  for (const f of r.findings) out.append(findingCard(f));
}

const resultClass = { pass: 'pass', temperror: 'transient' };

function renderVerdict(out, v) {
  out.replaceChildren(
    h('p', { class: `verdict ${resultClass[v.result] || 'permanent'}`, dataset: { testid: 'dmarc-result' } },
      v.summary),
    facts([
      ['Policy to apply', v.policy],
      ['Policy domain', v.policy_domain],
      ['Organizational domain', v.organizational_domain],
      ['SPF', v.spf_alignment],
      ['DKIM', v.dkim_alignment],
    ]),
    h('ol', {}, v.steps.map((s) => h('li', {}, s))),
    ...v.findings.map(findingCard));
}

export function mount(root, md) {
  const input = root.querySelector('#dmarc-input');
  const out = root.querySelector('#dmarc-result');
  const update = () => renderRecord(out, md.dmarcCheck(input.value.trim()));
  input.addEventListener('input', debounce(update));
  update();

  const form = root.querySelector('#dmarc-eval-form');
  const evalOut = root.querySelector('#dmarc-eval-result');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const resolve = pageResolver(md);
    if (!resolve) {
      evalOut.replaceChildren(h('p', { class: 'muted' }, 'This page has no DNS-over-HTTPS endpoint configured.'));
      return;
    }
    const { domain: from, notice } = checkedDomain(md, form.elements.from.value);
    if (!from) return evalOut.replaceChildren(notice);
    const spfDomain = form.elements.spf_domain.value.trim();
    const spf = spfDomain ? `${spfDomain}:${form.elements.spf_result.value}` : '';
    const dkim = form.elements.dkim.value.split(/[\s,]+/).filter(Boolean)
      .map((d) => (d.includes(':') ? d : `${d}:pass`));
    evalOut.replaceChildren(h('p', { class: 'muted' }, 'Looking up DMARC records…'));
    try {
      renderVerdict(evalOut, await md.dmarcEvaluate({ from, spf, dkim }, { resolve }));
      if (notice) evalOut.prepend(notice);
    } catch (err) {
      evalOut.replaceChildren(h('p', { class: 'severity-error', dataset: { testid: 'dmarc-error' } }, err.message));
    }
  });
}
