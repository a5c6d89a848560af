#!/usr/bin/env python3
"""Compiles the knowledge base (sdk/data/kb/*.toml) into C++ tables and its reference page.

    gen_kb.py --data DIR [--vocabulary FILE] --header OUT.inc --docs OUT.md
    gen_kb.py --data DIR [--vocabulary FILE] --check-docs docs/knowledge-base.md

The bounce-reason vocabulary (sdk/data/bounce-reasons.toml by default) is compiled with it: every
entry names its reason, and an entry whose reason does not fit its category is refused.

Every entry is validated first; any problem stops the build with a message naming the file and
the entry. The output holds no parsing work for run time: entries as constexpr aggregates, a
sorted code index for binary search, a small range table, and an Aho-Corasick automaton over
every token, text pattern and provider marker (built here, stored as flat arrays) so that the
text of a bounce is matched in one linear pass.
"""

import argparse
import pathlib
import re
import sys
import tomllib

CATEGORIES = [
    "recipient-address", "mailbox-state", "mailbox-capacity", "throttling", "sending-limit",
    "account-banned", "spf", "dkim", "dmarc", "reputation", "recipient-restriction",
    "content-policy", "message-format", "relay-connector", "submission-auth", "dns", "network",
    "tls", "routing-loop", "message-size", "expired", "tenant-config", "protocol",
    "remote-system",
]
PROVIDER_KINDS = ["registry", "mailbox", "software"]
PARTIES = ["sender", "sender-admin", "recipient", "recipient-admin", "provider"]
ENTRY_FIELDS = {
    "id", "provider", "codes", "tokens", "patterns", "title", "category", "permanent",
    "who_acts", "meaning", "causes", "fixes", "retry", "references", "reason", "subjects",
}
REQUIRED = ["id", "provider", "title", "category", "reason", "who_acts", "meaning", "causes",
            "fixes", "retry", "references"]
# The order of maildiag::Reason (maildiag/reason.hpp); the vocabulary file lists them so.
REASONS = [
    "undefined", "userunknown", "hostunknown", "hasmoved", "suspend", "mailboxfull", "systemfull",
    "mailererror", "emailtoolarge", "rejected", "blocked", "authfailure", "badreputation",
    "requireptr", "notcompliantrfc", "policyviolation", "securityerror", "norelaying", "filtered",
    "contenterror", "spamdetected", "virusdetected", "expired", "networkerror", "notaccept",
    "systemerror", "ratelimited", "syntaxerror", "failedstarttls", "suppressed", "feedback",
    "vacation", "delivered", "onhold",
]
DEFAULT_VOCABULARY = pathlib.Path(__file__).resolve().parents[1] / "sdk" / "data" / "bounce-reasons.toml"
ID_RE = re.compile(r"^[a-z0-9][a-z0-9.\-]*$")
ENHANCED_RE = re.compile(r"^([245X])\.(\d{1,3}|X)\.(\d{1,3}|X)(?:-(\d{1,3}))?$")
REPLY_RE = re.compile(r"^([2-5][0-5]\d)$")
MAX_NEEDLE = 120
DENSE_STATES = 64
ANCHOR = 8


class KbError(Exception):
    pass


def fail(where, msg):
    raise KbError(f"{where}: {msg}")


# --------------------------------------------------------------------------------------------
# Loading and validation


def load(data_dir, vocabulary):
    data_dir = pathlib.Path(data_dir)
    prov_file = data_dir / "providers.toml"
    if not prov_file.exists():
        fail(str(prov_file), "missing (the provider list)")
    providers = load_providers(prov_file)
    entries = []
    seen = {}
    for path in sorted(data_dir.glob("*.toml")):
        if path.name == "providers.toml":
            continue
        with path.open("rb") as f:
            try:
                doc = tomllib.load(f)
            except tomllib.TOMLDecodeError as e:
                fail(path.name, f"not valid TOML: {e}")
        unknown = set(doc) - {"entry", "source"}
        if unknown:
            fail(path.name, f"unknown top-level keys {sorted(unknown)}")
        for i, raw in enumerate(doc.get("entry", [])):
            e = validate_entry(path.name, i, raw, providers, vocabulary)
            if e["id"] in seen:
                fail(f"{path.name}: entry '{e['id']}'", f"duplicate id (first in {seen[e['id']]})")
            seen[e["id"]] = path.name
            e["file"] = path.name
            entries.append(e)
    if not entries:
        fail(str(data_dir), "no entries")
    for k in "245":
        if not any(c == (k, None, None, None) for e in entries for c in e["parsed_codes"]):
            fail(str(data_dir), f"no class fallback entry for {k}.X.X")
    ids = {e["id"] for e in entries}
    for r in vocabulary["reasons"]:
        if r["entry"] and r["entry"] not in ids:
            fail(f"bounce-reasons.toml: reason {r['name']}", f"unknown entry '{r['entry']}'")
        if r["entry"]:
            e = next(e for e in entries if e["id"] == r["entry"])
            if e["reason"] != r["name"]:
                fail(f"bounce-reasons.toml: reason {r['name']}",
                     f"entry '{r['entry']}' states the reason '{e['reason']}'")
    return providers, entries


