// DNS over HTTPS (RFC 8484) for the browser and Node: the host that answers the questions
// maildiag's sans-IO evaluators return. Queries are built and answers read here in the DNS wire
// format (RFC 1035 section 4); the answers are handed to the module as maildiag's DNS JSON
// ({name, type, kind, records, error}), which the module bounds-checks again.

export const DEFAULT_DOH_ENDPOINT = 'https://cloudflare-dns.com/dns-query';

const TYPES = { A: 1, CNAME: 5, PTR: 12, MX: 15, TXT: 16, AAAA: 28, SPF: 99 };
const TYPE_NAMES = Object.fromEntries(Object.entries(TYPES).map(([k, v]) => [v, k]));
const MAX_MESSAGE = 65535;

/** The query message for one question (id 0, recursion desired, class IN), as RFC 8484 asks. */
export function buildQuery(name, type) {
  const code = typeof type === 'number' ? type : TYPES[String(type).toUpperCase()];
  if (!code) throw new Error(`maildiag doh: unsupported type ${type}`);
  const labels = String(name).replace(/\.$/, '').split('.').filter((l) => l.length);
  const bytes = [0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0];
  for (const label of labels) {
    const encoded = new TextEncoder().encode(label);
    if (encoded.length > 63) throw new Error('maildiag doh: label longer than 63 bytes');
    bytes.push(encoded.length, ...encoded);
  }
  bytes.push(0, code >> 8, code & 0xff, 0, 1);
  return new Uint8Array(bytes);
}

function readName(view, start) {
  const labels = [];
  let pos = start;
  let end = -1;
  for (let jumps = 0; ; ) {
    if (pos >= view.length) throw new Error('truncated name');
    const len = view[pos];
    if ((len & 0xc0) === 0xc0) {
      if (pos + 1 >= view.length || ++jumps > 64) throw new Error('bad compression pointer');
      if (end < 0) end = pos + 2;
      pos = ((len & 0x3f) << 8) | view[pos + 1];
      continue;
    }
    if (len & 0xc0) throw new Error('bad label');
    if (len === 0) {
      if (end < 0) end = pos + 1;
      break;
    }
    if (pos + 1 + len > view.length) throw new Error('truncated label');
    labels.push(String.fromCharCode(...view.subarray(pos + 1, pos + 1 + len)));
    pos += 1 + len;
    if (labels.join('.').length > 255) throw new Error('name too long');
  }
  return { name: labels.join('.').toLowerCase(), end };
}

function ipv6(bytes) {
  const groups = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] << 8) | bytes[i + 1]).toString(16));
  return groups.join(':');
}

/** Reads a response into maildiag's answer JSON for the question (name, type). */
export function parseResponse(message, name, type) {
  const view = message instanceof Uint8Array ? message : new Uint8Array(message);
  const answer = { name, type, kind: 'error', records: [] };
  try {
    if (view.length < 12 || view.length > MAX_MESSAGE) throw new Error('bad message size');
    const flags = (view[2] << 8) | view[3];
    const rcode = flags & 0xf;
    if (flags & 0x0200) return { ...answer, error: 'truncated DNS answer' };
    if (rcode === 3) return { ...answer, kind: 'nxdomain' };
    if (rcode !== 0) return { ...answer, error: rcode === 2 ? 'SERVFAIL' : `DNS error code ${rcode}` };
    const qd = (view[4] << 8) | view[5];
    const an = (view[6] << 8) | view[7];
    let pos = 12;
    for (let i = 0; i < qd; ++i) pos = readName(view, pos).end + 4;
    const wanted = TYPES[type];
    for (let i = 0; i < an; ++i) {
      pos = readName(view, pos).end;
      if (pos + 10 > view.length) throw new Error('truncated record');
      const rtype = (view[pos] << 8) | view[pos + 1];
      const rdlength = (view[pos + 8] << 8) | view[pos + 9];
      const rdata = pos + 10;
      const end = rdata + rdlength;
      if (end > view.length) throw new Error('truncated rdata');
      pos = end;
      if (rtype !== wanted) continue;
      const record = { type };
      if (rtype === 16 || rtype === 99) {
        const parts = [];
        for (let p = rdata; p < end; ) {
          const len = view[p];
          if (p + 1 + len > end) throw new Error('truncated TXT string');
          parts.push(new TextDecoder('latin1').decode(view.subarray(p + 1, p + 1 + len)));
          p += 1 + len;
        }
        record.data = parts;
      } else if (rtype === 1) {
        if (rdlength !== 4) throw new Error('bad A record');
        record.data = Array.from(view.subarray(rdata, end)).join('.');
      } else if (rtype === 28) {
        if (rdlength !== 16) throw new Error('bad AAAA record');
        record.data = ipv6(view.subarray(rdata, end));
      } else if (rtype === 15) {
        record.preference = (view[rdata] << 8) | view[rdata + 1];
        record.exchange = readName(view, rdata + 2).name;
      } else {
        record.data = readName(view, rdata).name;
      }
      answer.records.push(record);
    }
    return { ...answer, kind: answer.records.length ? 'records' : 'nodata' };
  } catch (e) {
    return { ...answer, kind: 'error', records: [], error: `malformed DNS answer: ${e.message}` };
  }
}

function base64url(bytes) {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * A `resolve(questions)` function for maildiag's DNS-driven calls, asking a DoH endpoint.
 * Options: endpoint (default Cloudflare's public resolver), method 'POST' or 'GET',
 * timeoutMs per question, fetch (an implementation of the Fetch API).
 */
export function dohResolver({ endpoint = DEFAULT_DOH_ENDPOINT, method = 'POST', timeoutMs = 5000,
                              fetch: fetchImpl = globalThis.fetch } = {}) {
  if (typeof fetchImpl !== 'function') throw new Error('maildiag doh: no fetch() available');
  async function one({ name, type }) {
    const query = buildQuery(name, type);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const init = { signal: controller.signal, headers: { accept: 'application/dns-message' } };
      let url = endpoint;
      if (method === 'GET') {
        url += (endpoint.includes('?') ? '&' : '?') + 'dns=' + base64url(query);
      } else {
        init.method = 'POST';
        init.headers['content-type'] = 'application/dns-message';
        init.body = query;
      }
      const response = await fetchImpl(url, init);
      if (!response.ok) {
        // Resolvers answer a query that timed out upstream with a gateway error.
        const kind = response.status === 502 || response.status === 504 ? 'timeout' : 'error';
        return { name, type, kind, records: [], error: `DoH HTTP ${response.status}` };
      }
      const body = new Uint8Array(await response.arrayBuffer());
      return parseResponse(body, name, type);
    } catch (e) {
      const timedOut = e && e.name === 'AbortError';
      return { name, type, kind: timedOut ? 'timeout' : 'error', records: [],
               error: timedOut ? `no DoH answer within ${timeoutMs} ms` : `DoH request failed: ${e.message}` };
    } finally {
      clearTimeout(timer);
    }
  }
  return (questions) => Promise.all(questions.map(one));
}
