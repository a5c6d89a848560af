// Panel: type a status code or an error line, see what it means.
import { h, facts } from './dom.js';
import { verdict, why } from './diagnosis.js';

function render(out, e) {
  out.replaceChildren();
  if (!e.found) {
    out.append(h('p', { class: 'muted' }, 'No SMTP reply code or enhanced status code found in this text.'));
    return;
  }
  out.append(
    verdict(e.permanent, e.retry || (e.permanent ? 'Permanent failure.' : 'Temporary failure.'), 'explain-verdict'),
    facts([
      ['Reply code', e.reply_code],
      ['Enhanced status', e.status],
      ['Class', e.class_meaning],
      ['Subject', e.subject],
      ['Diagnosis', e.entry ? `${e.entry.title} (${e.entry.category})` : null],
    ]),
    e.entry ? why({ ...e, specificity: e.match.specificity }) : null,
  );
}

export function mount(root, md) {
  const input = root.querySelector('#explain-input');
  const out = root.querySelector('#explain-result');
  const update = () => render(out, md.explain(input.value));
  input.addEventListener('input', update);
  update();
}
