// Panel: type a status code or an error line, see what it means.
import { h, facts } from './dom.js';

function render(out, e) {
  out.replaceChildren();
  if (!e.found) {
    out.append(h('p', { class: 'muted' }, 'No SMTP reply code or enhanced status code found in this text.'));
    return;
  }
  out.append(
    h('p', { class: `verdict ${e.permanent ? 'permanent' : 'transient'}`, dataset: { testid: 'explain-verdict' } },
      e.permanent ? 'Permanent failure: retrying the same message will not help.'
                  : (e.class === 'success' ? 'Success.' : 'Transient failure: the sending server retries.')),
    facts([
      ['Reply code', e.reply_code],
      ['Enhanced status', e.status],
      ['Class', e.class_meaning],
      ['Subject', e.subject],
      ['Diagnosis', e.entry ? `${e.entry.title} (${e.entry.category})` : null],
    ]),
  );
}

export function mount(root, md) {
  const input = root.querySelector('#explain-input');
  const out = root.querySelector('#explain-result');
  const update = () => render(out, md.explain(input.value));
  input.addEventListener('input', update);
  update();
}
