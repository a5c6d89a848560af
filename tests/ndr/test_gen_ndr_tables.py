"""The bounce reason keyword generator refuses bad data with a message naming the reason and the
phrase, and writes phrases byte for byte (non-ASCII as escapes)."""
import pathlib
import subprocess
import sys
import tempfile
import unittest

ROOT = pathlib.Path(__file__).resolve().parents[2]
GENERATOR = ROOT / "scripts" / "gen_ndr_tables.py"


class GeneratorValidation(unittest.TestCase):
    def setUp(self):
        self.dir = pathlib.Path(tempfile.mkdtemp())

    def tearDown(self):
        for f in self.dir.iterdir():
            f.unlink()
        self.dir.rmdir()

    def run_generator(self, toml):
        data = self.dir / "reasons.toml"
        data.write_text(toml, encoding="utf-8")
        out = self.dir / "reason_keywords.inc"
        proc = subprocess.run([sys.executable, str(GENERATOR), "--data", str(data),
                               "--header", str(out)], capture_output=True, text=True)
        return proc, out

    def assert_refused(self, toml, *words):
        proc, _ = self.run_generator(toml)
        self.assertNotEqual(proc.returncode, 0)
        for w in words:
            self.assertIn(w, proc.stderr)

    def test_shipped_data_compiles(self):
        proc = subprocess.run([sys.executable, str(GENERATOR), "--data",
                               str(ROOT / "sdk" / "data" / "ndr" / "reasons.toml"), "--header",
                               str(self.dir / "reason_keywords.inc")],
                              capture_output=True, text=True)
        self.assertEqual(proc.returncode, 0, proc.stderr)

    def test_tables_in_file_order_with_escaped_bytes(self):
        proc, out = self.run_generator(
            '[[reason]]\nname = "mailboxfull"\nphrases = ["mailbox full", "say \\"no\\""]\n'
            '[[reason]]\nname = "userunknown"\nphrases = ["\u00e9t\u00e9 rejet\u00e9"]\n')
        self.assertEqual(proc.returncode, 0, proc.stderr)
        text = out.read_text(encoding="utf-8")
        self.assertIn('"say \\042no\\042"', text)
        self.assertIn('"\\303\\251t\\303\\251 rejet\\303\\251"', text)
        self.assertLess(text.index("{Reason::mailboxfull, keywords::mailboxfull, 2}"),
                        text.index("{Reason::userunknown, keywords::userunknown, 1}"))

    def test_uppercase_phrase_refused(self):
        self.assert_refused('[[reason]]\nname = "blocked"\nphrases = ["Blocked by"]\n',
                            "blocked", "Blocked by", "lowercase")

    def test_short_phrase_refused(self):
        self.assert_refused('[[reason]]\nname = "blocked"\nphrases = ["ip"]\n', "blocked", "'ip'")

    def test_prefix_refused(self):
        self.assert_refused('[[reason]]\nname = "userunknown"\nphrases = ["recipient address rejected"]\n',
                            "userunknown", "recipient address rejected", "prefix")

    def test_duplicate_phrase_refused(self):
        self.assert_refused('[[reason]]\nname = "expired"\nphrases = ["timed out", "timed out"]\n',
                            "expired", "listed twice")

    def test_reason_listed_twice_refused(self):
        self.assert_refused('[[reason]]\nname = "expired"\nphrases = ["timed out"]\n'
                            '[[reason]]\nname = "expired"\nphrases = ["gave up"]\n',
                            "expired", "listed twice")

    def test_unknown_key_refused(self):
        self.assert_refused('[[reason]]\nname = "expired"\nphrases = ["timed out"]\nrank = 1\n',
                            "name and phrases")


if __name__ == "__main__":
    unittest.main()
