// Panel: paste a bounce (or drop an .eml / mbox file), see one card per recipient with what
// happened, why, whether to retry, and what to fix.
import { h, facts, debounce } from './dom.js';
import { why, alternatives } from './diagnosis.js';

function card(message, r) {
  const verdict = r.reason === 'delivered' ? 'Delivered.'
    : r.reason === 'feedback' ? `Complaint (${r.feedback_type || 'feedback'}).`
    : r.reason === 'vacation' ? 'Automatic reply, not a failure.'
    : r.hard_bounce ? 'Hard bounce: the address does not work; do not send to it again.'
    : r.diagnosis && !r.diagnosis.permanent ? 'Soft bounce, temporary: the sending server retries on its own.'
    : 'Soft bounce: the address is not the problem; fix the cause below, then send again.';
  const d = r.diagnosis;
  return h('article', { class: 'card', dataset: { testid: 'ndr-card', reason: r.reason } },
    h('h3', {}, r.address || '(recipient not named)'),
    h('p', { class: `verdict ${r.hard_bounce ? 'permanent' : 'transient'}` }, verdict),
    facts([
      ['Reason', r.reason],
      ['Status', r.status || (r.status_inferred ? `${r.status_inferred} (inferred: the bounce gave none)` : null)],
      ['Reply code', r.reply_code],
      ['Command', r.smtp_command],
      ['Remote server', r.remote_mta],
      ['Layout', message.format],
    ]),
    r.diagnostic ? h('blockquote', { class: 'diagnostic' }, r.diagnostic) : null,
    d ? h('div', { class: 'diagnosis' },
      h('p', {}, h('strong', {}, d.title), ` (${d.category}; who acts: ${d.who_acts.join(', ')})`),
      d.fixes.length ? h('ul', { dataset: { testid: 'ndr-fixes' } }, d.fixes.map((f) => h('li', {}, f))) : null,
      d.retry_advice ? h('p', { class: 'retry' }, d.retry_advice) : null,
      why(d),
      ...(alternatives(d.alternatives) || []))
      : null);
}

function render(out, result) {
  out.replaceChildren();
  const messages = result.messages || [];
  if (!messages.length) {
    out.append(h('p', { class: 'muted' }, 'Paste a bounce above, or drop an .eml or mbox file.'));
    return;
  }
  for (const m of messages) {
    out.append(h('p', { class: 'muted', dataset: { testid: 'ndr-summary' } },
      `${m.source ? `${m.source}: ` : ''}${m.kind}${m.format ? ` (${m.format})` : ''}` +
      `${m.original && m.original.subject ? `, original subject “${m.original.subject}”` : ''}` +
      `${m.partial ? ' [partial: a size limit was reached]' : ''}`));
    if (!m.recipients.length && m.kind === 'not-a-report')
      out.append(h('p', { class: 'muted' }, 'This does not look like a bounce or report.'));
    for (const r of m.recipients) out.append(card(m, r));
  }
}

export function mount(root, md) {
  const input = root.querySelector('#ndr-input');
  const file = root.querySelector('#ndr-file');
  const out = root.querySelector('#ndr-result');
  const fromText = () => render(out, input.value.trim() ? md.ndr(input.value) : { messages: [] });
  const fromFile = async (f) => {
    // Bytes, not text: 8-bit charsets (Shift_JIS, Windows-125x) must reach the decoder unchanged.
    const bytes = new Uint8Array(await f.arrayBuffer());
    render(out, md.ndr(bytes, { source: f.name }));
  };
  input.addEventListener('input', debounce(fromText, 120));
  file.addEventListener('change', () => file.files[0] && fromFile(file.files[0]));
  root.addEventListener('dragover', (e) => e.preventDefault());
  root.addEventListener('drop', (e) => {
    e.preventDefault();
    if (e.dataTransfer.files[0]) fromFile(e.dataTransfer.files[0]);
  });
  fromText();
}
