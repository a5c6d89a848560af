// Type declarations for the maildiag WebAssembly package (hand-written: Emscripten 3.1.6 has no
// declaration generator). Field names match the CLI's --json output.

export type StatusClass = 'success' | 'transient' | 'permanent';

export interface CodeInText {
  kind: 'reply_code' | 'enhanced_status';
  code: string;
  /** Byte offsets [begin, end) in the UTF-8 input. */
  span: [number, number];
}

export interface Explanation {
  input: string;
  found: boolean;
  reply_code: number | null;
  status: string | null;
  class: StatusClass | null;
  class_meaning: string | null;
  subject: string | null;
  permanent: boolean | null;
  codes: CodeInText[];
}

export interface ExplainOptions {
  /** The provider that produced the text, when the caller knows it (e.g. "microsoft"). */
  provider?: string;
}

export interface Maildiag {
  /** The instantiated Emscripten module, for advanced use. */
  module: unknown;
  version(): string;
  explain(text: string, options?: ExplainOptions): Explanation;
}

export interface ModuleOptions {
  /** The .wasm bytes; the Node entry point supplies them itself. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where to fetch maildiag.wasm from, in the browser. */
  locateFile?: (path: string, prefix: string) => string;
}

export function load(options?: ModuleOptions): Promise<Maildiag>;
export function wrap(module: unknown): Maildiag;