def load_vocabulary(path):
    """The reasons in maildiag::Reason order, the retry texts, the broad codes, the prefixes."""
    path = pathlib.Path(path)
    where = path.name
    try:
        with path.open("rb") as f:
            doc = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as e:
        fail(where, f"cannot read the vocabulary: {e}")
    unknown = set(doc) - {"reason", "retry", "codes", "wording"}
    if unknown:
        fail(where, f"unknown top-level keys {sorted(unknown)}")
    reasons = doc.get("reason", [])
    names = [r.get("name") for r in reasons]
    if names != REASONS:
        fail(where, f"the reasons must be exactly, in this order: {', '.join(REASONS)}")
    out = []
    for r in reasons:
        rw = f"{where}: reason {r['name']}"
        for key in r:
            if key not in {"name", "description", "categories", "entry", "inferred"}:
                fail(rw, f"unknown field '{key}'")
        if not isinstance(r.get("description"), str) or not r["description"].strip():
            fail(rw, "needs a description")
        cats = string_list(rw, r, "categories", optional=True)
        for c in cats:
            if c not in CATEGORIES:
                fail(rw, f"unknown category '{c}'")
        inferred = r.get("inferred")
        if inferred is not None:
            m = ENHANCED_RE.match(inferred)
            if not m or m.group(1) != "X" or m.group(2) == "X" or m.group(4):
                fail(rw, f"inferred '{inferred}' must be one registered code written X.n.n")
            inferred = (int(m.group(2)), int(m.group(3)))
        out.append({"name": r["name"], "description": r["description"].strip(),
                    "categories": cats, "entry": r.get("entry", ""), "inferred": inferred})
    retry = doc.get("retry", {})
    for key in ("permanent", "transient", "success"):
        if not isinstance(retry.get(key), str) or not retry[key].strip():
            fail(f"{where}: [retry]", f"needs the text '{key}'")
    broad = []
    for code in string_list(f"{where}: [codes]", doc.get("codes", {}), "broad"):
        m = ENHANCED_RE.match(code)
        if not m or m.group(1) != "X" or "X" in (m.group(2), m.group(3)) or m.group(4):
            fail(f"{where}: [codes]", f"broad code '{code}' must be written X.n.n")
        broad.append((int(m.group(2)), int(m.group(3))))
    prefixes = [p.lower() for p in string_list(f"{where}: [wording]", doc.get("wording", {}), "prefixes")]
    return {"reasons": out, "retry": retry, "broad": broad, "prefixes": prefixes}


def load_providers(path):
    with path.open("rb") as f:
        doc = tomllib.load(f)
    out = []
    ids = set()
    for i, p in enumerate(doc.get("provider", [])):
        where = f"{path.name}: provider #{i + 1} '{p.get('id', '?')}'"
        for key in p:
            if key not in {"id", "name", "kind", "parent", "aliases", "markers"}:
                fail(where, f"unknown field '{key}'")
        for key in ("id", "name"):
            if not isinstance(p.get(key), str) or not p[key]:
                fail(where, f"'{key}' must be a non-empty string")
        if not ID_RE.match(p["id"]):
            fail(where, "id must be lower-case letters, digits, '.' and '-'")
        if p.get("kind") not in PROVIDER_KINDS:
            fail(where, f"kind must be one of {', '.join(PROVIDER_KINDS)}")
        if p["id"] in ids:
            fail(where, "duplicate provider id")
        ids.add(p["id"])
        out.append({
            "id": p["id"], "name": p["name"], "kind": p["kind"], "parent": p.get("parent", ""),
            "aliases": string_list(where, p, "aliases", optional=True),
            "markers": string_list(where, p, "markers", optional=True),
        })
    if not out or out[0]["id"] != "generic":
        fail(path.name, "the first provider must be 'generic'")
    for p in out:
        if p["parent"] and p["parent"] not in ids:
            fail(f"{path.name}: provider '{p['id']}'", f"unknown parent '{p['parent']}'")
        for m in p["markers"]:
            check_needle(f"{path.name}: provider '{p['id']}'", m)
    names = {}
    for p in out:
        for name in [p["id"]] + p["aliases"]:
            key = name.lower()
            if key in names and names[key] != p["id"]:
                fail(f"{path.name}: provider '{p['id']}'", f"alias '{name}' also names '{names[key]}'")
            names[key] = p["id"]
    return out


