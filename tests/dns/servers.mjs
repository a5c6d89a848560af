// For the Node and browser tests: makes sure the loopback DNS servers of tests/dns/servers are
// up (reusing them when a fixture already started them) and stops the ones it started.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = join(dirname(fileURLToPath(import.meta.url)), 'servers');
export const DOH_DIRECT = 'http://127.0.0.1:8053/dns-query';
export const DOH_CORS = 'http://127.0.0.1:8054/dns-query';

async function running() {
  try {
    // example.test TXT, RFC 8484 GET.
    const r = await fetch(`${DOH_CORS}?dns=AAABAAABAAAAAAAAB2V4YW1wbGUEdGVzdAAAEAAB`,
                          { headers: { accept: 'application/dns-message' } });
    return r.ok;
  } catch {
    return false;
  }
}

export async function startDnsServers() {
  if (await running()) return { stop() {} };
  const run = mkdtempSync(join(tmpdir(), 'maildiag-dns-'));
  const env = { ...process.env, PATH: `/usr/sbin:/usr/bin:${process.env.PATH || ''}` };
  const started = spawnSync(script, ['start', run], { encoding: 'utf8', env });
  if (started.status !== 0) throw new Error(`cannot start the DNS servers: ${started.stderr}`);
  return {
    stop() {
      spawnSync(script, ['stop', run], { env });
      rmSync(run, { recursive: true, force: true });
    },
  };
}
