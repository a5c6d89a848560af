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
  /** The sending server will not retry: the class of the code the server sent (the reply
   * code's first digit, else the enhanced code's). */
  permanent: boolean | null;
  codes: CodeInText[];
  /** The provider given or detected ("outlook-com", "microsoft", "google", ...). */
  provider: string | null;
  provider_source: 'none' | 'hint' | 'text' | 'report';
  /** The knowledge-base entry that best explains the text; `permanent` and `retry` resolved for
   * it (`retry` is null where the entry's advice contradicts the class of the code sent). */
  entry: (Omit<KbEntry, 'permanent' | 'retry'> & { permanent: boolean; retry: string | null }) | null;
  match: { specificity: KbSpecificity; span: [number, number] | null } | null;
  /** The entry's bounce reason: the same vocabulary as a bounced recipient's `reason`. */
  reason: Reason | null;
  confidence: Confidence | null;
  /** What the class of the code means for retrying, for people. */
  retry: string | null;
  /** The facts that chose the entry, strongest first, with byte spans into the input. */
  evidence: Evidence[];
  alternatives: Alternative[];
  /** Provider tokens, known wordings and provider markers found in the text. */
  text_matches: {
    kind: 'token' | 'pattern' | 'provider_marker';
    text: string;
    span: [number, number];
    entry: string | null;
    provider: string | null;
  }[];
}

export type KbSpecificity =
  | 'provider_text' | 'provider_code' | 'reason_wording' | 'registry_code' | 'report_context'
  | 'class_fallback';
export type Confidence = 'high' | 'medium' | 'low';
/** The shared bounce-reason vocabulary (docs/bounce-reasons.md). */
export type Reason =
  | 'undefined' | 'userunknown' | 'hostunknown' | 'hasmoved' | 'suspend' | 'mailboxfull'
  | 'systemfull' | 'mailererror' | 'emailtoolarge' | 'rejected' | 'blocked' | 'authfailure'
  | 'badreputation' | 'requireptr' | 'notcompliantrfc' | 'policyviolation' | 'securityerror'
  | 'norelaying' | 'filtered' | 'contenterror' | 'spamdetected' | 'virusdetected' | 'expired'
  | 'networkerror' | 'notaccept' | 'systemerror' | 'ratelimited' | 'syntaxerror'
  | 'failedstarttls' | 'suppressed' | 'feedback' | 'vacation' | 'delivered' | 'onhold';
export interface Evidence {
  kind: 'status' | 'reply_code' | 'provider' | 'token' | 'wording' | 'command' | 'report' | 'conflict';
  text: string;
  span: [number, number] | null;
}
export interface Alternative {
  id: string;
  title: string;
  category: KbCategory;
  reason: Reason;
  specificity: KbSpecificity;
  /** Wording the codes given do not allow: shown, never chosen. */
  conflicts_with_codes: boolean;
}
export type KbCategory =
  | 'recipient-address' | 'mailbox-state' | 'mailbox-capacity' | 'throttling' | 'sending-limit'
  | 'account-banned' | 'spf' | 'dkim' | 'dmarc' | 'reputation' | 'recipient-restriction'
  | 'content-policy' | 'message-format' | 'relay-connector' | 'submission-auth' | 'dns' | 'network'
  | 'tls' | 'routing-loop' | 'message-size' | 'expired' | 'tenant-config' | 'protocol'
  | 'remote-system';
export type KbParty = 'sender' | 'sender-admin' | 'recipient' | 'recipient-admin' | 'provider';

export interface KbEntry {
  id: string;
  provider: string;
  title: string;
  category: KbCategory;
  /** The bounce reason the entry stands for. */
  reason: Reason;
  /** true/false where the entry overrides the class digit, null where it follows it. */
  permanent: boolean | null;
  who_acts: KbParty[];
  meaning: string;
  causes: string[];
  fixes: string[];
  retry: string;
  references: string[];
  codes: string[];
  tokens: string[];
  patterns: string[];
}

export interface KnowledgeBase {
  providers: { id: string; name: string }[];
  entries: KbEntry[];
}

export interface ExplainOptions {
  /** The provider that produced the text, when the caller knows it (e.g. "microsoft"). */
  provider?: string;
}

import type { AuthApi } from './auth.js';
import type { NdrApi } from './ndr.js';
import type { SpfApi } from './spf.js';
export * from './auth.js';
export * from './ndr.js';
export * from './spf.js';

/** A domain argument as every face checks it; `note` is set when an address's domain was taken. */
export interface CheckedDomain {
  domain: string | null;
  error: string | null;
  note: string | null;
}

export interface Maildiag extends AuthApi, SpfApi, NdrApi {
  /** The instantiated Emscripten module, for advanced use. */
  module: unknown;
  version(): string;
  /** Checks what was typed where a domain is expected (the calls that take a domain check it too). */
  checkDomain(text: string): CheckedDomain;
  explain(text: string, options?: ExplainOptions): Explanation;
  /** Every knowledge-base entry, for browsing and search. */
  kbEntries(): KnowledgeBase;
}

export interface ModuleOptions {
  /** The .wasm bytes; the Node entry point supplies them itself. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where to fetch maildiag.wasm from, in the browser. */
  locateFile?: (path: string, prefix: string) => string;
}

/** Inputs longer than this (characters, or bytes for binary input) are refused with a RangeError. */
export const MAX_INPUT_LENGTH: number;
export function load(options?: ModuleOptions): Promise<Maildiag>;
export function wrap(module: unknown): Maildiag;
