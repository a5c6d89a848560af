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

/** Inputs longer than this (characters, or bytes for binary input) are refused before they reach
 * the module: copying them in could exhaust its memory. The core's own limits (32 MiB per
 * message) are far below it. */
export const MAX_INPUT_LENGTH = 64 * 1024 * 1024;

// The module is built without C++ exception support (it would cost a tenth of the bundle): the
// core does not throw on any input, and is fuzzed for it. Should a bug abort the module anyway,
// every later call would fail with an opaque RuntimeError; this turns that into a clear Error.
function guard(module) {
  let stopped = null;
  return new Proxy(module, {
    get(target, property) {
      const value = target[property];
      if (typeof value !== 'function') return value;
      return (...args) => {
        if (stopped) throw new Error(`maildiag: the module stopped after an internal error (${stopped}); load() a new one`);
        for (const arg of args) {
          const size = typeof arg === 'string' ? arg.length : arg?.byteLength;
          if (size > MAX_INPUT_LENGTH) throw new RangeError(`maildiag: input of length ${size} is over the limit of ${MAX_INPUT_LENGTH}`);
        }
        try {
          return value.apply(target, args);
        } catch (err) {
          if (!(err instanceof WebAssembly.RuntimeError)) throw err;
          stopped = err.message;
          throw new Error(`maildiag: internal error (${err.message}); load() a new module`);
        }
      };
    },
  });
}

/** Wraps an instantiated module in the public API. */
export function wrap(rawModule) {
  const module = guard(rawModule);
  return {
    module,
    /** The library's version, "major.minor.patch". */
    version: () => module.version(),
    /** Checks what was typed where a domain is expected: `{domain, error, note}`. */
    checkDomain: (text) => JSON.parse(module.checkDomain(String(text))),
    /** Finds the SMTP reply and enhanced status codes in `text` and explains them. */
    explain: (text, { provider = '' } = {}) => parse(module.explain(String(text), String(provider))),
    /** The whole knowledge base: `{ providers: [{id, name}], entries: [KbEntry] }`. */
    kbEntries: () => parse(module.kbEntries()),
    ...authApi(module, parse),
    ...ndrApi(module, parse, MAX_INPUT_LENGTH),
    ...spfApi(module, parse),
  };
}

/** Loads the module (in the browser the .wasm is fetched next to this file). */
export async function load(moduleOptions = {}) {
  return wrap(await createMaildiagModule(moduleOptions));
}
