"""Tests of the trace fuzzer's harness (scripts/fuzz.py): crashes and hangs are found and named
by mutant index with any number of jobs, and the output does not depend on the number of jobs.

Most tests drive the harness with a stand-in for loopscope (a small Python program written to a
temporary folder) that crashes, hangs or reports a problem on the mutants the test names, and
logs which screen size each mutant got. With LOOPSCOPE_BIN set (scripts/test-all.sh sets it),
one test also runs a small round of the real binary with one and with two jobs.

    python3 -m unittest discover -s scripts/tests -t .
"""
import os
import re
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
FUZZ = os.path.join(os.path.dirname(HERE), "fuzz.py")

# The stand-in: `list`, `record`, `check-readers` and the real commands, acting on the index in
# each mutant's file name (m<index>.jsonl) as FAKE_CRASH, FAKE_HANG, FAKE_PROBLEM and
# FAKE_COMMAND_CRASH (comma-separated indexes) say.
STAND_IN = textwrap.dedent('''\
    #!{python}
    import os, re, signal, sys, time
    def indexes(name):
        return {{int(x) for x in os.environ.get(name, "").split(",") if x}}
    def index(path):
        return int(re.search(r"m(\\d+)\\.jsonl$", path).group(1))
    args = sys.argv[1:]
    if args[0] == "list":
        print("seed000-one   one")
        print("seed001-two   two")
    elif args[0] == "record":
        print('{{"format":"loopscope-trace","version":1,"program":{{"id":"' + args[1] + '"}}}}')
        print('{{"seq":0,"t":0,"kind":"created","task":0,"name":"a","lane":"task","label":"x"}}')
    elif args[0] == "check-readers":
        frames, screen, files = args[2], int(args[4]), args[5:]
        assert args[1] == "--frames" and args[3] == "--screen-index", args
        for n, path in enumerate(files):
            i = index(path)
            with open(os.environ["FAKE_LOG"], "a") as log:
                log.write(f"{{i}} {{screen + n}}\\n")
            if i in indexes("FAKE_CRASH"):
                sys.stderr.write(f"trap on mutant {{i}}\\n")
                sys.stderr.flush()
                os.kill(os.getpid(), signal.SIGSEGV)
            if i in indexes("FAKE_HANG"):
                time.sleep(3600)
            status = "problem" if i in indexes("FAKE_PROBLEM") else ("rejected" if i % 3 == 0 else "ok")
            print(f"{{status}}\\t{{path}}\\tstand-in", flush=True)
    else:
        path = next(a for a in args if a.endswith(".jsonl"))
        if args[0] == "explain" and index(path) in indexes("FAKE_COMMAND_CRASH"):
            os.kill(os.getpid(), signal.SIGABRT)
''')


def without_times(text):
    """The output with the seconds taken out (they differ from run to run)."""
    return re.sub(r"\d+ s\b", "N s", text).replace(", 2 jobs", "")


