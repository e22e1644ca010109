#!/usr/bin/env python3
"""Mutation fuzzer for loopscope's trace readers.

Takes the trace of every demo (and a few hand-written hostile traces) as seeds, mutates
them — bit flips, byte changes, line deletes / swaps / duplicates, truncation, field
removals, extreme numbers, hostile strings (escape sequences, C1 controls, bidi overrides,
zero-width and combining runs, CJK, HTML, Markdown links, backtick runs, huge strings,
lone surrogates, invalid UTF-8) — and runs every reader on each mutant:

* in one process per batch, `loopscope check-readers`: decode, validate, every export
  format at three widths, the player's frames at one of four screen sizes (40×12, 80×24,
  97×31, 203×61, taken in turn by index; each row checked to be the screen's width), and
  a check that no output carries a raw control, C1 or bidi
  character;
* for every Nth mutant, the real commands one by one (`validate`, `explain`, `export
  --format F` for every format, `frames`), each with `--force`, checking exit codes.

A crash (a signal, or an exit code a command never uses) or a hang (no answer within the
per-mutant time limit) is reported and the mutant saved under the output folder, with the
command that reproduces it. Every mutant is a pure function of the seed and its index, and
its screen size a function of its index, so a run is repeatable. With `--jobs N`, N batches
run at once; their results are reported in index order, so the output and the findings are
the same for any N.

    scripts/fuzz.py --loopscope .build/debug/loopscope --mutants 150 --seed 1     # CI round
    scripts/fuzz.py --loopscope .build/release/loopscope --minutes 120 --seed 7 --jobs 2   # a long run

Exit status: 0 when nothing crashed, hung or leaked; 1 otherwise.
"""

import argparse
import os
import random
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

FORMATS = ["text", "unicode", "sequence", "breakdown", "mermaid", "chrome", "markdown", "jsonl"]

EXTREME_NUMBERS = [
    "0", "-0", "-1", "1", "2", "127", "255", "256", "-129", "65535", "2147483647", "-2147483648",
    "2147483648", "4294967295", "4294967296", "9223372036854775807", "-9223372036854775808",
    "9223372036854775808", "-9223372036854775809", "18446744073709551616", "99999999999999999999999",
    "9223372036.854775807", "-9223372036.854775808", "9223372036.854775808", "9223372037",
    "-9223372037", "0.000000001", "0.0000000001", "1e3", "1E-9", "1.5e308", "-0.0", "01", "1.",
    ".5", "+1", "0x10", "NaN", "Infinity", "1.0000000000", "3.999999999", "1000000000000",
]

HOSTILE_STRINGS = [
    "\\u001b]0;PWN\\u0007\\u001b[2J", "\\u009b2J\\u009d0;x\\u009c", "\\u001b[31mred\\u001b[0m",
    "\\u202eevil\\u202c", "\\u2066iso\\u2069\\u2067x\\u2068y", "\\u200f\\u200e\\u061c",
    "zero\\u200bwidth\\u200d\\u2060\\ufeff", "e\\u0301\\u0302\\u0303\\u0304\\u0305\\u0306\\u0307",
    "\\u0301leading mark", "日本語のタスク名前", "👨\\u200d👩\\u200d👧\\u200d👦", "🇯🇵🇫🇷x",
    "한국어 이름 ハンカク ｶﾀｶﾅ", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
    "</blockquote><iframe src=//x>", "[x](javascript:alert(1))", "![x](http://x/y.png)",
    "``` `` ` ````", "`code` **bold** _it_ # head", "| a | b |\\n|---|---|", "a\\nb\\r\\nc\\rd",
    "tab\\there\\t\\t", "\\u0000nul\\u0001\\u007f\\u0085", "\\ud800", "\\udc00\\ud800", "\\ud83d\\ude00",
    "&amp;&lt;&#x27;", "%s%n%x", "\\\\", "\\\"", "", " ", "x" * 5000, "\\u3000\\u00a0\\u2028\\u2029",
    "-->", "]]>", "{{x}}", "$(rm -rf /)", "\\u0e01\\u0e34\\u0e4d\\u0e34\\u0e4d",
]

