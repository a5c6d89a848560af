// SPF in the JS package: record validation is synchronous; check_host() and the audit are async
// and run the module's sans-IO steps, answering the `pending` questions with `resolve` (for
// example dohResolver() from doh.mjs) until none is left.

const MAX_ROUNDS = 256;

async function drive(step, resolve, answers = []) {
  const given = [...answers];
  for (let round = 0; round < MAX_ROUNDS; ++round) {
    const result = step(JSON.stringify(given));
    if (!Array.isArray(result.pending) || result.pending.length === 0) return result;
    if (typeof resolve !== 'function') throw new Error('maildiag: this call needs DNS: pass { resolve }');
    const got = await resolve(result.pending);
    if (!Array.isArray(got) || got.length === 0) throw new Error('maildiag: resolve() gave no answers');
    given.push(...got);
  }
  throw new Error('maildiag: DNS evaluation did not finish');
}

export function spfApi(module, parse) {
  return {
    /** Validates an SPF record offline: terms with spans, findings with codes, spans and fixes. */
    spfCheck: (record) => parse(module.spfCheck(String(record))),
    /**
     * RFC 7208 check_host(): `{ip, mailFrom, helo, timestamp}` (`timestamp`, for %{t}: seconds
     * since the epoch, now by default). `answers` pre-seeds DNS ("what if": give the
     * TXT record of a domain before publishing it).
     */
    spfEvaluate: ({ ip, mailFrom = '', helo = '', timestamp = Math.floor(Date.now() / 1000) },
                  { resolve, answers = [] } = {}) =>
      drive((given) => parse(module.spfEvaluate(String(ip), String(mailFrom), String(helo), given,
                                                Number(timestamp))), resolve, answers),
    /** The include/redirect tree of a domain with the lookup cost of each branch and fixes. */
    spfAudit: (domain, { resolve, answers = [] } = {}) =>
      drive((given) => parse(module.spfAudit(String(domain), given)), resolve, answers),
  };
}
