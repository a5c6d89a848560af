// Panel: an SPF record annotated as you type (each term marked, findings beside it); a domain's
// include tree with the lookup cost of each branch; and check_host() for an IP and a sender.
// DNS goes through the page's DoH resolver (set with ?doh=URL, a public resolver by default).
import { h, facts, debounce } from './dom.js';
import { findingCard, pageResolver } from './annotate.js';
import { checkedDomain, outageVerdict, outageView } from './lookup.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const rank = { info: 1, warning: 2, error: 3 };

// The record with every term in its own <span>, coloured by its worst finding. Spans are UTF-8
// byte offsets, so the text is cut as bytes.
function annotatedTerms(r) {
  const bytes = encoder.encode(r.record);
  const out = h('code', { class: 'annotated spf-record', dataset: { testid: 'spf-annotated' } });
  let pos = 0;
  for (const t of r.terms) {
    const [begin, end] = t.span;
    if (begin < pos || end > bytes.length) continue;
    if (begin > pos) out.append(decoder.decode(bytes.subarray(pos, begin)));
    const worst = r.findings
      .filter((f) => f.span[0] < end && f.span[1] > begin && f.span[1] - f.span[0] < bytes.length)
      .sort((a, b) => rank[b.severity] - rank[a.severity])[0];
    const title = [t.provider ? `${t.provider.name}: ${t.provider.note}` : `${t.kind} ${t.name}`,
      worst ? worst.message : ''].filter(Boolean).join('\n');
    out.append(h(worst ? 'mark' : 'span', {
      class: `spf-term ${worst ? `severity-${worst.severity}` : ''}`,
      title,
      dataset: { term: t.name, code: worst ? worst.code : undefined },
    }, decoder.decode(bytes.subarray(begin, end))));
    pos = end;
  }
  if (pos < bytes.length) out.append(decoder.decode(bytes.subarray(pos)));
  return out;
}

function renderCheck(out, r) {
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  out.replaceChildren(
    h('p', { class: `verdict ${r.valid ? 'pass' : 'permanent'}`, dataset: { testid: 'spf-verdict' } },
      r.valid ? `Valid SPF record, ${r.dns_lookups} DNS lookup(s) of 10.` : `${errors} error(s) in this record.`),
    annotatedTerms(r),
    ...r.terms.filter((t) => t.provider).map((t) => h('p', { class: 'muted' }, `${t.text}: ${t.provider.name}.`)),
    ...r.findings.map(findingCard));
}

function treeItem(node) {
  const label = `${node.via || node.domain} — ${node.branch_lookups} lookup(s)` +
    (node.status !== 'ok' ? ` (${node.status})` : '') + (node.provider ? ` · ${node.provider}` : '');
  return h('li', { dataset: { domain: node.domain } },
    h('span', { class: node.status === 'ok' ? '' : 'severity-error' }, label),
    node.record ? h('div', { class: 'muted mono' }, node.record) : null,
    node.children.length ? h('ul', {}, node.children.map(treeItem)) : null);
}

function renderAudit(out, a, notice) {
  const outage = outageView(a, notice, 'spf-audit-total');
  if (outage) return out.replaceChildren(...outage);
  out.replaceChildren(
    notice ?? '',
    h('p', { class: `verdict ${a.over_limit || a.findings.some((f) => f.severity === 'error') ? 'permanent' : 'pass'}`,
             dataset: { testid: 'spf-audit-total' } },
      `${a.total_lookups} DNS lookups of ${a.lookup_limit}` + (a.over_limit ? ': over the limit' : '')),
    a.tree ? h('ul', { class: 'spf-tree' }, treeItem(a.tree)) : null,
    ...a.findings.map(findingCard));
}

function renderEval(out, e) {
  const good = e.result === 'pass';
  out.replaceChildren(
    e.dns_outage ? outageVerdict(e.domain, 'spf-eval-outage') : '',
    h('p', { class: `verdict ${good ? 'pass' : 'permanent'}`, dataset: { testid: 'spf-eval-result' } },
      `SPF ${e.result}`),
    facts([
      ['Explanation', e.explanation],
      ['Matched term', e.matched_term ? `${e.matched_term} (in ${e.matched_domain})` : ''],
      ['Path', e.matched_chain.length > 1 ? e.matched_chain.join(' › ') : ''],
      ['Why', e.reason],
      ['DNS lookups', `${e.dns_lookups} of 10, void ${e.void_lookups} of 2`],
    ]),
    h('ol', { class: 'mono', dataset: { testid: 'spf-trace' } }, e.trace.map((t) =>
      h('li', {}, `${'  '.repeat(t.depth)}${t.name} ${t.type} (${t.cause}) → ${t.kind}`))));
}

function noResolver(out) {
  out.replaceChildren(h('p', { class: 'muted' }, 'This page has no DNS-over-HTTPS endpoint configured.'));
}

export function mount(root, md) {
  const input = root.querySelector('#spf-input');
  const out = root.querySelector('#spf-result');
  const update = () => renderCheck(out, md.spfCheck(input.value.trim()));
  input.addEventListener('input', debounce(update));
  update();

  const auditForm = root.querySelector('#spf-audit-form');
  const auditOut = root.querySelector('#spf-audit-result');
  auditForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const resolve = pageResolver(md);
    if (!resolve) return noResolver(auditOut);
    const { domain, notice } = checkedDomain(md, auditForm.elements.domain.value);
    if (!domain) return auditOut.replaceChildren(notice);
    auditOut.replaceChildren(h('p', { class: 'muted' }, 'Fetching the include tree…'));
    try {
      renderAudit(auditOut, await md.spfAudit(domain, { resolve }), notice);
    } catch (err) {
      auditOut.replaceChildren(h('p', { class: 'severity-error' }, err.message));
    }
  });

  const evalForm = root.querySelector('#spf-eval-form');
  const evalOut = root.querySelector('#spf-eval-result');
  evalForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const resolve = pageResolver(md);
    if (!resolve) return noResolver(evalOut);
    const f = evalForm.elements;
    // "What if": a record typed here replaces the sender domain's published one.
    const whatIf = f.what_if.value.trim();
    const domain = f.mail_from.value.trim().split('@').pop() || f.helo.value.trim();
    const answers = whatIf && domain
      ? [{ name: domain.toLowerCase(), type: 'TXT', kind: 'records', records: [{ type: 'TXT', data: whatIf }] }]
      : [];
    evalOut.replaceChildren(h('p', { class: 'muted' }, 'Evaluating…'));
    try {
      renderEval(evalOut, await md.spfEvaluate(
        { ip: f.ip.value.trim(), mailFrom: f.mail_from.value.trim(), helo: f.helo.value.trim() }, { resolve, answers }));
    } catch (err) {
      evalOut.replaceChildren(h('p', { class: 'severity-error' }, err.message));
    }
  });
}
