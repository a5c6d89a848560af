// Node entry point: reads the .wasm bytes from the package folder (Emscripten 3.1.6's own loader
// cannot fetch file: URLs) and hands them to the module.
import { readFile } from 'node:fs/promises';
import { load as loadWith } from './index.mjs';

export { wrap, MAX_INPUT_LENGTH, dohResolver, DEFAULT_DOH_ENDPOINT } from './index.mjs';

export async function load(moduleOptions = {}) {
  const wasmBinary = await readFile(new URL('./maildiag.wasm', import.meta.url));
  return loadWith({ wasmBinary, ...moduleOptions });
}
