// Types of the DMARC, DKIM and domain-audit calls (auth.mjs). Field names match the CLI's --json.

export type Severity = 'info' | 'warning' | 'error';
export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  /** Byte offsets [begin, end) in the UTF-8 record; [0, 0] when about the whole input. */
  span: [number, number];
  fix: string;
}
export type Policy = 'none' | 'quarantine' | 'reject';

export interface DnsQuestion { name: string; type: string }
export interface DnsAnswer {
  name: string;
  type: string;
  kind: 'records' | 'nodata' | 'nxdomain' | 'timeout' | 'error';
  records?: unknown[];
  error?: string;
}
/** Answers DNS questions, e.g. over DNS-over-HTTPS. */
/** Set when no DNS question got an answer: the resolver failed, and nothing was checked. */
export interface DnsOutage {
  kind: 'timeout' | 'error';
  error: string;
  failed_questions: number;
}
export type Resolve = (questions: DnsQuestion[]) => DnsAnswer[] | Promise<DnsAnswer[]>;

export interface DmarcRecord {
  record: string;
  is_dmarc: boolean;
  valid: boolean;
  tags: { name: string; value: string; span: [number, number]; name_span: [number, number];
          value_span: [number, number]; status: 'current' | 'removed' | 'unknown'; duplicate: boolean }[];
  p: Policy | null;
  sp: Policy | null;
  np: Policy | null;
  /** Whether receivers apply the record at all (they ignore faulty parts, RFC 9989). */
  in_effect: boolean;
  /** One line: "In effect: receivers apply p=none (your p=reject is lost: sp=invalid ...)". */
  summary: string;
  /** What receivers apply; null when the record is not in effect. */
  effective: { p: Policy; sp: Policy; np: Policy; adkim: 'relaxed' | 'strict'; aspf: 'relaxed' | 'strict';
               psd: 'y' | 'n' | 'u' | null; testing: boolean; rua: string[]; ruf: string[] } | null;
  /** The published p that receivers' fallback to p=none (or to no DMARC) throws away. */
  lost: Policy | null;
  fo: string[];
  rua: ReportUri[];
  ruf: ReportUri[];
  psd: 'y' | 'n' | 'u' | null;
  pct: number | null;
  findings: Finding[];
}
export interface ReportUri {
  uri: string; scheme: string; address: string; domain: string; valid: boolean;
  span: [number, number]; max_size: number | null;
}
export interface DmarcVerdict {
  result: 'pass' | 'fail' | 'none' | 'temperror' | 'permerror';
  /** The verdict in one sentence; temperror says the receiver will retry. */
  summary: string;
  policy: Policy;
  published_policy: Policy | null;
  policy_domain: string | null;
  organizational_domain: string;
  spf_aligned: boolean;
  dkim_aligned: boolean;
  /** "example.com fail, aligned: does not count": from the same checks as the steps. */
  spf_alignment: string;
  dkim_alignment: string;
  steps: string[];
  findings: Finding[];
  [key: string]: unknown;
}
export interface DkimKey {
  record: string;
  valid: boolean;
  key_type: string;
  key_format: 'none' | 'subject_public_key_info' | 'rsa_public_key' | 'raw' | 'unrecognized';
  key_bits: number | null;
  revoked: boolean;
  testing: boolean;
  findings: Finding[];
  [key: string]: unknown;
}
export interface DomainFinding extends Omit<Finding, 'span'> {
  area: 'dns' | 'domain' | 'mx' | 'spf' | 'dmarc' | 'dkim' | 'mta_sts' | 'tls_rpt';
  publish: { name: string; type: string; value: string } | null;
}
export interface DomainAudit {
  domain: string;
  summary: { errors: number; warnings: number; info: number };
  dns_outage: DnsOutage | null;
  findings: DomainFinding[];
  [key: string]: unknown;
}

export interface AuthApi {
  dmarcCheck(record: string): DmarcRecord;
  dmarcEvaluate(message: { from: string; spf?: string; dkim?: string[] }, options: { resolve: Resolve }): Promise<DmarcVerdict>;
  dmarcAudit(domain: string, options: { resolve: Resolve }): Promise<Record<string, unknown>>;
  dkimCheck(record: string): DkimKey;
  dkimAudit(domain: string, options: { selectors?: string[]; resolve: Resolve }): Promise<Record<string, unknown>>;
  domainAudit(domain: string, options: { selectors?: string[]; resolve: Resolve }): Promise<DomainAudit>;
}
