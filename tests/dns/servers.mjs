// For the Node and browser tests: makes sure the loopback DNS servers of tests/dns/servers are
// up and stops them when the last test process using them is done. The ports are fixed, so test
// files running in parallel share one set of servers: each registers its process id in a shared
// folder, and the last one to leave stops them. Servers started by the CTest fixture are reused
// and left alone.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = join(dirname(fileURLToPath(import.meta.url)), 'servers');
export const DOH_DIRECT = 'http://127.0.0.1:8053/dns-query';
export const DOH_CORS = 'http://127.0.0.1:8054/dns-query';

const shared = join(tmpdir(), 'maildiag-dns-servers');
const users = join(shared, 'users');
const env = { ...process.env, PATH: `/usr/sbin:/usr/bin:${process.env.PATH || ''}` };

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

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function liveUsers() {
  if (!existsSync(users)) return [];
  return readdirSync(users).map(Number).filter((pid) => {
    if (alive(pid)) return true;
    rmSync(join(users, String(pid)), { force: true });
    return false;
  });
}

export async function startDnsServers() {
  if (await running() && !existsSync(join(shared, 'ours'))) return { stop() {} };  // the CTest fixture's
  mkdirSync(users, { recursive: true });
  writeFileSync(join(users, String(process.pid)), '');
  if (!(await running())) {
    const started = spawnSync(script, ['start', shared], { encoding: 'utf8', env });
    if (started.status !== 0) throw new Error(`cannot start the DNS servers: ${started.stderr}`);
    writeFileSync(join(shared, 'ours'), '');
  }
  return {
    stop() {
      rmSync(join(users, String(process.pid)), { force: true });
      if (liveUsers().length > 0) return;
      spawnSync(script, ['stop', shared], { env });
      rmSync(shared, { recursive: true, force: true });
    },
  };
}
