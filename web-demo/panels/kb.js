// Panel: the knowledge base. Paste a whole error line for a diagnosis, or search every entry as
// you type (by code, token, provider, category or words of the explanation).
import { h, facts, debounce } from './dom.js';
import { verdict, why, alternatives } from './diagnosis.js';

const SEARCH_LIMIT = 40;

function list(items, cls) {
  return items.length ? h('ul', { class: cls }, items.map((item) => h('li', {}, item))) : null;
}

function references(urls) {
  return list(urls.map((url) => h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, url)), 'refs');
}

function entryDetails(entry) {
  return [
    h('p', {}, entry.meaning),
    h('h4', {}, 'Likely causes'), list(entry.causes, 'causes'),
    h('h4', {}, 'How to fix'), list(entry.fixes, 'fixes'),
    facts([['Retry', entry.retry], ['Who acts', entry.who_acts.join(', ')], ['Reason', entry.reason]]),
    references(entry.references),
  ];
}

function renderDiagnosis(out, e) {
  out.replaceChildren();
  if (e.error) {
    out.append(h('p', { class: 'severity-error' }, e.error));
    return;
  }
  if (!e.entry) {
    out.append(h('p', { class: 'muted' }, 'No status code or known provider text found in this line.'));
    return;
  }
  const { entry } = e;
  out.append(
    h('h3', { dataset: { testid: 'kb-title' } }, entry.title),
    verdict(e.permanent, e.retry, 'kb-verdict'),
    why({ ...e, specificity: e.match.specificity }),
    facts([
      ['Entry', entry.id],
      ['Category', entry.category],
      ['Provider', e.provider ? `${e.provider} (${e.provider_source === 'hint' ? 'as chosen' : 'from the text'})` : null],
      ['Reason', e.reason],
      ['Matched by', e.match.specificity.replace('_', ' ')],
      ['Codes found', e.codes.map((c) => c.code).join(', ')],
      ['Tokens found', e.text_matches.filter((m) => m.kind !== 'provider_marker').map((m) => m.text).join(', ')],
    ]),
    ...entryDetails(entry),
  );
  const alt = alternatives(e.alternatives);
  if (alt) out.append(...alt);
}

// Every word of the query must appear somewhere in the entry; exact code or token hits rank first.
function search(index, query) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const hits = [];
  for (const item of index) {
    if (!words.every((w) => item.haystack.includes(w))) continue;
    const exact = words.some((w) => item.keys.has(w));
    hits.push({ item, score: (exact ? 0 : 1) });
  }
  hits.sort((a, b) => a.score - b.score);
  return hits.map((x) => x.item.entry);
}

function renderResults(out, entries, total) {
  out.replaceChildren();
  if (!entries.length) {
    out.append(h('p', { class: 'muted' }, 'No entry matches.'));
    return;
  }
  out.append(h('p', { class: 'muted' }, `${total} ${total === 1 ? 'entry' : 'entries'}` +
    (total > entries.length ? `, first ${entries.length} shown` : '')));
  for (const entry of entries) {
    const answers = [...entry.codes, ...entry.tokens].join(', ');
    const details = h('details', { class: 'card', dataset: { testid: 'kb-entry', id: entry.id } },
      h('summary', {}, h('strong', {}, entry.title), ' ', h('span', { class: 'muted mono' }, `${entry.id} · ${entry.category}`)),
      facts([['Provider', entry.provider], ['Answers to', answers]]),
      ...entryDetails(entry));
    out.append(details);
  }
}

export function mount(root, md) {
  const kb = md.kbEntries();
  const index = kb.entries.map((entry) => ({
    entry,
    keys: new Set([...entry.codes, ...entry.tokens, entry.id].map((s) => s.toLowerCase())),
    haystack: [entry.id, entry.provider, entry.title, entry.category, entry.meaning,
               ...entry.codes, ...entry.tokens, ...entry.patterns, ...entry.who_acts].join('\n').toLowerCase(),
  }));

  const provider = root.querySelector('#kb-provider');
  for (const p of kb.providers) provider.append(h('option', { value: p.id === 'generic' ? '' : p.id },
    p.id === 'generic' ? 'Detect from the text' : p.name));

  const line = root.querySelector('#kb-line');
  const diagnosis = root.querySelector('#kb-diagnosis');
  const diagnose = () => {
    let result;
    try {
      result = md.explain(line.value, { provider: provider.value });
    } catch (err) {
      result = { error: err.message };
    }
    renderDiagnosis(diagnosis, result);
  };
  line.addEventListener('input', debounce(diagnose));
  provider.addEventListener('change', diagnose);
  diagnose();

  const query = root.querySelector('#kb-search');
  const results = root.querySelector('#kb-results');
  const update = () => {
    const found = search(index, query.value);
    renderResults(results, found.slice(0, SEARCH_LIMIT), found.length);
  };
  query.addEventListener('input', debounce(update));
  root.querySelector('#kb-count').textContent = `${kb.entries.length} entries`;
  update();
}
