// Types of the SPF calls (spf.mjs) and the DoH host (doh.mjs). Field names match the CLI's --json.
import type { DnsAnswer, DnsOutage, DnsQuestion, Finding, Resolve } from './auth.js';

export type SpfResult = 'none' | 'neutral' | 'pass' | 'fail' | 'softfail' | 'temperror' | 'permerror';

export interface SpfTerm {
  text: string;
  span: [number, number];
  kind: 'mechanism' | 'modifier';
  name: string;
  qualifier?: '+' | '-' | '~' | '?';
  value: string | null;
  value_span: [number, number] | null;
  cidr4: number | null;
  cidr6: number | null;
  provider: { name: string; note: string } | null;
}

export interface SpfCheck {
  record: string;
  valid: boolean;
  dns_lookups: number;
  terms: SpfTerm[];
  findings: Finding[];
}

export interface SpfTraceEntry {
  name: string;
  type: string;
  kind: DnsAnswer['kind'];
  records: unknown[];
  error: string | null;
  domain: string;
  cause: string;
  depth: number;
}

export interface SpfEvaluation {
  result: SpfResult;
  done: boolean;
  domain: string;
  sender: string;
  explanation: string | null;
  matched_term: string | null;
  matched_domain: string | null;
  matched_chain: string[];
  reason: string;
  dns_lookups: number;
  void_lookups: number;
  dns_outage: DnsOutage | null;
  trace: SpfTraceEntry[];
  pending: DnsQuestion[];
}

export interface SpfAuditNode {
  domain: string;
  via: string | null;
  status: string;
  record: string | null;
  provider: string | null;
  own_lookups: number;
  branch_lookups: number;
  void_lookups: number;
  findings: Finding[];
  children: SpfAuditNode[];
}

export interface SpfAudit {
  domain: string;
  done: boolean;
  total_lookups: number;
  lookup_limit: number;
  over_limit: boolean;
  over_limit_term: string | null;
  over_limit_branch: string | null;
  void_lookups: number;
  dns_outage: DnsOutage | null;
  tree: SpfAuditNode | null;
  findings: Finding[];
  pending: DnsQuestion[];
}

export interface SpfDnsOptions {
  resolve?: Resolve;
  /** Answers known in advance ("what if"): they win over the resolver. */
  answers?: DnsAnswer[];
}

export interface SpfApi {
  spfCheck(record: string): SpfCheck;
  spfEvaluate(request: { ip: string; mailFrom?: string; helo?: string; timestamp?: number }, options?: SpfDnsOptions): Promise<SpfEvaluation>;
  spfAudit(domain: string, options?: SpfDnsOptions): Promise<SpfAudit>;
}

export const DEFAULT_DOH_ENDPOINT: string;
export interface DohOptions {
  endpoint?: string;
  method?: 'POST' | 'GET';
  timeoutMs?: number;
  fetch?: typeof fetch;
}
/** A Resolve function asking a DNS-over-HTTPS endpoint (RFC 8484). */
export function dohResolver(options?: DohOptions): Resolve;
