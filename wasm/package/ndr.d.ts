// Types of md.ndr(): the JSON of `maildiag ndr --json`, field for field.

export type NdrKind = 'bounce' | 'delay' | 'feedback' | 'auto-reply' | 'delivered' | 'not-a-report';

export interface NdrDiagnosis {
  id: string;
  title: string;
  category: string;
  who_acts: string[];
  fixes: string[];
}

export interface NdrRecipient {
  address: string;
  action: string;
  status: string;
  reply_code: string;
  diagnostic: string;
  remote_mta: string;
  smtp_command: string;
  /** Sisimai v5 vocabulary: userunknown, mailboxfull, blocked, expired, feedback, vacation, ... */
  reason: string;
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
