"""Benchmark of the CPython recorder: the same workload (switches.py) untraced on stock CPython
and recorded, in one run; prints the wall times, their ratio and the trace size per switch.

    python3 recorder/bench/bench.py [TASKS [STEPS]]      (default 1000 1000)

Each side runs REPEAT times (default 3, env LOOPSCOPE_BENCH_REPEAT) and the best time counts:
the machine is shared, so the figures are noisy; the best of a few runs is the least disturbed,
and CPU time (user + system of the child) is steadier than wall time."""
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
RECORDER = os.path.join(os.path.dirname(HERE), "loopscope_record.py")
WORKLOAD = os.path.join(HERE, "switches.py")


def timed(cmd):
    """(wall seconds, CPU seconds) of one run of `cmd`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv):
    tasks = int(argv[0]) if argv else 1000
    steps = int(argv[1]) if len(argv) > 1 else 1000
    repeat = int(os.environ.get("LOOPSCOPE_BENCH_REPEAT", "3"))
    py = os.environ.get("LOOPSCOPE_PYTHON", sys.executable)
    switches = tasks * steps
    out = os.path.join(tempfile.mkdtemp(prefix="lsbench-"), "trace.jsonl")
    args = [WORKLOAD, str(tasks), str(steps)]
    plain = [timed([py] + args) for _ in range(repeat)]
    limit = str(10 * switches + 1000)
    recorded = [timed([py, RECORDER, "--out", out, "--max-events", limit, "--wall-timeout", "3600", "--"] + args)
                for _ in range(repeat)]
    size = os.path.getsize(out)
    version = subprocess.run([py, "-c", "import platform; print(platform.python_version())"],
                             capture_output=True, text=True).stdout.strip()
    print("workload        %d tasks x %d asyncio.sleep(0) = %d switches, CPython %s, best of %d" % (
        tasks, steps, switches, version, repeat))
    pw, pc = min(w for w, _ in plain), min(c for _, c in plain)
    rw, rc = min(w for w, _ in recorded), min(c for _, c in recorded)
    print("untraced        %.2f s wall, %.2f s CPU  (%.2f us CPU per switch)" % (pw, pc, pc / switches * 1e6))
    print("recorded        %.2f s wall, %.2f s CPU  (%.2f us CPU per switch)" % (rw, rc, rc / switches * 1e6))
    print("ratio           %.2fx wall, %.2fx CPU  (goal: <= 2x)" % (rw / pw, rc / pc))
    print("load average    %.1f (the machine is shared: wall times vary with it)" % os.getloadavg()[0])
    print("trace           %d bytes, %.1f bytes per switch (goal: <= 100)" % (size, size / switches))
    os.unlink(out)


if __name__ == "__main__":
    main(sys.argv[1:])