def string_list(where, raw, key, optional=False):
    v = raw.get(key)
    if v is None:
        if optional:
            return []
        fail(where, f"missing '{key}'")
    if not isinstance(v, list) or not all(isinstance(s, str) and s.strip() for s in v):
        fail(where, f"'{key}' must be a list of non-empty strings")
    return v


def check_needle(where, s):
    if len(s) < 3 or len(s) > MAX_NEEDLE:
        fail(where, f"text '{s}' must be 3 to {MAX_NEEDLE} characters long")
    if s != s.strip():
        fail(where, f"text '{s}' has leading or trailing spaces")


def parse_code(where, code):
    m = REPLY_RE.match(code)
    if m:
        return ("R", int(code), None, None)
    m = ENHANCED_RE.match(code)
    if not m:
        fail(where, f"code '{code}' is neither a reply code (550) nor an enhanced code "
                    "(5.7.1, X.7.1, 5.7.606-649, 5.X.X)")
    klass, subject, detail, hi = m.groups()
    if subject == "X" or detail == "X":
        if subject != "X" or detail != "X" or klass == "X" or hi:
            fail(where, f"code '{code}': only whole-class fallbacks like 5.X.X may use X there")
        return (klass, None, None, None)
    subject, detail = int(subject), int(detail)
    if hi is not None:
        hi = int(hi)
        if hi <= detail:
            fail(where, f"code '{code}': range end must exceed its start")
    return (klass, subject, detail, hi)


def validate_entry(fname, index, raw, providers, vocabulary):
    where = f"{fname}: entry #{index + 1} '{raw.get('id', '?')}'"
    for key in raw:
        if key not in ENTRY_FIELDS:
            fail(where, f"unknown field '{key}'")
    for key in REQUIRED:
        if key not in raw:
            fail(where, f"missing field '{key}'")
    for key in ("id", "provider", "title", "category", "meaning", "retry"):
        if not isinstance(raw[key], str) or not raw[key].strip():
            fail(where, f"'{key}' must be a non-empty string")
    if not ID_RE.match(raw["id"]):
        fail(where, "id must be lower-case letters, digits, '.' and '-'")
    prov_ids = [p["id"] for p in providers]
    if raw["provider"] not in prov_ids:
        fail(where, f"unknown provider '{raw['provider']}' (known: {', '.join(prov_ids)})")
    if raw["category"] not in CATEGORIES:
        fail(where, f"unknown category '{raw['category']}' (one of: {', '.join(CATEGORIES)})")
    reason = raw["reason"]
    if reason not in REASONS:
        fail(where, f"unknown reason '{reason}' (one of: {', '.join(REASONS)})")
    fits = vocabulary["reasons"][REASONS.index(reason)]["categories"]
    if fits and raw["category"] not in fits:
        fail(where, f"reason '{reason}' does not fit category '{raw['category']}' "
                    f"(it fits: {', '.join(fits)})")
    subjects = raw.get("subjects", [])
    if not isinstance(subjects, list) or not all(isinstance(x, int) and 0 <= x <= 15 for x in subjects):
        fail(where, "'subjects' must be a list of enhanced-status subjects (0 to 15)")
    perm = raw.get("permanent")
    if perm is not None and not isinstance(perm, bool):
        fail(where, "'permanent' must be true or false (leave it out to follow the class digit)")
    who = string_list(where, raw, "who_acts")
    for w in who:
        if w not in PARTIES:
            fail(where, f"unknown who_acts '{w}' (one of: {', '.join(PARTIES)})")
    if len(set(who)) != len(who):
        fail(where, "who_acts lists a party twice")
    e = {
        "id": raw["id"], "provider": raw["provider"], "title": raw["title"].strip(),
        "category": raw["category"], "reason": reason, "subjects": subjects,
        "permanent": perm, "who_acts": who,
        "meaning": raw["meaning"].strip(), "retry": raw["retry"].strip(),
        "causes": string_list(where, raw, "causes"), "fixes": string_list(where, raw, "fixes"),
        "references": string_list(where, raw, "references"),
        "codes": string_list(where, raw, "codes", optional=True),
        "tokens": string_list(where, raw, "tokens", optional=True),
        "patterns": string_list(where, raw, "patterns", optional=True),
    }
    # The texts reach every face, the browser's too: they name what to check, not a command.
    for text in [e["meaning"], e["retry"]] + e["causes"] + e["fixes"]:
        if re.search(r"\bmaildiag (explain|spf|dmarc|dkim|domain|ndr)\b", text):
            fail(where, f"text '{text}' names a command line; say what to check instead")
    for ref in e["references"]:
        if not ref.startswith("https://"):
            fail(where, f"reference '{ref}' must be an https:// address")
    if not (e["codes"] or e["tokens"] or e["patterns"] or e["subjects"]):
        fail(where, "needs at least one of codes, tokens, patterns, subjects")
    for p in e["patterns"]:
        if p.lower() in vocabulary["prefixes"]:
            fail(where, f"pattern '{p}' is only a prefix mail software writes before the real "
                        "reason (bounce-reasons.toml [wording]): match the words after it")
    e["parsed_codes"] = [parse_code(where, c) for c in e["codes"]]
    for s in e["tokens"] + e["patterns"]:
        check_needle(where, s)
    return e


