// DMARC, DKIM and the whole-domain audit in the JS package. Record checks are synchronous; calls
// that need DNS are async: they run the module's sans-IO evaluators and answer the questions the
// evaluators return (`pending`) with `resolve`, until no question is left.
//
// `resolve(questions)` receives [{name, type}] and returns (or resolves to) the answers as
// [{name, type, kind, records, error}] (kind: records, nodata, nxdomain, timeout or error), the
// format of maildiag's DNS JSON.

const MAX_ROUNDS = 64;

export function authApi(module, parse) {
  async function drive(step, resolve) {
    const answers = [];
    for (let round = 0; round < MAX_ROUNDS; ++round) {
      const result = parse(step(JSON.stringify(answers)));
      if (!Array.isArray(result.pending) || result.pending.length === 0) return result;
      if (typeof resolve !== 'function') throw new Error('maildiag: this call needs DNS: pass { resolve }');
      const got = await resolve(result.pending);
      if (!Array.isArray(got) || got.length === 0) throw new Error('maildiag: resolve() gave no answers');
      answers.push(...got);
    }
    throw new Error('maildiag: DNS evaluation did not finish');
  }
  const list = (values) => JSON.stringify((values || []).map(String));

  return {
    /** Validates a DMARC record (offline): tags with spans, policies, report URIs, findings. */
    dmarcCheck: (record) => parse(module.dmarcCheck(String(record))),
    /** DMARC verdict for a message: `{from, spf: 'domain:result', dkim: ['domain:result']}`. */
    dmarcEvaluate: ({ from, spf = '', dkim = [] }, { resolve } = {}) =>
      drive((answers) => module.dmarcEvaluate(String(from), String(spf || ''), list(dkim), answers), resolve),
    /** Which DMARC record applies to a domain (RFC 9989 tree walk and RFC 7489 PSL), with findings. */
    dmarcAudit: (domain, { resolve } = {}) =>
      drive((answers) => module.dmarcAudit(String(domain), answers), resolve),
    /** Validates a DKIM key record (offline): key type, size, findings. */
    dkimCheck: (record) => parse(module.dkimCheck(String(record))),
    /** Checks DKIM selectors of a domain (none given: the common ones, Microsoft 365's first). */
    dkimAudit: (domain, { selectors = [], resolve } = {}) =>
      drive((answers) => module.dkimAudit(String(domain), list(selectors), answers), resolve),
    /** The whole-domain mail audit: MX, SPF, DMARC, DKIM, MTA-STS, TLS-RPT, by severity. */
    domainAudit: (domain, { selectors = [], resolve } = {}) =>
      drive((answers) => module.domainAudit(String(domain), list(selectors), answers), resolve),
  };
}
