// Small DOM helpers shared by the panels. Text always goes in through textContent: inputs are
// hostile by nature here (bounces, pasted records), so nothing is ever parsed as HTML.

/** Creates an element with attributes and children (strings become text nodes). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** A definition list from [term, value] pairs, skipping empty values. */
export function facts(pairs) {
  return h('dl', { class: 'facts' },
    pairs.filter(([, v]) => v !== undefined && v !== null && v !== '')
      .flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

/** Calls fn at most once per `ms` of quiet: keeps search-as-you-type cheap. */
export function debounce(fn, ms = 80) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