# --------------------------------------------------------------------------------------------
# Table construction


def code_keys(parsed):
    """Exact index keys and ranges for one parsed code."""
    klass, subject, detail, hi = parsed
    if klass == "R":
        return [subject], []
    if subject is None:
        return [], []
    classes = "245" if klass == "X" else klass
    if hi is None:
        return [int(k) * 1_000_000 + subject * 1000 + detail for k in classes], []
    return [], [(int(k) * 1_000_000 + subject * 1000 + detail,
                 int(k) * 1_000_000 + subject * 1000 + hi) for k in classes]


class AhoCorasick:
    def __init__(self):
        self.edges = [{}]
        self.out = [[]]

    def add(self, needle_bytes, needle_id):
        s = 0
        for b in needle_bytes:
            nxt = self.edges[s].get(b)
            if nxt is None:
                nxt = len(self.edges)
                self.edges.append({})
                self.out.append([])
                self.edges[s][b] = nxt
            s = nxt
        self.out[s].append(needle_id)

    def build(self):
        fail_link = [0] * len(self.edges)
        order = []
        queue = list(self.edges[0].values())
        head = 0
        while head < len(queue):
            s = queue[head]
            head += 1
            order.append(s)
            for b, t in self.edges[s].items():
                f = fail_link[s]
                while f and b not in self.edges[f]:
                    f = fail_link[f]
                cand = self.edges[f].get(b, 0)
                fail_link[t] = cand if cand != t else 0
                queue.append(t)
        # Outputs include those of every suffix state, so the matcher never walks output links.
        full_out = [list(o) for o in self.out]
        for s in order:
            full_out[s] = self.out[s] + full_out[fail_link[s]]
        self.fail = fail_link
        self.full_out = full_out
        self.order = order


def lower_bytes(s):
    return bytes(b + 32 if 65 <= b <= 90 else b for b in s.encode("utf-8"))


def cpp_str(s):
    out = ['"']
    for ch in s.encode("utf-8"):
        c = chr(ch)
        if c == '"':
            out.append('\\"')
        elif c == "\\":
            out.append("\\\\")
        elif 32 <= ch < 127:
            out.append(c)
        else:
            out.append(f'\\{ch:03o}')
    out.append('"')
    return "".join(out)


