// Bounce decoding throughput of the WebAssembly build: every sample of the shared NDR corpus
// through md.ndr() (decode, serialise to JSON, JSON.parse: what a JavaScript caller pays),
// repeated until at least 100 MB have been decoded. Prints messages/s and MB/s, and the ratio to
// a native figure when one is given (bench_ndr ... --json measures the same work natively).
//
// Usage: MAILDIAG_WASM_PKG=<built package folder> node bench/wasm_ndr_bench.mjs
//          [CORPUS_DIR] [MIN_MB] [--native MESSAGES_PER_S]
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
let nativeRate = 0;
const nativeAt = args.indexOf('--native');
if (nativeAt >= 0) {
  nativeRate = Number(args[nativeAt + 1]);
  args.splice(nativeAt, 2);
}
const here = dirname(fileURLToPath(import.meta.url));
const corpus = args[0] ?? join(here, '..', '..', 'shared', 'corpus', 'ndr');
const minMb = Number(args[1] ?? 100);

const pkg = process.env.MAILDIAG_WASM_PKG;
if (!pkg) {
  console.error('wasm_ndr_bench: set MAILDIAG_WASM_PKG to the built package folder');
  process.exit(2);
}
const { load } = await import(pathToFileURL(join(pkg, 'node.mjs')).href);
const md = await load();

const samplesDir = join(corpus, 'samples');
const samples = readdirSync(samplesDir)
  .filter((name) => name.endsWith('.eml'))
  .sort()
  .map((name) => new Uint8Array(readFileSync(join(samplesDir, name))));
if (samples.length === 0) {
  console.log(`wasm_ndr_bench: no samples under ${samplesDir}`);
  process.exit(0);
}

// Warm up (first-use tables, JIT) and count the messages: a sample may be an mbox.
let messagesPerRound = 0;
let bytesPerRound = 0;
for (const s of samples) {
  messagesPerRound += md.ndr(s).messages.length;
  bytesPerRound += s.length;
}

const rounds = Math.floor((minMb * 1e6) / bytesPerRound) + 1;
let recipients = 0;
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
for (let round = 0; round < rounds; ++round) {
  for (const s of samples) {
    for (const m of md.ndr(s).messages) recipients += m.recipients.length;
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const messages = messagesPerRound * rounds;
const mb = (bytesPerRound * rounds) / 1e6;

console.log(`wasm ndr (md.ndr, JSON included): ${messages} messages (${samples.length} files x ` +
            `${rounds} rounds), ${mb.toFixed(1)} MB, ${recipients} recipients`);
console.log(`  wall ${seconds.toFixed(3)} s: ${(messages / seconds).toFixed(0)} messages/s, ` +
            `${(mb / seconds).toFixed(1)} MB/s`);
const cpuRate = messages / cpuSeconds;
console.log(`  cpu  ${cpuSeconds.toFixed(3)} s: ${cpuRate.toFixed(0)} messages/s, ` +
            `${(mb / cpuSeconds).toFixed(1)} MB/s`);
if (nativeRate > 0) {
  console.log(`  native ${nativeRate.toFixed(0)} messages/s: native is ` +
              `${(nativeRate / cpuRate).toFixed(2)}x the WebAssembly speed (target: at most 3x)`);
}
