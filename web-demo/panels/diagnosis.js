// One way to show a diagnosis, for every panel that has one: the retry verdict that follows from
// the class of the code, the entry's reason and confidence, and the evidence that chose it (with
// the alternatives the codes do not allow), so that a person can check the answer.
import { h } from './dom.js';

export function verdict(permanent, retry, testid) {
  return h('p', { class: `verdict ${permanent ? 'permanent' : 'transient'}`, dataset: testid ? { testid } : {} }, retry);
}

export function why(d) {
  const items = (d.evidence || []).map((item) =>
    h('li', { class: item.kind === 'conflict' ? 'conflict' : '' }, item.text));
  return h('div', { class: 'why', dataset: { testid: 'diagnosis-why' } },
    h('p', {},
      h('span', { class: `confidence ${d.confidence}`, dataset: { testid: 'diagnosis-confidence' } },
        `${d.confidence} confidence`),
      ` · reason ${d.reason} · chosen by ${String(d.specificity).replace('_', ' ')}`),
    items.length ? h('ul', { class: 'evidence', dataset: { testid: 'diagnosis-evidence' } }, items) : null);
}

export function alternatives(list) {
  if (!list || !list.length) return null;
  return [h('h4', {}, 'Other possible readings'),
    h('ul', { class: 'alternatives' }, list.map((a) =>
      h('li', {}, `${a.title} (${a.reason}${a.conflicts_with_codes ? '; the codes given do not allow it' : ''})`)))];
}
