import test from 'node:test';
import assert from 'node:assert/strict';
import { loadMaildiag } from './load.mjs';

const md = await loadMaildiag();

const exim = [
  'From: Mail Delivery System <Mailer-Daemon@mx.example.org>',
  'Subject: Mail delivery failed: returning message to sender',
  '',
  'This message was created automatically by mail delivery software.',
  '',
  'A message that you sent could not be delivered to one or more of its',
  'recipients. This is a permanent error. The following address(es) failed:',
  '',
  '  a@example.net',
  '    SMTP error from remote mail server after RCPT TO:<a@example.net>:',
  '    host mx.example.net [192.0.2.1]: 550 5.1.1 <a@example.net>... User Unknown',
  '',
].join('\r\n');

test('ndr decodes a whole message with the same fields as the CLI (RFC 3464 vocabulary)', () => {
  const { messages } = md.ndr(exim, { source: 'exim.eml' });
  assert.equal(messages.length, 1);
  const [m] = messages;
  assert.equal(m.source, 'exim.eml');
  assert.equal(m.kind, 'bounce');
  assert.equal(m.format, 'exim');
  assert.equal(m.recipients.length, 1);
  const r = m.recipients[0];
  assert.equal(r.address, 'a@example.net');
  assert.equal(r.status, '5.1.1');
  assert.equal(r.reply_code, 550);
  assert.equal(r.status_inferred, null);
  assert.equal(r.diagnosis.reason, r.reason);
  assert.ok(['high', 'medium', 'low'].includes(r.diagnosis.confidence));
  assert.equal(r.smtp_command, 'RCPT');
  assert.equal(r.reason, 'userunknown');
  assert.equal(r.hard_bounce, true);
  assert.ok(r.diagnosis && r.diagnosis.id.length > 0);
});

test('ndr reads pasted Outlook text and bytes alike, and mbox files message by message', () => {
  const pasted = 'Delivery has failed to these recipients or groups:\n\nuser@contoso.example\n' +
    "Remote Server returned '550 5.7.1 RESOLVER.RST.AuthRequired; authentication required'\n";
  const fromText = md.ndr(pasted).messages[0];
  assert.equal(fromText.recipients[0].status, '5.7.1');
  const fromBytes = md.ndr(new TextEncoder().encode(pasted)).messages[0];
  assert.deepEqual(fromBytes.recipients, fromText.recipients);

  const mbox = `From a@b Thu Apr 29 2021\n${exim.replaceAll('\r\n', '\n')}\nFrom c@d Thu Apr 29 2021\n${exim.replaceAll('\r\n', '\n')}`;
  assert.equal(md.ndr(mbox).messages.length, 2);
});

test('Shift_JIS bytes convert through iconv in the WebAssembly build', () => {
  // "テスト" in Shift_JIS inside a text part labelled with its charset.
  const head = new TextEncoder().encode(
    'From: MAILER-DAEMON@mx.example.jp\nSubject: failure notice\nContent-Type: text/plain; charset=Shift_JIS\n\n' +
    '<x@example.jp>:\nRemote host said: 550 5.1.1 unknown ');
  const body = new Uint8Array([0x83, 0x65, 0x83, 0x58, 0x83, 0x67, 0x0a]);
  const bytes = new Uint8Array(head.length + body.length);
  bytes.set(head);
  bytes.set(body, head.length);
  const r = md.ndr(bytes).messages[0].recipients[0];
  assert.match(r.diagnostic, /テスト/);
});

test('hostile input neither traps nor throws', () => {
  assert.equal(md.ndr('').messages.length, 0);
  assert.equal(md.ndr('hello').messages[0].kind, 'not-a-report');  // no recipient named
  const deep = 'Content-Type: multipart/mixed; boundary=b\n\n--b\n'.repeat(5000);
  const m = md.ndr(`From: MAILER-DAEMON@x.example\n${deep}`).messages[0];
  assert.equal(typeof m.partial, 'boolean');
  assert.equal(md.ndr('\u0000\uffff\ud800'.repeat(1000)).messages.length, 1);
});