class FuzzHarnessTests(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory(prefix="fuzz-harness-test-")
        self.dir = self.folder.name
        self.binary = os.path.join(self.dir, "loopscope")
        with open(self.binary, "w") as f:
            f.write(STAND_IN.format(python=sys.executable))
        os.chmod(self.binary, 0o755)
        self.log = os.path.join(self.dir, "screens.log")

    def tearDown(self):
        self.folder.cleanup()

    def fuzz(self, *extra, out="findings", binary=None, env=None):
        run_env = dict(os.environ, FAKE_LOG=self.log, **(env or {}))
        return subprocess.run([sys.executable, FUZZ, "--loopscope", binary or self.binary, "--seed", "3",
                               "--out", os.path.join(self.dir, out)] + list(extra),
                              capture_output=True, text=True, env=run_env, timeout=300)

    def test_crash_hang_and_command_crash_are_named_with_two_jobs(self):
        r = self.fuzz("--mutants", "40", "--batch", "10", "--jobs", "2", "--timeout", "1", "--cli-every", "20",
                      env={"FAKE_CRASH": "7,26", "FAKE_HANG": "13", "FAKE_COMMAND_CRASH": "20"})
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertIn("crash: mutant 7: exit -11", r.stdout)
        self.assertIn("crash: mutant 26: exit -11", r.stdout)
        self.assertIn("hang: mutant 13: no answer in 1 s", r.stdout)
        self.assertIn("crash: mutant 20: loopscope explain FILE --force: exit -6", r.stdout)
        self.assertIn("mutants: 40 (seed 3, indexes 0..39)", r.stdout)
        self.assertIn("crashes: 3, hangs: 1, problems: 0", r.stdout)
        crash = os.path.join(self.dir, "findings", "crashes", "mutant-7.jsonl")
        with open(crash + ".txt") as f:
            note = f.read()
        self.assertIn("trap on mutant 7", note)
        self.assertIn(f"reproduce: {self.binary} check-readers --frames 4 --screen-index 7 {crash}", note)
        hang = os.path.join(self.dir, "findings", "hangs", "mutant-13.jsonl")
        with open(hang + ".txt") as f:
            self.assertIn(f"--screen-index 13 {hang}", f.read())
        # The saved file is the mutant itself: the same bytes as another run's mutant 7.
        sys.path.insert(0, os.path.dirname(FUZZ))
        import fuzz
        seeds = fuzz.load_seeds(self.binary)
        with open(crash, "rb") as f:
            self.assertEqual(f.read(), fuzz.make_mutant(seeds, 3, 7))
        # Every mutant ran (those after a crash or hang in the same batch too), each at the
        # screen size of its own index, also when check-readers was started again mid-batch.
        with open(self.log) as f:
            seen = [tuple(map(int, line.split())) for line in f]
        self.assertEqual(sorted({i for i, _ in seen}), list(range(40)))
        self.assertTrue(all(i == screen for i, screen in seen), seen)

    def test_the_output_is_the_same_for_one_and_two_jobs(self):
        env = {"FAKE_CRASH": "4,17", "FAKE_HANG": "9", "FAKE_PROBLEM": "2,3,30", "FAKE_COMMAND_CRASH": "24"}
        common = ["--mutants", "36", "--batch", "5", "--timeout", "1", "--cli-every", "12"]
        one = self.fuzz(*common, "--jobs", "1", out="one", env=env)
        two = self.fuzz(*common, "--jobs", "2", out="two", env=env)
        self.assertEqual(one.returncode, 1, one.stdout + one.stderr)
        self.assertEqual(two.returncode, 1, two.stdout + two.stderr)
        self.assertIn("crashes: 3, hangs: 1, problems: 3", one.stdout)
        self.assertEqual(without_times(one.stdout).replace(self.dir + "/one", "OUT"),
                         without_times(two.stdout).replace(self.dir + "/two", "OUT"))
        self.assertEqual(saved(os.path.join(self.dir, "one")), saved(os.path.join(self.dir, "two")))

    def test_an_interrupt_ends_the_children_and_reports_the_batches_done(self):
        proc = subprocess.Popen([sys.executable, FUZZ, "--loopscope", self.binary, "--seed", "3", "--mutants", "40",
                                 "--batch", "4", "--jobs", "2", "--timeout", "600",
                                 "--out", os.path.join(self.dir, "findings")],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=dict(os.environ, FAKE_LOG=self.log, FAKE_HANG="10,14"))
        try:
            # Wait until both workers are stuck in their hanging mutants, then interrupt.
            for _ in range(600):
                with open(self.log) if os.path.exists(self.log) else open(os.devnull) as f:
                    seen = {int(line.split()[0]) for line in f}
                if {10, 14} <= seen:
                    break
                time.sleep(0.05)   # polling the stand-in's log, 30 s at most
            proc.send_signal(signal.SIGINT)
            out, err = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
        self.assertIn("interrupted", out, err)
        self.assertIn("mutants: 8 (seed 3, indexes 0..7)", out)
        self.assertIn("hangs: 0", out)

    @unittest.skipUnless(os.environ.get("LOOPSCOPE_BIN"), "set LOOPSCOPE_BIN to a loopscope binary")
    def test_the_real_binary_gives_the_same_round_with_one_and_two_jobs(self):
        binary = os.path.abspath(os.environ["LOOPSCOPE_BIN"])
        common = ["--mutants", "12", "--batch", "3", "--cli-every", "6", "--frames", "2", "--timeout", "120"]
        one = self.fuzz(*common, "--jobs", "1", out="one", binary=binary)
        two = self.fuzz(*common, "--jobs", "2", out="two", binary=binary)
        self.assertEqual(without_times(one.stdout).replace(self.dir + "/one", "OUT"),
                         without_times(two.stdout).replace(self.dir + "/two", "OUT"))
        self.assertIn("mutants: 12 (seed 3, indexes 0..11)", one.stdout)
        self.assertEqual(saved(os.path.join(self.dir, "one")), saved(os.path.join(self.dir, "two")))


def saved(folder):
    """Every file the run saved, by path under its folder, with its bytes (paths inside the
    notes made relative)."""
    files = {}
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            with open(path, "rb") as f:
                files[os.path.relpath(path, folder)] = f.read().replace(folder.encode(), b"OUT")
    return files


if __name__ == "__main__":
    unittest.main()
