"""Running the recorder (and stock CPython) from the tests, with time limits."""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
RECORDER = os.path.join(os.path.dirname(HERE), "loopscope_record.py")
# The seed programs are the demos' Python originals; `expected/` holds CPython's own record of
# each one that has a reference (every seed case but the round-robin, which is the project's).
CASES = os.path.join(os.path.dirname(os.path.dirname(HERE)), "demos", "python")
EXPECTED = os.path.join(HERE, "expected")
# The scheduler's own CPython cases (each a program the Swift tests port).
SCHEDULER_CASES = os.path.join(os.path.dirname(os.path.dirname(HERE)), "Tests", "LoopscopeSchedulerTests",
                               "Reference", "cases")


def reference_cases():
    """The seed programs CPython's records in `expected/` describe, as file names."""
    return sorted(f[:-6] + ".py" for f in os.listdir(EXPECTED) if f.endswith(".jsonl"))
PYENV = "/root/.pyenv/versions"
TIMEOUT = 120


def python_versions():
    """Interpreters to run the version tests on: this one, and pyenv's 3.12 and 3.13 if present."""
    found = []
    for v in ("3.12.1", "3.13.0"):
        p = os.path.join(PYENV, v, "bin", "python3")
        if os.path.exists(p):
            found.append(p)
    return found


class Run:
    def __init__(self, rc, stdout, stderr, trace, cmd=None, stdin=None):
        self.rc, self.stdout, self.stderr, self.trace = rc, stdout, stderr, trace
        self.cmd, self.stdin = cmd, stdin

    def events(self):
        sys.path.insert(0, HERE)
        import tracefacts
        return tracefacts.read_trace(self.trace)[2]

    def text(self):
        with open(self.trace, encoding="utf-8") as f:
            return f.read()


def record(program, *args, options=(), python=None, source=None, stdin=None, tmp=None, cwd=None):
    """Records `program` (a path, or a name for `source` written into a temporary folder)."""
    tmp = tmp or tempfile.mkdtemp(prefix="lsrec-")
    if source is not None:
        path = os.path.join(tmp, program)
        with open(path, "w", encoding="utf-8") as f:
            f.write(source)
        program = path
    out = os.path.join(tmp, "trace.jsonl")
    cmd = [python or sys.executable, RECORDER, "--out", out] + list(options) + ["--", program] + list(args)
    p = subprocess.run(cmd, input=stdin, capture_output=True, text=True, timeout=TIMEOUT, cwd=cwd)
    return Run(p.returncode, p.stdout, p.stderr, out, cmd, stdin)



def validate(testcase, run):
    """Checks a trace with the Swift validator when LOOPSCOPE_BIN names a built loopscope."""
    binary = os.environ.get("LOOPSCOPE_BIN")
    if not binary:
        return
    trace = run.trace
    p = subprocess.run([binary, "validate", trace], capture_output=True, text=True, timeout=TIMEOUT)
    with open(trace, encoding="utf-8") as f:
        text = f.read()
    testcase.assertEqual(p.returncode, 0, "validator: %s%s\n%s" % (p.stdout, p.stderr, text[:4000]))