def generate_header(providers, entries, vocabulary):
    prov_index = {p["id"]: i for i, p in enumerate(providers)}
    lines = []
    w = lines.append
    w("// Generated by scripts/gen_kb.py from sdk/data/kb/*.toml. Do not edit: edit the data.")
    w(f"// {len(entries)} entries, {len(providers)} providers.")
    w("")

    # Shared list text: causes, fixes, references, codes, tokens, patterns.
    list_text = []

    def add_list(items):
        # Lists are stored contiguously so an entry refers to (first, count).
        first = len(list_text)
        list_text.extend(items)
        return first, len(items)

    entry_lists = []
    for e in entries:
        entry_lists.append({k: add_list(e[k]) for k in
                            ("causes", "fixes", "references", "codes", "tokens", "patterns")})
    if len(list_text) >= 65535:
        fail("knowledge base", "too many list items for 16-bit indexes")
    # List items live in one pool of text with an offset table: no pointer per item, which
    # keeps the tables small and compressible (they ship in the WebAssembly module).
    w("inline constexpr char kListPool[] =")
    offsets = [0]
    for item in list_text:
        w(f"    {cpp_str(item)}")
        offsets.append(offsets[-1] + len(item.encode("utf-8")))
    w("    ;")
    w("inline constexpr std::uint32_t kListOffsets[] = {")
    for r in range(0, len(offsets), 16):
        w("    " + ", ".join(str(x) for x in offsets[r:r + 16]) + ",")
    w("};")
    w("")

    w("inline constexpr ProviderInfo kProviders[] = {")
    for p in providers:
        parent = prov_index[p["parent"]] if p["parent"] else -1
        w(f"    {{{cpp_str(p['id'])}, {cpp_str(p['name'])}, ProviderKind::{p['kind']}, {parent}}},")
    w("};")
    w("")
    aliases = sorted({(a.lower(), prov_index[p["id"]]) for p in providers
                      for a in [p["id"]] + p["aliases"]})
    w("// Every name a caller may give for a provider, lower case, sorted for binary search.")
    w("inline constexpr ProviderAlias kProviderAliases[] = {")
    for a, i in aliases:
        w(f"    {{{cpp_str(a)}, {i}}},")
    w("};")
    w("")

    def tl(first_count):
        first, count = first_count
        return f"{{{first}, {count}}}"

    w("inline constexpr Entry kEntries[] = {")
    for e, lists in zip(entries, entry_lists):
        perm = {None: "Permanence::by_class", True: "Permanence::permanent",
                False: "Permanence::transient"}[e["permanent"]]
        who = " | ".join(f"party_bit(Party::{p.replace('-', '_')})" for p in e["who_acts"])
        cat = e["category"].replace("-", "_")
        w(f"    {{{cpp_str(e['id'])}, {cpp_str(e['provider'])}, {cpp_str(e['title'])},")
        subjects = sum(1 << x for x in e["subjects"])
        w(f"     Category::{cat}, Reason::{e['reason']}, {perm}, static_cast<std::uint8_t>({who}),")
        w(f"     {subjects}u,")
        w(f"     {cpp_str(e['meaning'])},")
        w(f"     {tl(lists['causes'])}, {tl(lists['fixes'])}, {cpp_str(e['retry'])},")
        w(f"     {tl(lists['references'])}, {tl(lists['codes'])}, {tl(lists['tokens'])},"
          f" {tl(lists['patterns'])}, {prov_index[e['provider']]}}},")
    w("};")
    w("")

    exact = []
    ranges = []
    fallback = {}
    for i, e in enumerate(entries):
        for pc in e["parsed_codes"]:
            if pc[0] != "R" and pc[1] is None:
                if pc[0] in fallback:
                    fail(f"{e['file']}: entry '{e['id']}'",
                         f"second class fallback for {pc[0]}.X.X (first: {entries[fallback[pc[0]]]['id']})")
                fallback[pc[0]] = i
                continue
            keys, rngs = code_keys(pc)
            exact.extend((k, i) for k in keys)
            ranges.extend((lo, hi, i) for lo, hi in rngs)
    exact.sort()
    seen_pairs = set()
    for k, i in exact:
        if (k, i) in seen_pairs:
            fail(f"{entries[i]['file']}: entry '{entries[i]['id']}'", f"code {k} listed twice")
        seen_pairs.add((k, i))
    w("// Codes: reply codes as themselves (550), enhanced codes as class*1e6+subject*1e3+detail.")
    w("inline constexpr CodeIndexEntry kCodeIndex[] = {")
    for k, i in exact:
        w(f"    {{{k}u, {i}}},")
    w("};")
    w("inline constexpr CodeRangeEntry kCodeRanges[] = {")
    for lo, hi, i in sorted(ranges):
        w(f"    {{{lo}u, {hi}u, {i}}},")
    if not ranges:
        w("    {0u, 0u, 0},")
    w("};")
    w(f"inline constexpr std::size_t kCodeRangeCount = {len(ranges)};")
    w("// Whole-class fallbacks for classes 2, 4 and 5.")
    w(f"inline constexpr std::uint16_t kClassFallback[3] = {{{fallback['2']}, {fallback['4']}, {fallback['5']}}};")
    w("")

    entry_index = {e["id"]: i for i, e in enumerate(entries)}
    w("// The bounce-reason vocabulary (sdk/data/bounce-reasons.toml), in maildiag::Reason order.")
    w("inline constexpr ReasonInfo kReasons[] = {")
    for r in vocabulary["reasons"]:
        cats = " | ".join(f"category_bit(Category::{c.replace('-', '_')})" for c in r["categories"]) or "0"
        entry = entry_index[r["entry"]] if r["entry"] else -1
        subject, detail = r["inferred"] if r["inferred"] else (0, 0)
        w(f"    {{Reason::{r['name']}, {cpp_str(r['name'])}, {cpp_str(r['description'])},")
        w(f"     static_cast<std::uint32_t>({cats}), {entry}, {1 if r['inferred'] else 0}, {subject}, {detail}}},")
    w("};")
    w("// Enhanced codes that name only a subject (X.n.0 and the like): subject*1000 + detail.")
    w("inline constexpr std::uint16_t kBroadCodes[] = {" +
      ", ".join(str(s * 1000 + d) for s, d in vocabulary["broad"]) + "};")
    w(f"inline constexpr std::string_view kRetryPermanent = {cpp_str(vocabulary['retry']['permanent'].strip())};")
    w(f"inline constexpr std::string_view kRetryTransient = {cpp_str(vocabulary['retry']['transient'].strip())};")
    w(f"inline constexpr std::string_view kRetrySuccess = {cpp_str(vocabulary['retry']['success'].strip())};")
    w("")

    # Needles: tokens and patterns of entries, markers of providers.
    needles = []
    for i, e in enumerate(entries):
        for t in e["tokens"]:
            needles.append(("NeedleKind::token", i, t))
        for p in e["patterns"]:
            needles.append(("NeedleKind::pattern", i, p))
    for pi, p in enumerate(providers):
        for m in p["markers"]:
            needles.append(("NeedleKind::provider_marker", pi, m))
    # The automaton holds only each needle's first ANCHOR bytes; the rest is compared when the
    # anchor is found. That keeps the tables small (long phrases would otherwise each add a chain
    # of states) at the cost of a short comparison on the rare anchor hit.
    ac = AhoCorasick()
    for n, (_, _, text) in enumerate(needles):
        ac.add(lower_bytes(text)[:ANCHOR], n)
    ac.build()
    if len(ac.edges) >= 65535 or len(needles) >= 65535:
        fail("knowledge base", "automaton too large for 16-bit state numbers")
    w(f"inline constexpr std::size_t kAnchorLength = {ANCHOR};")
    w("inline constexpr Needle kNeedles[] = {")
    for kind, target, text in needles:
        w(f"    {{{kind}, {target}, {len(text.encode('utf-8'))}, {cpp_str(text)}}},")
    w("};")
    w("")
    # Number the states breadth-first so that the shallow ones, where matching spends nearly all
    # its time, come first and get dense transition rows over a compressed alphabet; deeper
    # states keep sparse edges and a failure link.
    order = [0] + ac.order
    renumber = {old: new for new, old in enumerate(order)}
    needle_bytes = sorted({b for _, _, text in needles for b in lower_bytes(text)})
    byte_class = [0] * 256
    for i, b in enumerate(needle_bytes):
        byte_class[b] = i + 1
    classes = len(needle_bytes) + 1
    dense_count = min(len(order), DENSE_STATES)

    def delta(old_state, b):
        while True:
            nxt = ac.edges[old_state].get(b)
            if nxt is not None:
                return nxt
            if old_state == 0:
                return 0
            old_state = ac.fail[old_state]

    w("// Aho-Corasick automaton over the lower-cased needles, states numbered breadth-first.")
    w("// Bytes map to classes (0: a byte no needle contains). The first kAcDenseStates states have")
    w("// a full row of next states per class; the others a run of sorted edges and a failure")
    w("// link. Every state lists its outputs, merged with those of its suffixes.")
    w(f"inline constexpr std::size_t kAcClasses = {classes};")
    w(f"inline constexpr std::size_t kAcDenseStates = {dense_count};")
    w("inline constexpr std::uint8_t kAcByteClass[256] = {")
    for r in range(0, 256, 32):
        w("    " + ", ".join(str(x) for x in byte_class[r:r + 32]) + ",")
    w("};")
    w("inline constexpr std::uint16_t kAcDense[] = {")
    for new_state in range(dense_count):
        old = order[new_state]
        row = [0] + [renumber[delta(old, b)] for b in needle_bytes]
        w("    " + ", ".join(str(x) for x in row) + ",")
    w("};")
    edges = []
    outs = []
    states = []
    for old in order:
        first_edge = len(edges)
        for b in sorted(ac.edges[old]):
            edges.append((byte_class[b], renumber[ac.edges[old][b]]))
        first_out = len(outs)
        outs.extend(ac.full_out[old])
        states.append((first_edge, len(edges) - first_edge, renumber[ac.fail[old]], first_out,
                       len(outs) - first_out))
    if len(edges) >= 65535 or len(outs) >= 65535:
        fail("knowledge base", "automaton too large for 16-bit edge and output numbers")
    w("inline constexpr AcState kAcStates[] = {")
    for first_edge, edge_count, fail_state, first_out, out_count in states:
        w(f"    {{{first_edge}, {fail_state}, {first_out}, {edge_count}, {out_count}}},")
    w("};")
    w("inline constexpr bool kAcHasOutput[] = {")
    flags = ["1" if st[4] else "0" for st in states]
    for r in range(0, len(flags), 64):
        w("    " + ", ".join(flags[r:r + 64]) + ",")
    w("};")
    w("inline constexpr std::uint8_t kAcEdgeClass[] = {")
    for r in range(0, len(edges), 32):
        w("    " + ", ".join(str(b) for b, _ in edges[r:r + 32]) + ",")
    w("};")
    w("inline constexpr std::uint16_t kAcEdgeNext[] = {")
    for r in range(0, len(edges), 32):
        w("    " + ", ".join(str(t) for _, t in edges[r:r + 32]) + ",")
    w("};")
    w("inline constexpr std::uint16_t kAcOutputs[] = {")
    for r in range(0, len(outs), 16):
        w("    " + ", ".join(str(x) for x in outs[r:r + 16]) + ",")
    if not outs:
        w("    0,")
    w("};")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------
