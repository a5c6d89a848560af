// Bounce decoding in the JavaScript API: md.ndr(input) takes a whole message, an mbox, or text
// pasted from a mail client, as a string or as bytes (Uint8Array / ArrayBuffer: use bytes for
// files, so that 8-bit charsets such as Shift_JIS reach the decoder unchanged).
export function ndrApi(module, parse) {
  return {
    /** Decodes bounces: `{ messages: [{ source, kind, format, ..., recipients: [...] }] }`. */
    ndr: (input, { source = '' } = {}) => {
      const data = input instanceof ArrayBuffer ? new Uint8Array(input)
        : ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
        : String(input);
      return parse(module.ndr(data, String(source)));
    },
  };
}
