// Panel: a DKIM key record checked as you type (key type and size read from the key itself).
import { h, facts, debounce } from './dom.js';
import { annotated, findingCard } from './annotate.js';

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

export function mount(root, md) {
  const input = root.querySelector('#dkim-input');
  const out = root.querySelector('#dkim-result');
  const update = () => render(out, md.dkimCheck(input.value.trim()));
  input.addEventListener('input', debounce(update));
  update();
}