# Reference page


def md_escape(s):
    return s.replace("|", "\\|").replace("\n", " ")


def generate_docs(providers, entries, vocabulary):
    prov_name = {p["id"]: p["name"] for p in providers}
    out = []
    w = out.append
    w("<!-- Generated by scripts/gen_kb.py from sdk/data/kb/*.toml. Do not edit by hand: edit the")
    w("     data files and run `cmake --build <build dir> --target kb-docs`; the test")
    w("     kb.docs_up_to_date fails while this copy is stale. -->")
    w("# Knowledge base reference")
    w("")
    w(f"{len(entries)} entries from {len({e['file'] for e in entries})} data files.")
    w("")
    w("## How a diagnosis is chosen")
    w("")
    w("One engine (`maildiag/kb/diagnose.hpp`) serves `maildiag explain`, every recipient of "
      "`maildiag ndr`, the C API, the WebAssembly module and the demo. It weighs typed evidence: "
      "the reply code, the enhanced status code as given, the provider (named by the caller, "
      "recognised from the text, or from the report's layout and the remote server's host name), "
      "provider tokens, known texts, reason keywords (sdk/data/ndr/reasons.toml), the SMTP "
      "command that was refused and what the report's layout implies.")
    w("")
    w("**The codes decide which entries are possible.** Wording can only choose an entry that "
      "fits the codes the server gave: an entry fits when it lists the enhanced code (in either "
      "failure class), or when the code is broad and the entry fits it. Broad codes are the "
      "\"other or undefined\" details (X.n.0 and X.0.n), which servers send whatever the "
      "cause, so any wording may choose under them (wording of the code's own subject first), "
      "and X.7.1 (\"delivery not authorized\"), which servers send for every policy refusal, "
      "so wording of subject 7 chooses under it. Wording the codes do not allow lowers the "
      "confidence and is listed as an alternative with `conflicts_with_codes`; it never "
      "overrides the code. Mail software's phrases that only introduce the real reason "
      "(\"Recipient address rejected:\", \"mailbox unavailable\", ...; see "
      "`[wording] prefixes` in sdk/data/bounce-reasons.toml) are never evidence: the build "
      "refuses them as patterns or keywords.")
    w("")
    w("Ranking, strongest first: a provider's token; a known text whose entry lists the very code "
      "given, or the provider's own meaning of the code; a known text that fits a broad code or "
      "a line without code; a reason keyword that fits the codes (the reason's entry, below); "
      "the registry meaning of a specific code or of a bare reply code; what the report implies "
      "(a refusal at MAIL FROM, before the sender was named, a permanent refusal at RCPT TO, a "
      "delay notice); the registry meaning of a broad code or of its subject; entries that "
      "state no reason (the class alone).")
    w("")
    w("Example: `552 5.2.3 <bob@example.net>: Recipient address rejected: Message length exceeds "
      "administrative limit`. The status 5.2.3 is specific, so only entries that list X.2.3 "
      "fit. \"Recipient address rejected:\" is a prefix and says nothing; \"message length "
      "exceeds\" names the reason `emailtoolarge`, whose entry lists X.3.4, not X.2.3, so it "
      "stays an alternative with the same reason. The answer is `iana.x.2.3` (Message length "
      "exceeds administrative limit), reason `emailtoolarge`, confidence high, with the "
      "evidence \"status 5.2.3 given by the server\", \"reply code 552\" and the wording. "
      "Before this engine the prefix alone made it \"user unknown\".")
    w("")
    w("**Confidence** is `high` when the server's own code or token names the entry and nothing "
      "contradicts it, `medium` when wording chose it under a code that says little, `low` when "
      "only the class, the report's context, or wording of another subject than the code's is "
      "known; conflicting wording lowers it one step.")
    w("")
    w("**Retry advice follows the class of the code the server sent**: the reply code's first "
      "digit (the sending server acts on it, RFC 5321 section 4.2.1), else the enhanced code's; "
      "a bounce that reports a final failure is permanent whatever its last reply was. An "
      "entry's own retry text is shown only where it does not contradict that class "
      "(`entry.retry` is null otherwise).")
    w("")
    w("## Bounce reasons")
    w("")
    w("Every entry states the bounce reason it stands for (sdk/data/bounce-reasons.toml); the "
      "build refuses an entry whose reason does not fit its category. The entry in the third "
      "column explains the reason when only the wording of a bounce names it; the inferred code "
      "is the registered code reported as `status_inferred` when a bounce gives none.")
    w("")
    w("| Reason | Categories it fits | Entry for its wording | Inferred code | Meaning |")
    w("|---|---|---|---|---|")
    for r in vocabulary["reasons"]:
        inferred = f"X.{r['inferred'][0]}.{r['inferred'][1]}" if r["inferred"] else "-"
        w(f"| `{r['name']}` | {', '.join(r['categories']) or 'any'} | "
          f"{('`' + r['entry'] + '`') if r['entry'] else '-'} | {inferred} | {md_escape(r['description'])} |")
    w("")
    w("## Providers")
    w("")
    w("| Id | Name | Kind | Also accepted as `--provider` | Detected from |")
    w("|---|---|---|---|---|")
    for p in providers:
        aliases = ", ".join(f"`{a}`" for a in p["aliases"]) or "-"
        markers = ", ".join(f"`{md_escape(m)}`" for m in p["markers"]) or "-"
        w(f"| `{p['id']}` | {p['name']} | {p['kind']} | {aliases} | {markers} |")
    w("")
    w("## Categories")
    w("")
    w("| Category | Entries |")
    w("|---|---|")
    for c in CATEGORIES:
        w(f"| `{c}` | {sum(1 for e in entries if e['category'] == c)} |")
    w("")
    by_file = {}
    for e in entries:
        by_file.setdefault(e["file"], []).append(e)
    for fname in sorted(by_file):
        w(f"## {fname}")
        w("")
        w("| Id | Provider | Codes | Tokens and texts | Title | Category | Reason | Permanence | Who acts |")
        w("|---|---|---|---|---|---|---|---|---|")
        for e in by_file[fname]:
            codes = ", ".join(e["codes"]) or (
                "subjects " + ", ".join(f"X.{x}.*" for x in e["subjects"]) if e["subjects"] else "-")
            texts = ", ".join(f"`{md_escape(t)}`" for t in e["tokens"] + e["patterns"]) or "-"
            perm = {None: "by class", True: "permanent", False: "transient"}[e["permanent"]]
            w(f"| `{e['id']}` | {prov_name[e['provider']]} | {md_escape(codes)} | {texts} | "
              f"{md_escape(e['title'])} | {e['category']} | {e['reason']} | {perm} | "
              f"{', '.join(e['who_acts'])} |")
        w("")
    w("## Entries in full")
    w("")
    for e in entries:
        w(f"### `{e['id']}`: {e['title']}")
        w("")
        w(f"{e['meaning']}")
        w("")
        w("Causes:")
        for c in e["causes"]:
            w(f"- {c}")
        w("")
        w("Fixes:")
        for fx in e["fixes"]:
            w(f"- {fx}")
        w("")
        w(f"Reason: `{e['reason']}`")
        w("")
        w(f"Retry: {e['retry']}")
        w("")
        w("References: " + ", ".join(f"<{r}>" for r in e["references"]))
        w("")
    return "\n".join(out)


def write_if_changed(path, text):
    path = pathlib.Path(path)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True, help="folder of the knowledge-base TOML files")
    ap.add_argument("--header", help="write the C++ tables here")
    ap.add_argument("--docs", help="write the reference page here")
    ap.add_argument("--check-docs", help="fail when this reference page is not up to date")
    ap.add_argument("--vocabulary", default=str(DEFAULT_VOCABULARY),
                    help="the bounce-reason vocabulary (default: sdk/data/bounce-reasons.toml)")
    args = ap.parse_args()
    try:
        vocabulary = load_vocabulary(args.vocabulary)
        providers, entries = load(args.data, vocabulary)
        docs = generate_docs(providers, entries, vocabulary)
        if args.header:
            write_if_changed(args.header, generate_header(providers, entries, vocabulary))
        if args.docs:
            write_if_changed(args.docs, docs)
        if args.check_docs:
            current = pathlib.Path(args.check_docs)
            if not current.exists() or current.read_text(encoding="utf-8") != docs:
                print(f"gen_kb: {args.check_docs} is stale; rebuild (the build rewrites it) "
                      "and commit it", file=sys.stderr)
                return 1
    except KbError as e:
        print(f"gen_kb: error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
