// Prints the size of the WebAssembly package (JS glue + .wasm), raw and gzipped; with
// --max-kb N it fails when the gzipped total exceeds N KiB.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [dir, flag, limit] = process.argv.slice(2);
let raw = 0;
let gz = 0;
for (const name of readdirSync(dir)) {
  if (!/\.(m?js|wasm)$/.test(name)) continue;
  const bytes = readFileSync(join(dir, name));
  const zipped = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += zipped;
  console.log(`${name.padEnd(16)} ${(bytes.length / 1024).toFixed(1).padStart(8)} KiB  gzip ${(zipped / 1024).toFixed(1).padStart(7)} KiB`);
}
console.log(`${'total'.padEnd(16)} ${(raw / 1024).toFixed(1).padStart(8)} KiB  gzip ${(gz / 1024).toFixed(1).padStart(7)} KiB`);
if (flag === '--max-kb' && gz / 1024 > Number(limit)) {
  console.error(`the WebAssembly bundle is ${(gz / 1024).toFixed(1)} KiB gzipped, over the ${limit} KiB budget`);
  process.exit(1);
}
