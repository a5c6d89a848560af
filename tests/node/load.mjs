// Loads the built WebAssembly package through its Node entry point, as users do.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

export async function loadMaildiag() {
  const pkg = process.env.MAILDIAG_WASM_PKG;
  if (!pkg) throw new Error('MAILDIAG_WASM_PKG is not set: run this test through ctest');
  const { load } = await import(pathToFileURL(join(pkg, 'node.mjs')).href);
  return load();
}
