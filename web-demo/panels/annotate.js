// Shows a record with the bytes each finding is about marked in place. Spans from maildiag are
// UTF-8 byte offsets, so the text is cut as bytes, not as JavaScript string indexes.
import { h } from './dom.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The record as a <code> element with <mark>s over the findings' spans (first one wins). */
export function annotated(record, findings) {
  const bytes = encoder.encode(record);
  const marks = findings
    .filter((f) => Array.isArray(f.span) && f.span[1] > f.span[0] && f.span[1] - f.span[0] < bytes.length)
    .sort((a, b) => a.span[0] - b.span[0]);
  const out = h('code', { class: 'annotated', dataset: { testid: 'annotated-record' } });
  let pos = 0;
  for (const f of marks) {
    const [begin, end] = f.span;
    if (begin < pos) continue;
    if (begin > pos) out.append(decoder.decode(bytes.subarray(pos, begin)));
    out.append(h('mark', { class: `severity-${f.severity}`, title: f.message, dataset: { code: f.code } },
      decoder.decode(bytes.subarray(begin, end))));
    pos = end;
  }
  if (pos < bytes.length) out.append(decoder.decode(bytes.subarray(pos)));
  return out;
}

/** One finding as a card: severity, message, fix, and the DNS record to publish if any. */
export function findingCard(f) {
  return h('div', { class: 'card', dataset: { code: f.code } },
    h('p', { class: `severity-${f.severity}` }, h('strong', {}, f.severity), ' ', f.message),
    f.fix ? h('p', {}, 'Fix: ', f.fix) : null,
    f.publish ? h('p', { class: 'mono' }, `${f.publish.name}  ${f.publish.type}  "${f.publish.value}"`) : null,
    h('p', { class: 'muted mono' }, f.area ? `${f.area} · ${f.code}` : f.code));
}

/** The DNS resolver the page offers to the sans-IO evaluators, or undefined without one. */
export function pageResolver(md) {
  return md.resolve || md.dns?.resolve;
}
