"""Truth checks: the recorder against what CPython itself printed and did.

`expected/<case>.jsonl` are CPython 3.11.7's own records of the seed cases (copied from the
project's shared reference folder, `reference/out/`, produced by a separate tracing tool on a
virtual clock). Each case recorded by the recorder must print the same lines at the same
virtual times and have the same task events in the same order. A second check runs each
case under stock asyncio (stock loop, fake clock, no recorder) and compares line order."""
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import helpers  # noqa: E402
import tracefacts  # noqa: E402

CASES = [f[:-3] for f in helpers.reference_cases()]
# Threads run for real under stock CPython: its sleeps would take real seconds.
NOT_STOCK = {"seed004_1_jobs_threads"}
PENDING = set()


class ReferenceCases(unittest.TestCase):
    def test_cases_match_cpython_reference(self):
        self.assertEqual(len(CASES), 22)
        for case in CASES:
            if case in PENDING:
                continue
            with self.subTest(case=case):
                run = helpers.record(os.path.join(helpers.CASES, case + ".py"))
                self.assertEqual(run.rc, 0, run.stderr)
                got = tracefacts.trace_facts(run.trace)
                want = tracefacts.reference_facts(os.path.join(helpers.EXPECTED, case + ".jsonl"))
                printed = [(t, text) for t, stream, text in got["output"] if stream == "stdout"]
                self.assertEqual(printed, [(t, text) for t, _, text in want["output"]])
                self.assertEqual(got["tasks"], want["tasks"])
                helpers.validate(self, run)

    def test_line_order_matches_stock_asyncio(self):
        for case in CASES:
            if case in NOT_STOCK:
                continue
            with self.subTest(case=case):
                path = os.path.join(helpers.CASES, case + ".py")
                stock = subprocess.run([sys.executable, os.path.join(helpers.HERE, "stock_run.py"), path],
                                       capture_output=True, text=True, timeout=60)
                self.assertEqual(stock.returncode, 0, stock.stderr)
                run = helpers.record(path)
                got = [text for _, stream, text in tracefacts.trace_facts(run.trace)["output"] if stream == "stdout"]
                self.assertEqual(got, stock.stdout.splitlines())
                self.assertEqual(run.stdout, stock.stdout)


if __name__ == "__main__":
    unittest.main()
