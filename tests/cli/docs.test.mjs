// docs/cli.md documents every subcommand and every option: each `--help` is read, and each
// option it lists must appear in the subcommand's section of the document (or, for the DNS
// options, in the "DNS options" section the subcommand points to).
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, sourceDir } from './cli.mjs';

const doc = readFileSync(join(sourceDir, 'docs', 'cli.md'), 'utf8');
const sections = doc.split(/^(?=## )/m);
const dnsSection = sections.find((s) => s.startsWith('## DNS options'));

// The lines of a help text's block that starts with `heading:` (CLI11 prints "Options:" etc.).
function block(help, heading) {
  const lines = help.split('\n');
  const start = lines.findIndex((l) => l.trim().toLowerCase() === `${heading.toLowerCase()}:`);
  if (start < 0) return [];
  const out = [];
  for (const line of lines.slice(start + 1)) {
    if (!/^\s/.test(line)) break;
    out.push(line);
  }
  return out;
}

function subcommands(path) {
  const r = run([...path, '--help']);
  assert.equal(r.code, 0, `${path.join(' ')} --help: ${r.stderr}`);
  const options = block(r.stdout, 'Options').map((l) => l.match(/^\s+(?:-\w,)?(--[\w-]+)/)?.[1]).filter(Boolean);
  const children = block(r.stdout, 'Subcommands').map((l) => l.match(/^\s+([\w-]+)\s/)?.[1]).filter(Boolean);
  return [{ path, options }, ...children.flatMap((c) => subcommands([...path, c]))];
}

const all = subcommands([]);

test('the help of every subcommand is found', () => {
  const names = all.map((c) => c.path.join(' '));
  for (const expected of ['explain', 'spf check', 'spf eval', 'spf audit', 'dmarc eval', 'dkim audit', 'domain', 'ndr'])
    assert.ok(names.includes(expected), `${expected} in ${names}`);
  assert.ok(all.find((c) => c.path.join(' ') === 'domain').options.includes('--selector'));
});

for (const { path, options } of all) {
  const name = ['maildiag', ...path].join(' ');
  test(`docs/cli.md documents ${name} and its options`, () => {
    const section = path.length === 0 ? sections[0] : sections.find((s) => s.includes(`${name} `) || s.includes(`${name}\n`));
    assert.ok(section, `no section of docs/cli.md shows "${name}"`);
    for (const option of options) {
      // `--help` is documented once, at the top, for every subcommand.
      if (option === '--help' && sections[0].includes('`--help` after any subcommand')) continue;
      const inDns = section.includes('[DNS options]') && dnsSection.includes(`\`${option}`);
      assert.ok(section.includes(option) || inDns, `${option} of ${name} is not in its section of docs/cli.md`);
    }
  });
}

test('every exit code the CLI uses is documented', () => {
  for (const code of [0, 1, 2, 3, 4]) assert.match(doc, new RegExp(`^\\| ${code} \\|`, 'm'));
});

test('ndr: the mbox offset in `source` is where the message begins, as docs/cli.md says', () => {
  const message = (to) => `From: MAILER-DAEMON@mx.example.org\nSubject: failure notice\n\n<${to}>:\nRemote host said: 550 5.1.1 User unknown\n\n`;
  const separator = 'From MAILER-DAEMON Mon Jan  1 00:00:00 2024\n';
  const mbox = separator + message('a@example.net') + separator + message('b@example.net');
  const r = run(['ndr', '--json', '-'], { input: mbox });
  assert.equal(r.code, 0, r.stderr);
  const messages = JSON.parse(r.stdout).messages;
  assert.equal(messages.length, 2);
  for (const m of messages) {
    const offset = Number(m.source.split('@').pop());
    assert.ok(mbox.slice(0, offset).endsWith(separator), m.source);
    assert.ok(mbox.slice(offset).startsWith('From: MAILER-DAEMON'), m.source);
  }
  assert.match(doc, /`FILE@OFFSET`[^]*just after its `From ` separator line/);
});
