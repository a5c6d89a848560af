// The maildiag JavaScript API over the WebAssembly module. Each call returns plain objects with the
// same fields as the CLI's --json output and the C API's JSON.
import createMaildiagModule from './maildiag.mjs';
import { authApi } from './auth.mjs';
import { ndrApi } from './ndr.mjs';
import { spfApi } from './spf.mjs';

export { dohResolver, DEFAULT_DOH_ENDPOINT } from './doh.mjs';

function parse(json) {
  const value = JSON.parse(json);
  if (value && typeof value === 'object' && !Array.isArray(value) && typeof value.error === 'string' &&
      Object.keys(value).length === 1) {
    throw new Error(`maildiag: ${value.error}`);
  }
  return value;
}

/** Wraps an instantiated module in the public API. */
export function wrap(module) {
  return {
    module,
    /** The library's version, "major.minor.patch". */
    version: () => module.version(),
    /** Finds the SMTP reply and enhanced status codes in `text` and explains them. */
    explain: (text, { provider = '' } = {}) => parse(module.explain(String(text), String(provider))),
    /** The whole knowledge base: `{ providers: [{id, name}], entries: [KbEntry] }`. */
    kbEntries: () => parse(module.kbEntries()),
    ...authApi(module, parse),
    ...ndrApi(module, parse),
    ...spfApi(module, parse),
  };
}

/** Loads the module (in the browser the .wasm is fetched next to this file). */
export async function load(moduleOptions = {}) {
  return wrap(await createMaildiagModule(moduleOptions));
}
