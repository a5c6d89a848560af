// Types of md.ndr(): the JSON of `maildiag ndr --json`, field for field.

export type NdrKind = 'bounce' | 'delay' | 'feedback' | 'auto-reply' | 'delivered' | 'not-a-report';

import type { Alternative, Confidence, Evidence, KbEntry, KbSpecificity, Reason } from './index.js';

/** The diagnosis of one recipient: the entry as explain() gives it, with how it was chosen. */
export interface NdrDiagnosis extends Omit<KbEntry, 'permanent' | 'retry' | 'codes' | 'tokens' | 'patterns'> {
  permanent: boolean;
  /** The entry's own retry advice, or null where it contradicts the class of the code sent. */
  retry: string | null;
  specificity: KbSpecificity;
  confidence: Confidence;
  /** What the class of the code means for retrying, for people. */
  retry_advice: string | null;
  evidence: Evidence[];
  alternatives: Alternative[];
}

export interface NdrRecipient {
  address: string;
  action: '' | 'failed' | 'delayed' | 'delivered' | 'relayed' | 'expanded';
  /** The enhanced status code the bounce gave, or null. */
  status: string | null;
  /** Without `status`: the registered code that stands for the reason ("5.1.1"), else null. */
  status_inferred: string | null;
  reply_code: number | null;
  diagnostic: string;
  remote_mta: string;
  smtp_command: string;
  /** Sisimai v5 vocabulary; always the diagnosis entry's reason for failures. */
  reason: Reason;
  hard_bounce: boolean;
  feedback_type: string;
  diagnosis: NdrDiagnosis | null;
}

export interface NdrMessage {
  source: string;
  kind: NdrKind;
  format: string;
  reporting_mta: string;
  arrival_date: string;
  original: { message_id: string; from: string; to: string; subject: string };
  recipients: NdrRecipient[];
  partial: boolean;
  findings: { code: string; severity: string; message: string; span: [number, number]; fix: string }[];
}

export interface NdrApi {
  ndr(input: string | Uint8Array | ArrayBuffer, options?: { source?: string }): { messages: NdrMessage[] };
}
