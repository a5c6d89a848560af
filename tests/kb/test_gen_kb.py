"""The knowledge-base generator refuses bad data with a message naming the file and the entry."""
import pathlib
import shutil
import subprocess
import sys
import tempfile
import unittest

ROOT = pathlib.Path(__file__).resolve().parents[2]
GENERATOR = ROOT / "scripts" / "gen_kb.py"
DATA = ROOT / "sdk" / "data" / "kb"

GOOD_ENTRY = '''
[[entry]]
id = "test.ok"
provider = "generic"
codes = ["5.9.9"]
title = "A title"
category = "dns"
reason = "hostunknown"
who_acts = ["sender"]
meaning = "Meaning."
causes = ["A cause"]
fixes = ["A fix"]
retry = "Retry advice."
references = ["https://example.com/"]
'''


class GeneratorValidation(unittest.TestCase):
    def setUp(self):
        self.dir = pathlib.Path(tempfile.mkdtemp())
        for f in DATA.glob("*.toml"):
            shutil.copy(f, self.dir / f.name)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def run_generator(self, extra):
        (self.dir / "zz-test.toml").write_text(extra, encoding="utf-8")
        out = self.dir / "tables.inc"
        return subprocess.run([sys.executable, str(GENERATOR), "--data", str(self.dir),
                               "--header", str(out)], capture_output=True, text=True)

    def assert_rejected(self, extra, *fragments):
        r = self.run_generator(extra)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("zz-test.toml", r.stderr)
        for fragment in fragments:
            self.assertIn(fragment, r.stderr)

    def test_the_shipped_data_and_a_good_entry_pass(self):
        r = self.run_generator(GOOD_ENTRY)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("test.ok", (self.dir / "tables.inc").read_text())

    def test_unknown_category(self):
        self.assert_rejected(GOOD_ENTRY.replace('"dns"', '"dns-stuff"'), "test.ok", "unknown category")

    def test_unknown_party(self):
        self.assert_rejected(GOOD_ENTRY.replace('["sender"]', '["postmaster"]'), "test.ok", "who_acts")

    def test_duplicate_id(self):
        self.assert_rejected(GOOD_ENTRY.replace("test.ok", "iana.x.1.1"), "iana.x.1.1", "duplicate id")

    def test_missing_field(self):
        self.assert_rejected(GOOD_ENTRY.replace('retry = "Retry advice."\n', ""), "test.ok",
                             "missing field 'retry'")

    def test_bad_code(self):
        self.assert_rejected(GOOD_ENTRY.replace('"5.9.9"', '"5.9"'), "test.ok", "code '5.9'")

    def test_unknown_provider(self):
        self.assert_rejected(GOOD_ENTRY.replace('"generic"', '"hotmale"'), "unknown provider")

    def test_reason_must_fit_the_category(self):
        self.assert_rejected(GOOD_ENTRY.replace('reason = "hostunknown"', 'reason = "mailboxfull"'),
                             "test.ok", "does not fit category")

    def test_unknown_reason(self):
        self.assert_rejected(GOOD_ENTRY.replace('reason = "hostunknown"', 'reason = "nosuchreason"'),
                             "test.ok", "unknown reason")

    def test_a_prefix_is_not_a_pattern(self):
        self.assert_rejected(GOOD_ENTRY.replace('codes = ["5.9.9"]', 'codes = ["5.9.9"]\npatterns = ["Recipient address rejected:"]'),
                             "test.ok", "prefix")

    def test_texts_name_no_command_line(self):
        self.assert_rejected(GOOD_ENTRY.replace('fixes = ["A fix"]', 'fixes = ["Run maildiag spf audit DOMAIN"]'),
                             "test.ok", "command line")

    def test_non_https_reference(self):
        self.assert_rejected(GOOD_ENTRY.replace("https://example.com/", "http://example.com/"),
                             "https://")


if __name__ == "__main__":
    unittest.main()
