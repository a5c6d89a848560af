// Bounce decoding in the JavaScript API: md.ndr(input) takes a whole message, an mbox, or text
// pasted from a mail client, as a string or as bytes (Uint8Array / ArrayBuffer: use bytes for
// files, so that 8-bit charsets such as Shift_JIS reach the decoder unchanged).
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function ndrApi(module, parse, maxInputLength) {
  const refuse = (length) => {
    throw new RangeError(`maildiag: input of length ${length} is over the limit of ${maxInputLength}`);
  };
  return {
    /** Decodes bounces: `{ messages: [{ source, kind, format, ..., recipients: [...] }] }`. */
    ndr: (input, { source = '' } = {}) => {
      if (typeof input === 'string' && input.length > maxInputLength) refuse(input.length);
      const bytes = input instanceof ArrayBuffer ? new Uint8Array(input)
        : ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
        : encoder.encode(String(input));
      if (bytes.length > maxInputLength) refuse(bytes.length);
      // The bytes go into the module's memory in one copy, and the JSON comes back as a view of
      // it, decoded at once (see bindings/wasm/ndr.cpp).
      const at = module._malloc(Math.max(bytes.length, 1));
      if (!at) throw new RangeError(`maildiag: no memory left for an input of length ${bytes.length}`);
      try {
        module.HEAPU8.set(bytes, at);
        return parse(decoder.decode(module.ndr(at, bytes.length, String(source))));
      } finally {
        module._free(at);
      }
    },
  };
}
