// What the panels that look domains up share. The domain typed into a form is checked by the
// module the way every face checks it: an error stops the lookup, and when an email address was
// typed its domain is used and the page says so. A result DNS could not be asked for shows its
// one finding under a verdict that says nothing was checked.
import { h } from './dom.js';
import { findingCard } from './annotate.js';

/** `{domain, notice}`: the domain to look up (null when rejected) and the message to show, if any. */
export function checkedDomain(md, text) {
  const checked = md.checkDomain(text);
  if (checked.error) {
    return { domain: null, notice: h('p', { class: 'severity-error', dataset: { testid: 'input-error' } }, checked.error) };
  }
  const notice = checked.note ? h('p', { class: 'muted', dataset: { testid: 'input-note' } }, checked.note) : null;
  return { domain: checked.domain, notice };
}

/** The verdict line of a result DNS could not be asked for: nothing about the domain was checked. */
export function outageVerdict(domain, testid) {
  return h('p', { class: 'verdict permanent', dataset: { testid } },
    `Could not reach DNS: nothing about ${domain} was checked.`);
}

/** What to show for an audit DNS could not be asked for (its one finding), or null when DNS answered. */
export function outageView(audit, notice, testid) {
  if (!audit.dns_outage) return null;
  return [notice ?? '', outageVerdict(audit.domain, testid), ...audit.findings.map(findingCard)];
}
