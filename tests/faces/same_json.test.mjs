// One input, three faces, one JSON document: the CLI (`--json`), the C API (a small C program,
// json_driver.c) and the WebAssembly module print the same bytes for explain, spf check,
// dmarc check, dkim check and ndr. The faces are compared with each other, never with stored
// JSON, so the documents may grow without this test changing.
//
// The CLI indents its document; the whitespace between tokens is all that is taken out of it
// before the bytes are compared.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const sourceDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
const nativeFaces = process.env.MAILDIAG_NATIVE_FACES;
const pkg = process.env.MAILDIAG_WASM_PKG;
if (!nativeFaces || !pkg) throw new Error('MAILDIAG_NATIVE_FACES and MAILDIAG_WASM_PKG are not set: run this test through ctest');
// Written by the native build: where its CLI and the C driver are.
const native = JSON.parse(readFileSync(nativeFaces, 'utf8'));
const { load } = await import(pathToFileURL(join(pkg, 'node.mjs')).href);
const md = await load();

function run(program, args, input) {
  const r = spawnSync(program, args, { input, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.ok(r.status === 0 || r.status === 1, `${program} ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return r.stdout;
}

// Removes the white space between JSON tokens (outside strings); the bytes of every token stay.
function compact(text) {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i];
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (!' \n\r\t'.includes(c)) {
      out += c;
    }
  }
  return out;
}

function ndrModuleJson(input, source) {
  const bytes = new TextEncoder().encode(input);
  const at = md.module._malloc(Math.max(bytes.length, 1));
  try {
    md.module.HEAPU8.set(bytes, at);
    return new TextDecoder().decode(md.module.ndr(at, bytes.length, source));
  } finally {
    md.module._free(at);
  }
}

const ed25519 = '11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=';
const rsa1024 = 'MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC265BjHaet11/MtIYsb7kgwIf9Quht5ckgfuml26GtMa8AD0LhCF23JH5kLCsnxrIMEzoTlkLL4P7Cy/Jx5vfSCZFBitQtS6gQeiMn/ohsdY6o38Sh9Ui9rrc6maUyPRZVvltarOb5wqO6TSoVVtUEoCmM3h8iHZDwxQB6GwAkJQIDAQAB';

const checks = {
  'spf check': {
    cli: ['spf', 'check'], c: 'spf-check', wasm: (t) => md.module.spfCheck(t),
    inputs: ['v=spf1 ip4:192.0.2.0/24 include:spf.protection.outlook.com -all', 'v=spf1 mx +all',
      'v=spf1 ip4:1.2.3.4/33 a:exämple.com ptr -all', '"v=spf1 include:_spf.google.com " "~all"', 'spf2.0/pra -all', ''],
  },
  'dmarc check': {
    cli: ['dmarc', 'check'], c: 'dmarc-check', wasm: (t) => md.module.dmarcCheck(t),
    inputs: ['v=DMARC1; p=reject; rua=mailto:dmarc@example.com; pct=50', 'v=DMARC1; p=block',
      '"v=DMARC1; p=none; " "rua=mailto:rapports@exemple.fr"', 'v=DMARC1; p=quarantine; ruf=mailto:é@例え.jp; fo=1:d'],
  },
  'dkim check': {
    cli: ['dkim', 'check'], c: 'dkim-check', wasm: (t) => md.module.dkimCheck(t),
    inputs: [`v=DKIM1; k=ed25519; p=${ed25519}`, 'v=DKIM1; p=', `v=DKIM1; k=rsa; t=y; p=${rsa1024}`,
      `"v=DKIM1; k=rsa; p=${rsa1024.slice(0, 100)}" "${rsa1024.slice(100)}"`, 'v=DKIM1; p=not base64!'],
  },
};

for (const [name, face] of Object.entries(checks)) {
  test(`${name}: the CLI, the C API and the module print the same JSON`, () => {
    for (const input of face.inputs) {
      const fromC = run(native.c, [face.c], input);
      assert.ok(fromC.startsWith('{'), `${name} ${JSON.stringify(input)}: ${fromC}`);
      assert.equal(face.wasm(input), fromC, `${name} ${JSON.stringify(input)}: module and C API differ`);
      const fromCli = run(native.cli, [...face.cli, '--json', '-'], input);
      assert.equal(compact(fromCli), fromC, `${name} ${JSON.stringify(input)}: CLI and C API differ`);
    }
  });
}

test('explain: the CLI, the C API and the module print the same JSON, with and without a provider', () => {
  const lines = [
    '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found',
    '450 4.4.312 DNS query failed',
    "550 5.7.1 Unfortunately, messages from [203.0.113.9] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150)",
    '421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume',
    '5.2.2 submission quota exceeded',
    'Le message n’a pas pu être remis: boîte pleine 552 5.2.2',
    'no code here',
  ];
  for (const provider of ['', 'microsoft']) {
    for (const line of lines) {
      const label = `${JSON.stringify(line)} provider=${provider}`;
      const fromC = run(native.c, ['explain', provider], line);
      assert.equal(md.module.explain(line, provider), fromC, `${label}: module and C API differ`);
      const cliArgs = ['explain', '--json', ...(provider ? ['--provider', provider] : []), '-'];
      assert.equal(compact(run(native.cli, cliArgs, line)), fromC, `${label}: CLI and C API differ`);
    }
  }
});

test('ndr: the CLI, the C API and the module print the same JSON for a message', () => {
  const bounces = [
    readFileSync(join(sourceDir, 'samples/bounce-exchange-online.eml'), 'utf8'),
    ['From: MAILER-DAEMON@mx.example.org', 'Subject: failure notice', '',
      '<gone@example.net>:', 'Remote host said: 550 5.1.1 <gone@example.net>... User unknown', ''].join('\n'),
    "Delivery has failed to these recipients or groups:\n\nuser@contoso.example\nRemote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'\n",
    'Subject: Non remis : réunion\n\nVotre message n’a pas pu être remis à élodie@exemple.fr : 552 5.2.2 boîte pleine\n',
  ];
  for (const bounce of bounces) {
    const label = JSON.stringify(bounce.slice(0, 40));
    // The CLI and the module name the message after where it came from ("-": standard input);
    // the C API reads one message and names it "", the only byte they may differ in.
    const fromCli = compact(run(native.cli, ['ndr', '--json', '-'], bounce));
    assert.equal(ndrModuleJson(bounce, '-'), fromCli, `${label}: module and CLI differ`);
    const fromC = run(native.c, ['ndr'], bounce);
    assert.equal((fromC.match(/"source":/g) || []).length, 1, `${label}: one "source" in ${fromC}`);
    const named = fromC.replace('"source":""', '"source":"-"');
    assert.equal(`{"messages":[${named}]}`, fromCli, `${label}: C API and CLI differ`);
  }
});