KIND_WORDS = ["created", "scheduled", "started", "resumed", "suspended", "awaitedReady", "completed",
              "failed", "cancelled", "cancelRequested", "printed", "clockJump", "blocked", "timerAdded",
              "timerFired", "timerCancelled", "callbackQueued", "callbackRan", "warning", "shutdown",
              "finished", "yielded", "bogus"]

NUMBER = re.compile(rb"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
STRING = re.compile(rb'"(?:[^"\\\n]|\\.)*"')
TEXT_VALUE = re.compile(rb'("(?:name|label|text|title|note|message|result|error|path|article|actual|origin|id)":)'
                        rb'"(?:[^"\\\n]|\\.)*"')
FIELD = re.compile(rb'"[A-Za-z]+":(?:"(?:[^"\\\n]|\\.)*"|-?[\d.eE+-]+|true|false|null|\{[^{}]*\}|\[[^\[\]]*\])')

HOSTILE_TRACE = """\
{"format":"loopscope-trace","version":1,"program":{"id":"hostile","title":"<b>T</b> `x` \\u001b[2J","origin":"","note":"[n](javascript:x)","claims":[{"article":"```","actual":"</blockquote>"}]}}
{"file":0,"path":"demos/H.swift","text":"func main() async throws {\\n    try await sleep(1)\\n    try await sleep(2)\\n    print(\\"done\\")\\n}\\n"}
{"seq":0,"t":0,"kind":"created","task":0,"name":"Task-1 \\u202e<i>","lane":"task","label":"main() `x`","at":"0:1"}
{"seq":1,"t":0,"kind":"scheduled","task":0,"why":"created"}
{"seq":2,"t":0,"kind":"started","task":0}
{"seq":3,"t":0,"kind":"timerAdded","task":0,"purpose":"sleep","timer":0,"due":1,"at":"0:2"}
{"seq":4,"t":0,"kind":"suspended","task":0,"wait":"sleep","on":0,"until":1,"at":"0:2"}
{"seq":5,"t":1,"kind":"clockJump","from":0}
{"seq":6,"t":1,"kind":"timerFired","task":0,"purpose":"sleep","timer":0,"due":1}
{"seq":7,"t":1,"kind":"callbackRan","task":0,"handle":0,"label":"sleep(1) is over"}
{"seq":8,"t":1,"kind":"scheduled","task":0,"why":"timer","by":0}
{"seq":9,"t":1,"kind":"resumed","task":0,"mode":"normal"}
{"seq":10,"t":1,"kind":"timerAdded","task":0,"purpose":"sleep","timer":1,"due":3,"at":"0:3"}
{"seq":11,"t":1,"kind":"suspended","task":0,"wait":"sleep","on":1,"until":-9223372036.854775808,"at":"0:3"}
{"seq":12,"t":3,"kind":"clockJump","from":1}
{"seq":13,"t":3,"kind":"timerFired","task":0,"purpose":"sleep","timer":1,"due":3}
{"seq":14,"t":3,"kind":"callbackRan","task":0,"handle":1,"label":"sleep(2) is over"}
{"seq":15,"t":3,"kind":"scheduled","task":0,"why":"timer","by":1}
{"seq":16,"t":3,"kind":"resumed","task":0,"mode":"normal"}
{"seq":17,"t":3,"kind":"printed","task":0,"stream":"stdout","text":"done <script>","at":"0:4"}
{"seq":18,"t":3,"kind":"completed","task":0,"result":"None"}
{"seq":19,"t":3,"kind":"shutdown","pending":0}
{"seq":20,"t":3,"kind":"finished","outcome":"ok","message":""}
"""


def replace_random(rng, data, pattern, make):
    matches = list(pattern.finditer(data))
    if not matches:
        return data
    m = rng.choice(matches)
    return data[:m.start()] + make(m) + data[m.end():]


# Structural and value mutations more often than byte-level ones: most byte flips only
# test the decoder's error path, which is cheap to reach.
OPS = [0, 1, 2, 2, 3, 3, 4, 4, 5, 6, 6, 7, 7, 7, 8, 8, 9, 9, 9, 10, 10, 11, 11, 12, 12, 13, 14, 15, 15]


def mutate_once(rng, data):
    lines = data.split(b"\n")
    op = rng.choice(OPS)
    if op == 0 and data:  # bit flip
        i = rng.randrange(len(data))
        return data[:i] + bytes([data[i] ^ (1 << rng.randrange(8))]) + data[i + 1:]
    if op == 1 and data:  # a byte set to something structural or invalid
        i = rng.randrange(len(data))
        b = rng.choice(b'"\\{}[],:\n -0.9e\x00\x1b\x7f\x80\xc3\xe2\xed\xf0\xff')
        return data[:i] + bytes([b]) + data[i + 1:]
    if op == 2 and len(lines) > 1:  # delete a line
        del lines[rng.randrange(len(lines))]
        return b"\n".join(lines)
    if op == 3 and len(lines) > 1:  # swap two lines
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
        return b"\n".join(lines)
    if op == 4 and lines:  # duplicate a line, here or elsewhere
        i = rng.randrange(len(lines))
        lines.insert(rng.randrange(len(lines) + 1), lines[i])
        return b"\n".join(lines)
    if op == 5 and data:  # truncate
        return data[:rng.randrange(len(data))]
    if op == 6:  # remove a field
        def drop(m):
            return b""
        out = replace_random(rng, data, FIELD, drop)
        return out.replace(b",,", b",").replace(b"{,", b"{").replace(b",}", b"}")
    if op in (7, 8):  # an extreme number
        return replace_random(rng, data, NUMBER, lambda m: rng.choice(EXTREME_NUMBERS).encode())
    if op in (9, 10):  # a hostile string, usually where text belongs, sometimes anywhere
        hostile = b'"' + rng.choice(HOSTILE_STRINGS).encode() + b'"'
        if rng.random() < 0.85:
            return replace_random(rng, data, TEXT_VALUE, lambda m: m.group(1) + hostile)
        return replace_random(rng, data, STRING, lambda m: hostile)
    if op == 11:  # another kind
        return replace_random(rng, data, re.compile(rb'"kind":"[A-Za-z]+"'),
                              lambda m: b'"kind":"' + rng.choice(KIND_WORDS).encode() + b'"')
    if op == 12:  # a field's value moved to another field
        fields = list(FIELD.finditer(data))
        if len(fields) >= 2:
            a, b = rng.choice(fields), rng.choice(fields)
            key = a.group(0).split(b":", 1)[0]
            value = b.group(0).split(b":", 1)[1]
            return data[:a.start()] + key + b":" + value + data[a.end():]
        return data
    if op == 13 and lines:  # many copies of one line (a long run of one event)
        i = rng.randrange(len(lines))
        lines[i:i + 1] = [lines[i]] * rng.randrange(2, 200)
        return b"\n".join(lines)
    if op == 14:  # raw bytes that are not UTF-8, or CR line ends
        if rng.random() < 0.5:
            return data.replace(b"\n", b"\r\n", rng.randrange(1, 5))
        i = rng.randrange(len(data) + 1)
        return data[:i] + rng.choice([b"\xff", b"\xc0\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80"]) + data[i:]
    # op 15: an id or count pushed out of range
    return replace_random(rng, data, re.compile(rb'"(task|by|on|timer|handle|file|seq|count|pending)":-?\d+'),
                          lambda m: m.group(0).split(b":")[0] + b":" + rng.choice(
                              [b"-2", b"-1", b"0", b"1", b"7", b"100000", b"2147483648"]))


def make_mutant(seeds, base_seed, index):
    rng = random.Random(base_seed * 1_000_003 + index)
    data = seeds[rng.randrange(len(seeds))][1]
    for _ in range(rng.choice([1, 1, 1, 1, 2, 2, 3, 5])):
        data = mutate_once(rng, data)
    return data


def load_seeds(loopscope):
    seeds = [("hostile", HOSTILE_TRACE.encode())]
    listing = subprocess.run([loopscope, "list"], capture_output=True, check=True, text=True).stdout
    for line in listing.splitlines():
        words = line.split()
        if len(words) < 2 or not words[0].startswith("seed"):
            continue  # blank lines and the closing note
        trace = subprocess.run([loopscope, "record", words[0]], capture_output=True)
        if trace.returncode == 0 and trace.stdout:
            seeds.append((words[0], trace.stdout))
    # The decoder accepts events without "seq"; without it, deleted, swapped and repeated
    # lines still decode and reach the validator and (with --force) every reader.
    seeds += [(name + " (no seq)", re.sub(rb'"seq":\d+,', b"", data)) for name, data in seeds]
    return seeds


class Findings:
    """What a run found, merged from the batches in index order."""

    def __init__(self, out):
        self.out = out
        self.crashes = self.hangs = self.problems = 0
        self.rejected = self.ok = 0

    def path(self, kind, index):
        return os.path.join(self.out, kind, f"mutant-{index}.jsonl")

    def save(self, kind, index, data, what):
        path = self.path(kind, index)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        # The command that shows it, with the saved file in place of FILE.
        lines = what.split("\n")
        lines = [line.replace("FILE", path) if n == 0 or line.startswith("reproduce:") else line
                 for n, line in enumerate(lines)]
        with open(path + ".txt", "w") as f:
            f.write("\n".join(lines) + "\n")
        noun = {"crashes": "crash", "hangs": "hang", "problems": "problem"}[kind]
        setattr(self, kind, getattr(self, kind) + 1)
        print(f"  {noun}: mutant {index}: {what.splitlines()[0][:300]}\n    saved: {path}", flush=True)
        return path


class BatchResult:
    """What one batch found, kept until the batches before it are reported, so the output is
    the same whatever the number of jobs."""

    def __init__(self, first, count):
        self.first, self.count = first, count
        self.ok = self.rejected = 0
        self.events = []       # (kind, index, data, what) of each finding, in order
        self.complete = True   # False when the run was interrupted during the batch

    def save(self, kind, index, data, what):
        self.events.append((kind, index, data, what))

    def report(self, findings):
        findings.ok += self.ok
        findings.rejected += self.rejected
        for event in self.events:
            findings.save(*event)


class Processes:
    """The child processes running now, so an interrupt can end them with their groups."""

    def __init__(self):
        self.lock = threading.Lock()
        self.live = set()
        self.stopping = threading.Event()

    def start(self, args, **kwargs):
        with self.lock:
            if self.stopping.is_set():
                raise Interrupted()
            # Its own process group, so a hang is ended with everything it started.
            proc = subprocess.Popen(args, start_new_session=True, **kwargs)
            self.live.add(proc)
        return proc

    def done(self, proc):
        with self.lock:
            self.live.discard(proc)

    def stop_all(self):
        with self.lock:
            self.stopping.set()
            for proc in self.live:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass


class Interrupted(Exception):
    pass


def reproduce(loopscope, frames, index):
    return f"reproduce: {loopscope} check-readers --frames {frames} --screen-index {index} FILE"


def run_batch(loopscope, batch, result, timeout, frames, procs):
    """Runs check-readers on a batch of (index, path, data); restarts after a crash or hang.
    A mutant's screen size is chosen by its index, so a restart does not change it."""
    pending = list(batch)
    while pending:
        proc = procs.start([loopscope, "check-readers", "--frames", str(frames), "--screen-index", str(pending[0][0])]
                           + [p for _, p, _ in pending], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        buffer = b""
        done = 0
        deadline = time.monotonic() + timeout
        hung = False
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                hung = True
                break
            ready, _, _ = select.select([proc.stdout], [], [], left)
            if not ready:
                continue
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                break
            buffer += chunk
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                status = line.split(b"\t", 1)[0]
                if done >= len(pending):
                    continue
                index, path, data = pending[done]
                if status == b"ok":
                    result.ok += 1
                elif status == b"rejected":
                    result.rejected += 1
                else:
                    result.save("problems", index, data, line.decode("utf-8", "replace").replace(path, "FILE")
                                + "\n" + reproduce(loopscope, frames, index))
                done += 1
                deadline = time.monotonic() + timeout
        if hung:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.stdout.close()
        err = proc.stderr.read().decode("utf-8", "replace")
        proc.stderr.close()
        code = proc.wait()
        procs.done(proc)
        if procs.stopping.is_set():
            raise Interrupted()
        if done < len(pending):
            index, path, data = pending[done]
            if hung:
                result.save("hangs", index, data, f"no answer in {timeout:g} s\n{reproduce(loopscope, frames, index)}")
            else:
                tail = "\n".join(err.strip().splitlines()[:40])
                result.save("crashes", index, data, f"exit {code}\n{tail}\n{reproduce(loopscope, frames, index)}")
            done += 1
        elif code != 0:
            result.save("crashes", pending[-1][0], pending[-1][2],
                        f"check-readers exited {code} after its last file: {err[:500]}\n"
                        f"{reproduce(loopscope, frames, pending[-1][0])}")
        pending = pending[done:]


def run_commands(loopscope, index, path, data, result, timeout, procs):
    """The real commands, one process each: exit codes 0-3 are answers, anything else a crash."""
    commands = [["validate", path], ["explain", path, "--force"], ["frames", path, "--force", "--frames", "8"]]
    commands += [["export", path, "--force", "--format", f] for f in FORMATS]
    commands += [["export", path, "--format", "text"]]
    for args in commands:
        shown = f"loopscope {' '.join(args)}".replace(path, "FILE")
        proc = procs.start([loopscope] + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           stdin=subprocess.DEVNULL)
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            procs.done(proc)
            if procs.stopping.is_set():
                raise Interrupted()
            result.save("hangs", index, data, f"{shown}: no answer in {timeout:g} s")
            return
        procs.done(proc)
        if procs.stopping.is_set():
            raise Interrupted()
        if proc.returncode not in (0, 1, 2):
            result.save("crashes", index, data, f"{shown}: exit {proc.returncode}\n"
                        + err.decode("utf-8", "replace")[:3000])
            return
        leak = next((c for c in err.decode("utf-8", "replace")
                     if (ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F), None)
        if leak is not None:
            result.save("problems", index, data, f"{shown}: stderr carries U+{ord(leak):04X}")
            return


def run_mutants(args, loopscope, seeds, work, first, count, procs):
    """One batch, start to end: makes the mutants, runs check-readers on them, then the real
    commands on every Nth. Runs in a worker thread; the work is in child processes."""
    result = BatchResult(first, count)
    batch = []
    try:
        for i in range(first, first + count):
            data = make_mutant(seeds, args.seed, i)
            path = os.path.join(work, f"m{i}.jsonl")
            with open(path, "wb") as f:
                f.write(data)
            batch.append((i, path, data))
        run_batch(loopscope, batch, result, args.timeout, args.frames, procs)
        for i, path, data in batch:
            if args.cli_every > 0 and i % args.cli_every == 0:
                run_commands(loopscope, i, path, data, result, args.timeout, procs)
    except Interrupted:
        result.complete = False
    finally:
        for _, path, _ in batch:
            os.unlink(path)
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--loopscope", default=".build/debug/loopscope", help="the binary to test")
    ap.add_argument("--mutants", type=int, default=300, help="how many mutants (ignored with --minutes)")
    ap.add_argument("--minutes", type=float, default=0, help="run this long instead of a fixed count")
    ap.add_argument("--seed", type=int, default=1, help="the run's seed: same seed, same mutants")
    ap.add_argument("--start", type=int, default=0, help="index of the first mutant")
    ap.add_argument("--batch", type=int, default=25, help="mutants per check-readers process")
    ap.add_argument("--jobs", type=int, default=1,
                    help="batches run at once (the findings and output are the same for any number)")
    ap.add_argument("--timeout", type=float, default=30, help="seconds one mutant may take")
    ap.add_argument("--frames", type=int, default=4, help="player frames per view and size")
    ap.add_argument("--cli-every", type=int, default=50, help="run the real commands on every Nth mutant")
    ap.add_argument("--out", default="fuzz-findings", help="where crashes, hangs and problems are saved")
    args = ap.parse_args()
    if args.jobs < 1 or args.batch < 1:
        ap.error("--jobs and --batch must be at least 1")

    loopscope = os.path.abspath(args.loopscope)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    seeds = load_seeds(loopscope)
    findings = Findings(os.path.abspath(args.out))
    procs = Processes()
    work = tempfile.mkdtemp(prefix="loopscope-fuzz-")
    start = time.monotonic()
    stop_at = start + args.minutes * 60 if args.minutes > 0 else None
    end = args.start + args.mutants
    print(f"fuzzing {loopscope}: seed {args.seed}, {len(seeds)} seed traces, "
          + (f"{args.minutes:g} minutes" if stop_at else f"mutants {args.start}..{end - 1}")
          + (f", {args.jobs} jobs" if args.jobs > 1 else ""), flush=True)

    def batches():
        first = args.start
        while (time.monotonic() < stop_at) if stop_at else (first < end):
            count = args.batch if stop_at else min(args.batch, end - first)
            yield first, count
            first += count

    # Batches are reported in index order as soon as every batch before them is done; a few
    # more than the jobs are queued so a worker never waits for the report.
    reported = args.start   # the mutants before this index are run and reported
    late = 0                # mutants run after an interruption's gap, reported but not in the range
    queue = []
    pool = ThreadPoolExecutor(max_workers=args.jobs)
    try:
        source = batches()
        while True:
            while len(queue) < 2 * args.jobs:
                nxt = next(source, None)
                if nxt is None:
                    break
                queue.append(pool.submit(run_mutants, args, loopscope, seeds, work, nxt[0], nxt[1], procs))
            if not queue:
                break
            result = queue.pop(0).result()
            result.report(findings)
            reported = result.first + result.count
            if (reported - args.start) % (args.batch * 40) == 0:
                print(f"  {reported - args.start} mutants, {time.monotonic() - start:.0f} s", flush=True)
    except KeyboardInterrupt:
        procs.stop_all()
        print("interrupted", flush=True)
        gap = False
        for future in queue:
            result = future.result()
            if not result.complete:
                gap = True
                continue
            result.report(findings)   # a finished batch's findings are kept, even after a gap
            if gap:
                late += result.count
            else:
                reported = result.first + result.count
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(work, ignore_errors=True)
    total = reported - args.start
    elapsed = time.monotonic() - start
    more = f" and {late} mutants after them" if late else ""
    print(f"mutants: {total + late} (seed {args.seed}, indexes {args.start}..{reported - 1}{more}) in {elapsed:.0f} s; "
          f"decoded and rendered: {findings.ok}, rejected by the decoder: {findings.rejected}; "
          f"crashes: {findings.crashes}, hangs: {findings.hangs}, problems: {findings.problems}", flush=True)
    return 1 if findings.crashes or findings.hangs or findings.problems else 0


if __name__ == "__main__":
    sys.exit(main())
