"""Unit tests of the recorder: exit codes, bad programs, limits, threads, callbacks, warnings."""
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import helpers  # noqa: E402


def src(text):
    return textwrap.dedent(text).lstrip()


def kinds(events, kind):
    return [e for e in events if e["kind"] == kind]


def finished(run):
    return kinds(run.events(), "finished")[0]


def printed(run, stream="stdout"):
    return [e["text"] for e in run.events() if e["kind"] == "printed" and e.get("stream") == stream]


class Base(unittest.TestCase):
    def record(self, source, *args, name="prog.py", **kw):
        run = helpers.record(name, *args, source=src(source), **kw)
        if run.rc == 0:
            helpers.validate(self, run)
        return run


class ExitCodes(Base):
    def test_syntax_error_exits_2_with_python_message_and_no_trace(self):
        run = self.record("import asyncio\nasync def main(:\n    pass\n")
        self.assertEqual(run.rc, 2)
        self.assertIn('prog.py", line 2', run.stderr)
        self.assertIn("SyntaxError", run.stderr)
        self.assertFalse(os.path.exists(run.trace))
        self.assertFalse(os.path.exists(run.trace + ".part"))

    def test_missing_file_exits_2(self):
        tmp = tempfile.mkdtemp()
        run = helpers.record(os.path.join(tmp, "nope.py"), tmp=tmp)
        self.assertEqual(run.rc, 2)
        self.assertIn("can't open file", run.stderr)
        self.assertIn("nope.py", run.stderr)
        self.assertFalse(os.path.exists(run.trace))

    def test_import_error_at_top_level_exits_2_with_file_and_line(self):
        run = self.record("import asyncio\nprint('before')\nimport no_such_module_here\n")
        self.assertEqual(run.rc, 2)
        self.assertIn('prog.py", line 3, in <module>', run.stderr)
        self.assertIn("ModuleNotFoundError: No module named 'no_such_module_here'", run.stderr)
        self.assertFalse(os.path.exists(run.trace))

    def test_bad_arguments_exit_4(self):
        p = subprocess.run([sys.executable, helpers.RECORDER, "--max-events", "many", "--out", "x", "p.py"],
                           capture_output=True, text=True, timeout=60)
        self.assertEqual(p.returncode, 4)
        self.assertIn("--max-events", p.stderr)
        p = subprocess.run([sys.executable, helpers.RECORDER, "p.py"], capture_output=True, text=True, timeout=60)
        self.assertEqual(p.returncode, 4)
        self.assertIn("--out", p.stderr)
        self.assertEqual(p.stdout, "")

    def test_old_python_exits_3_with_what_to_install(self):
        tried = 0
        for v in ("3.10.13", "3.6.15"):
            py = os.path.join(helpers.PYENV, v, "bin", "python3")
            if not os.path.exists(py):
                continue
            tried += 1
            p = subprocess.run([py, helpers.RECORDER, "--out", "/tmp/never.jsonl", "x.py"],
                               capture_output=True, text=True, timeout=60)
            self.assertEqual(p.returncode, 3, p.stderr)
            self.assertIn("install Python 3.11 or newer", p.stderr)
            self.assertEqual(len(p.stderr.strip().splitlines()), 1)
        if not tried:
            self.skipTest("no Python older than 3.11 under " + helpers.PYENV)


class Outcomes(Base):
    def test_exception_escaping_main_prints_pythons_traceback_and_keeps_the_trace(self):
        source = """
            import asyncio

            async def boom():
                await asyncio.sleep(1)
                raise ValueError("no luck")

            async def main():
                print("start")
                await boom()

            asyncio.run(main())
            """
        run = self.record(source)
        self.assertEqual(run.rc, 0)
        stock = subprocess.run([sys.executable, os.path.join(os.path.dirname(run.trace), "prog.py")],
                               capture_output=True, text=True, timeout=60)
        self.assertEqual(run.stderr, stock.stderr)
        self.assertEqual(run.stdout, stock.stdout)
        self.assertEqual(printed(run, "stderr"), stock.stderr.splitlines())
        end = finished(run)
        self.assertEqual(end["outcome"], "exception")
        self.assertEqual(end["message"], "ValueError: no luck")
        self.assertEqual(kinds(run.events(), "failed")[0]["error"], "ValueError: no luck")

    def test_deadlock_names_each_stuck_task_and_what_it_waits_on(self):
        source = """
            import asyncio

            async def consumer(q):
                return await q.get()

            async def main():
                q = asyncio.Queue()
                c = asyncio.create_task(consumer(q))
                await c

            asyncio.run(main())
            """
        run = self.record(source)
        self.assertEqual(run.rc, 0)
        end = finished(run)
        self.assertEqual(end["outcome"], "deadlock")
        warns = [w["message"] for w in kinds(run.events(), "warning") if w["warning"] == "deadlock"]
        self.assertEqual(len(warns), 2)
        self.assertRegex(warns[0], r"^Task-1 waits on Task-2 at \S*prog\.py:9$")
        self.assertRegex(warns[1], r"^Task-2 waits on Queue\.get\(\) at \S*prog\.py:4$")
        self.assertIn("Task-2 waits on Queue.get()", run.stderr)

    def test_event_limit(self):
        source = """
            import asyncio

            async def main():
                while True:
                    await asyncio.sleep(0)

            asyncio.run(main())
            """
        run = self.record(source, options=["--max-events", "1000"])
        end = finished(run)
        self.assertEqual(end["outcome"], "limit")
        self.assertIn("--max-events", end["message"])
        self.assertIn("limit", run.stderr)

    def test_virtual_time_limit(self):
        source = """
            import asyncio

            async def main():
                while True:
                    await asyncio.sleep(1000)

            asyncio.run(main())
            """
        run = self.record(source, options=["--max-time", "5000"])
        end = finished(run)
        self.assertEqual(end["outcome"], "limit")
        self.assertIn("past the limit of 5000 s", end["message"])
        self.assertEqual(kinds(run.events(), "clockJump")[-1]["t"], 5000 * 10**9)

    def test_wall_clock_limit_stops_a_busy_program(self):
        source = """
            import asyncio

            async def main():
                print("spinning")
                while True:
                    pass

            asyncio.run(main())
            """
        run = self.record(source, options=["--wall-timeout", "1"])
        end = finished(run)
        self.assertEqual(end["outcome"], "limit")
        self.assertIn("wall-clock", end["message"])
        self.assertEqual(printed(run), ["spinning"])

    def test_program_that_calls_sys_exit(self):
        run = self.record("import sys\nprint('bye')\nsys.exit(3)\n")
        self.assertEqual(run.rc, 0)
        self.assertEqual(finished(run)["outcome"], "exception")
        self.assertEqual(finished(run)["message"], "SystemExit: 3")


class Input(Base):
    def test_stdin_is_at_end_of_file_and_input_never_blocks(self):
        source = """
            import sys
            try:
                input("name? ")
            except EOFError:
                print("EOF")
            print(repr(sys.stdin.read()))
            """
        run = self.record(source, stdin="would block\n")
        self.assertEqual(run.stdout, "name? EOF\n''\n")
        self.assertEqual(printed(run), ["name? EOF", "''"])

    def test_stdin_given_with_the_flag(self):
        run = self.record("print(input().upper())\n", options=["--stdin"], stdin="hello\n")
        self.assertEqual(printed(run), ["HELLO"])

    def test_hostile_output_is_recorded_as_is(self):
        source = r"""
            import sys
            print("\x1b[2J\x1b]0;title\x07bell\r\tend")
            print("x" * 200000)
            sys.stderr.write("\x00\x7f\u202e\U0001F600 partial")
            """
        run = self.record(source)
        out = printed(run)
        self.assertEqual(out[0], "\x1b[2J\x1b]0;title\x07bell\r\tend")
        self.assertEqual(out[1], "x" * 200000)
        self.assertEqual(printed(run, "stderr"), ["\x00\x7f\u202e\U0001F600 partial"])


class Determinism(Base):
    SOURCE = """
        import asyncio, threading, time

        class Thing:
            pass

        def work(n):
            time.sleep(n)
            print("work", n, time.time())

        async def job(name, thing, d):
            print(name, "start", time.monotonic())
            await asyncio.sleep(d)
            await asyncio.to_thread(work, d / 2)
            return thing

        async def main():
            tasks = [asyncio.create_task(job(f"j{i}", Thing(), i / 10)) for i in range(5)]
            done = await asyncio.gather(*tasks)
            print(len(done), time.perf_counter())

        asyncio.run(main())
        """

    def test_same_program_gives_byte_identical_traces(self):
        tmp = tempfile.mkdtemp(prefix="lsrec-")
        a = self.record(self.SOURCE, tmp=tmp)
        first = a.text()
        b = self.record(self.SOURCE, tmp=tmp)
        self.assertEqual(first, b.text())
        self.assertEqual(a.rc, 0, a.stderr)
        self.assertEqual(a.text(), b.text())
        self.assertNotIn("0x", a.text())
        self.assertEqual(a.text().count('"kind":"created"'), 11)


class Features(Base):
    def test_no_asyncio_program_runs_on_a_main_thread_lane(self):
        run = self.record("import time\nprint('a')\ntime.sleep(2)\nprint('b', time.time())\n")
        ev = run.events()
        self.assertEqual(ev[0]["kind"], "created")
        self.assertEqual((ev[0]["lane"], ev[0]["name"]), ("mainThread", "MainThread"))
        self.assertEqual(printed(run), ["a", "b 1704067202.0"])
        sus = kinds(ev, "suspended")[0]
        self.assertEqual((sus["wait"], sus["until"]), ("sleep", 2))
        self.assertEqual([p.get("task") for p in kinds(ev, "printed")], [0, 0])
        self.assertEqual(finished(run)["outcome"], "ok")

    def test_blocking_sleep_in_a_coroutine_holds_the_loop(self):
        source = """
            import asyncio, time

            async def other():
                print("other", time.monotonic())

            async def main():
                asyncio.create_task(other())
                time.sleep(3)
                await asyncio.sleep(0)
                print("main", time.monotonic())

            asyncio.run(main())
            """
        run = self.record(source)
        b = kinds(run.events(), "blocked")[0]
        self.assertEqual((b["task"], b["blocking"], b["duration"], b["t"]), (0, "sleep", 3, 0))
        self.assertEqual(printed(run), ["other 3.0", "main 3.0"])

    def test_threads_and_to_thread_are_thread_lanes(self):
        source = """
            import asyncio, threading, time

            def blocking(n):
                time.sleep(n)
                print("worker", n)
                return n * 2

            async def main():
                t = threading.Thread(target=blocking, args=(2,))
                t.start()
                r = await asyncio.to_thread(blocking, 1)
                print("got", r, time.monotonic())
                await asyncio.sleep(2)
                t.join()

            asyncio.run(main())
            """
        run = self.record(source)
        ev = run.events()
        lanes = {e["task"]: (e["name"], e["lane"], e["label"]) for e in kinds(ev, "created")}
        self.assertEqual(lanes[1], ("Thread-1 (blocking)", "thread", "blocking(2)"))
        self.assertEqual(lanes[2], ("asyncio_0", "thread", "blocking(1)"))
        self.assertEqual(printed(run), ["worker 1", "got 2 1.0", "worker 2"])
        who = [(p["text"], p.get("task")) for p in kinds(ev, "printed")]
        self.assertEqual(who, [("worker 1", 2), ("got 2 1.0", 0), ("worker 2", 1)])
        self.assertEqual(finished(run)["outcome"], "ok")

    def test_threads_deadlock_is_reported(self):
        source = """
            import threading
            me = threading.current_thread()
            def wait_for_main():
                other.join()
            other = threading.Thread(target=lambda: t.join())
            t = threading.Thread(target=wait_for_main)
            t.start(); other.start()
            t.join()
            """
        run = self.record(source)
        self.assertEqual(finished(run)["outcome"], "deadlock")

    def stock_output(self, source):
        """What CPython prints running `source` itself, on the real clock."""
        folder = tempfile.mkdtemp(prefix="lsrec-stock-")
        path = os.path.join(folder, "prog.py")
        with open(path, "w", encoding="utf-8") as f:
            f.write(src(source))
        p = subprocess.run([sys.executable, path], capture_output=True, text=True, timeout=helpers.TIMEOUT)
        self.assertEqual(p.returncode, 0, p.stderr)
        return p.stdout.splitlines()

    def test_threads_waiting_on_queues_and_locks_hand_over(self):
        source = """
            import threading, time, queue

            q = queue.Queue()
            lock = threading.Lock()
            total = 0

            def producer():
                for i in range(3):
                    time.sleep(0.5)
                    q.put(i)
                q.put(None)

            def consumer():
                global total
                while (item := q.get()) is not None:
                    with lock:
                        total += item
                    print("got", item, time.monotonic())

            ts = [threading.Thread(target=producer), threading.Thread(target=consumer)]
            for t in ts: t.start()
            for t in ts: t.join()
            print("total", total)
            """
        run = self.record(source, options=("--wall-timeout", "60"))
        self.assertEqual(finished(run)["outcome"], "ok", run.stderr)
        self.assertEqual(printed(run), ["got 0 0.5", "got 1 1.0", "got 2 1.5", "total 3"])
        self.assertEqual([line.split()[:2] for line in self.stock_output(source)],
                         [line.split()[:2] for line in printed(run)])
        ev = run.events()
        waits = [(e["task"], e["wait"], e.get("label")) for e in kinds(ev, "suspended")]
        self.assertIn((2, "queueGet", "queue.get()"), waits)
        helpers.validate(self, run)

    def test_threading_primitives_match_cpython(self):
        source = """
            import threading, time
            from concurrent.futures import ThreadPoolExecutor

            ev = threading.Event()
            cond = threading.Condition()
            items = []
            sem = threading.BoundedSemaphore(1)
            bar = threading.Barrier(2)
            rl = threading.RLock()

            def waiter():
                ev.wait()
                print("event seen")
                with cond:
                    cond.wait_for(lambda: items)
                    print("item", items[0])
                with sem:
                    time.sleep(0.2)
                    print("sem held")
                bar.wait()

            def setter():
                time.sleep(0.1)
                ev.set()
                time.sleep(0.1)
                with cond:
                    items.append(42)
                    cond.notify()
                time.sleep(0.05)
                with sem:
                    print("setter has sem")
                with rl:
                    with rl:
                        print("reentrant")
                bar.wait()
                print("past the barrier")

            ts = [threading.Thread(target=waiter), threading.Thread(target=setter)]
            for t in ts: t.start()
            for t in ts: t.join()
            print("timed out:", not threading.Event().wait(0.5))
            with ThreadPoolExecutor(max_workers=2) as ex:
                print(list(ex.map(lambda x: (time.sleep(0.1 * x), x * x)[1], range(4))))
            print("done")
            """
        run = self.record(source, options=("--wall-timeout", "60"))
        self.assertEqual(finished(run)["outcome"], "ok", run.stderr)
        self.assertEqual(printed(run), self.stock_output(source))
        helpers.validate(self, run)

    def test_thread_timers_and_results_from_the_loop_run_on_the_virtual_clock(self):
        source = """
            import asyncio, threading, time

            t = threading.Timer(1.5, lambda: print("timer fired", time.monotonic()))
            t.start()
            never = threading.Timer(5, lambda: print("never"))
            never.start()
            never.cancel()
            t.join()

            async def work(x):
                await asyncio.sleep(1)
                return x * 2

            def from_thread(loop):
                fut = asyncio.run_coroutine_threadsafe(work(21), loop)
                print("thread got", fut.result(), time.monotonic())

            async def main():
                th = threading.Thread(target=from_thread, args=(asyncio.get_running_loop(),))
                th.start()
                await asyncio.sleep(2)
                th.join()

            asyncio.run(main())
            print("end", time.monotonic())
            """
        run = self.record(source, options=("--wall-timeout", "60"))
        self.assertEqual(finished(run)["outcome"], "ok", run.stderr)
        self.assertEqual(printed(run), ["timer fired 1.5", "thread got 42 2.5", "end 3.5"])
        helpers.validate(self, run)

    def test_threads_waiting_on_each_others_locks_are_a_deadlock(self):
        source = """
            import threading, time
            a, b = threading.Lock(), threading.Lock()

            def one():
                with a:
                    time.sleep(0.1)
                    with b:
                        print("one")

            def two():
                with b:
                    time.sleep(0.1)
                    with a:
                        print("two")

            t1, t2 = threading.Thread(target=one), threading.Thread(target=two)
            t1.start(); t2.start()
            t1.join(); t2.join()
            """
        run = self.record(source, options=("--wall-timeout", "60"))
        self.assertEqual(finished(run)["outcome"], "deadlock", run.stderr)
        stuck = [w["message"] for w in kinds(run.events(), "warning") if w["warning"] == "deadlock"]
        self.assertIn("Thread-1 (one) waits on lock.acquire() and no thread that can run will release it", stuck)
        self.assertIn("Thread-2 (two) waits on lock.acquire() and no thread that can run will release it", stuck)
        self.assertEqual(finished(run)["t"], 100000000, "found when both wait, at 0.1 s")
        helpers.validate(self, run)

    def test_a_task_that_waits_on_a_threads_lock_blocks_the_loop_until_it_is_released(self):
        source = """
            import asyncio, threading, time
            lock = threading.Lock()

            def holder():
                with lock:
                    time.sleep(1)
                    print("holder done", time.monotonic())

            async def ticker():
                for i in range(3):
                    print("tick", i, asyncio.get_running_loop().time())
                    await asyncio.sleep(0.5)

            async def main():
                t = threading.Thread(target=holder)
                t.start()
                tk = asyncio.create_task(ticker())
                await asyncio.sleep(0)
                with lock:
                    print("main has the lock", time.monotonic())
                await tk
                t.join()

            asyncio.run(main())
            """
        run = self.record(source, options=("--wall-timeout", "60"))
        self.assertEqual(finished(run)["outcome"], "ok", run.stderr)
        self.assertEqual(printed(run), ["tick 0 0.0", "holder done 1.0", "main has the lock 1.0",
                                        "tick 1 1.0", "tick 2 1.5"])
        self.assertEqual([line.split()[:-1] for line in self.stock_output(source)],
                         [line.split()[:-1] for line in printed(run)])
        helpers.validate(self, run)

    def test_callbacks_timers_and_cancelled_handles(self):
        source = """
            import asyncio

            def say(what):
                print(what)

            async def main():
                loop = asyncio.get_running_loop()
                loop.call_soon(say, "soon")
                loop.call_later(1, say, "later")
                loop.call_at(loop.time() + 2, say, "at")
                h = loop.call_later(1.5, say, "never")
                h.cancel()
                await asyncio.sleep(3)

            asyncio.run(main())
            """
        run = self.record(source)
        ev = run.events()
        self.assertEqual(printed(run), ["soon", "later", "at"])
        self.assertEqual([e["label"] for e in kinds(ev, "callbackRan")][:3],
                         ["say('soon')", "say('later')", "say('at')"])
        added = [(e["purpose"], e["due"]) for e in kinds(ev, "timerAdded")]
        self.assertEqual(added, [("callback", 1), ("callback", 2), ("callback", 1.5), ("sleep", 3)])
        self.assertEqual([e["due"] for e in kinds(ev, "timerCancelled")], [1.5])

    def test_queued_callbacks_cancelled_before_they_run(self):
        source = """
            import asyncio

            def say(what):
                print(what)

            async def main():
                loop = asyncio.get_running_loop()
                loop.call_soon(say, "kept")
                loop.call_soon(say, "dropped").cancel()
                handles = []
                loop.call_later(1, lambda: handles[0].cancel())  # due with `late`, armed first
                handles.append(loop.call_later(1, say, "fired but dropped"))
                late2 = loop.call_later(2, say, "runs")
                loop.call_later(2, late2.cancel)  # armed after: runs after late2 ran
                await asyncio.sleep(3)

            asyncio.run(main())
            """
        run = self.record(source)
        ev = run.events()
        self.assertEqual(printed(run), ["kept", "runs"])
        cancelled = [(e["purpose"], e["timer"], e["due"]) for e in kinds(ev, "timerCancelled")]
        self.assertEqual(cancelled, [("callback", 1, 0), ("callback", 3, 1)])
        ran = [e["handle"] for e in kinds(ev, "callbackRan")]
        self.assertEqual(ran, [0, 2, 4, 5, 6, 7])

    def test_shield_and_timeouts(self):
        source = """
            import asyncio

            async def slow():
                await asyncio.sleep(5)
                return 5

            async def main():
                print(await asyncio.shield(asyncio.create_task(slow())))
                try:
                    await asyncio.wait_for(slow(), 1)
                except TimeoutError:
                    print("timed out")
                done, pending = await asyncio.wait([asyncio.create_task(slow())], timeout=1)
                print(len(pending))

            asyncio.run(main())
            """
        run = self.record(source)
        ev = run.events()
        self.assertEqual(printed(run), ["5", "timed out", "1"])
        self.assertEqual([(e["wait"], e.get("on")) for e in kinds(ev, "suspended") if e["task"] == 0][0], ("shield", 1))
        labels = [e["label"] for e in kinds(ev, "callbackRan")]
        self.assertIn("shield: Task-2 is done, settle the outer future", labels)
        self.assertIn("wait: timeout", labels)
        self.assertIn("wait_for: timeout for Task-3" if sys.version_info < (3, 12) else "timeout: cancel Task-1", labels)

    def test_cancellation(self):
        source = """
            import asyncio

            async def sleeper():
                try:
                    await asyncio.sleep(10)
                finally:
                    print("cleanup")

            async def main():
                t = asyncio.create_task(sleeper())
                await asyncio.sleep(1)
                t.cancel()
                try:
                    await t
                except asyncio.CancelledError:
                    print("cancelled")

            asyncio.run(main())
            """
        run = self.record(source)
        ev = run.events()
        req = kinds(ev, "cancelRequested")[0]
        self.assertEqual((req["task"], req["by"], req["accepted"]), (1, 0, True))
        self.assertIn({"t": 10**9, "kind": "scheduled", "task": 1, "why": "cancelled", "by": 0}, ev)
        self.assertEqual([e["mode"] for e in kinds(ev, "resumed") if e["task"] == 1], ["cancelled"])
        self.assertEqual(kinds(ev, "cancelled")[0]["task"], 1)
        self.assertEqual(printed(run), ["cleanup", "cancelled"])

    def test_cancelling_a_task_that_awaits_gather(self):
        # gather's outer future, cancelled from outside, ends holding a CancelledError (not
        # cancelled itself): the waiting task resumes with CancelledError thrown in
        run = helpers.record(os.path.join(helpers.SCHEDULER_CASES, "cancel_gather.py"))
        self.assertEqual(run.rc, 0, run.stderr)
        helpers.validate(self, run)
        ev = run.events()
        modes = [(e["task"], e.get("mode", "normal")) for e in kinds(ev, "resumed")]
        self.assertEqual(modes, [(0, "normal"), (2, "cancelled"), (1, "cancelled"), (0, "cancelled")])
        self.assertEqual(printed(run), ["parent cancelled"])

    def test_warnings_never_retrieved_and_never_awaited(self):
        source = """
            import asyncio

            async def fails():
                raise RuntimeError("lost")

            async def forgotten():
                pass

            async def main():
                asyncio.create_task(fails())
                forgotten()
                await asyncio.sleep(1)

            asyncio.run(main())
            """
        run = self.record(source)
        warns = {w["warning"]: w["message"] for w in kinds(run.events(), "warning")}
        self.assertEqual(warns["exceptionNeverRetrieved"], "Task exception was never retrieved: Task-2 raised RuntimeError: lost")
        self.assertEqual(warns["neverAwaited"], "coroutine 'forgotten' was never awaited")
        self.assertIn("Task exception was never retrieved", run.stderr)

    def test_trace_does_not_depend_on_where_the_program_lies(self):
        source = src("""
            import asyncio, warnings

            async def fails(where):
                raise RuntimeError("lost")

            async def forgotten():
                pass

            async def main():
                warnings.warn("look here")
                asyncio.create_task(fails(main))
                forgotten()
                await asyncio.sleep(1)

            asyncio.run(main())
            """)
        traces = []
        for _ in range(2):
            folder = tempfile.mkdtemp(prefix="lsrec-where-")
            with open(os.path.join(folder, "prog.py"), "w", encoding="utf-8") as f:
                f.write(source)
            run = helpers.record("prog.py", tmp=folder, cwd=folder)
            self.assertEqual(run.rc, 0, run.stderr)
            text = run.text()
            self.assertNotIn(folder, text)
            self.assertIn("prog.py:10: UserWarning: look here", text)
            traces.append(text)
        self.assertEqual(traces[0], traces[1])

    def test_sets_of_tasks_and_futures_are_walked_in_the_same_order_every_run(self):
        # asyncio.wait and a TaskGroup's abort walk sets, which CPython orders by address;
        # the junk between creations moves the addresses differently on every run
        source = src("""
            import asyncio, os

            junk = []

            def shuffle():
                junk.append([bytearray(k) for k in range(os.urandom(1)[0] * 2)])

            async def work(n):
                await asyncio.sleep(n % 3)
                return n

            async def boom():
                await asyncio.sleep(0.5)
                raise ValueError("boom")

            async def main():
                loop = asyncio.get_running_loop()
                tasks, futures = [], []
                for n in range(8):
                    shuffle()
                    tasks.append(asyncio.create_task(work(n)))
                    futures.append(loop.create_future())
                for n, f in enumerate(futures):
                    loop.call_later(n % 3, f.set_result, n)
                await asyncio.wait(tasks + futures)
                try:
                    async with asyncio.TaskGroup() as group:
                        for n in range(8):
                            shuffle()
                            group.create_task(work(n + 3))
                        group.create_task(boom())
                except* ValueError:
                    print("group aborted")

            asyncio.run(main())
            """)
        traces = set()
        for _ in range(6):
            run = helpers.record("prog.py", source=source)
            self.assertEqual(run.rc, 0, run.stderr)
            traces.add(run.text().replace(os.path.dirname(run.trace), "TMP"))
        self.assertEqual(len(traces), 1)

    def test_program_folder_is_first_on_sys_path_and_its_modules_are_embedded(self):
        tmp = tempfile.mkdtemp(prefix="lsrec-")
        with open(os.path.join(tmp, "helper.py"), "w") as f:
            f.write("def shout(s):\n    print(s.upper())\n")
        run = self.record("import sys, helper\nprint(sys.path[0] == sys.argv[0].rsplit('/', 1)[0])\n"
                          "helper.shout('hi')\nprint(sys.argv[1:])\n", "a", "b", tmp=tmp)
        self.assertEqual(printed(run), ["True", "HI", "['a', 'b']"])
        with open(run.trace, encoding="utf-8") as f:
            files = [json.loads(line) for line in f if line.startswith('{"file"')]
        self.assertEqual([os.path.basename(x["path"]) for x in files], ["prog.py", "helper.py"])
        shout = [e for e in kinds(run.events(), "printed") if e["text"] == "HI"][0]
        self.assertEqual(shout["at"], "1:2")

    def test_sockets_on_both_clocks(self):
        source = """
            import asyncio

            async def handle(r, w):
                w.write((await r.readline()).upper())
                await w.drain()
                w.close()

            async def main():
                srv = await asyncio.start_server(handle, "127.0.0.1", 0)
                port = srv.sockets[0].getsockname()[1]
                r, w = await asyncio.open_connection("127.0.0.1", port)
                w.write(b"hello\\n")
                await w.drain()
                print((await r.readline()).decode().strip())
                w.close()
                srv.close()

            asyncio.run(main())
            """
        for clock in ("virtual", "real"):
            with self.subTest(clock=clock):
                run = self.record(source, options=["--clock", clock])
                self.assertEqual(printed(run), ["HELLO"])
                self.assertEqual(finished(run)["outcome"], "ok")

    def test_real_clock(self):
        source = """
            import asyncio, time

            def work():
                time.sleep(0.02)
                return 1

            async def main():
                t = time.monotonic()
                await asyncio.sleep(0.05)
                print(time.monotonic() - t >= 0.05)
                print(await asyncio.to_thread(work))

            asyncio.run(main())
            """
        run = self.record(source, options=["--clock", "real"])
        with open(run.trace, encoding="utf-8") as f:
            head = json.loads(f.readline())
        self.assertEqual(head["program"]["clock"], "real")
        self.assertEqual(printed(run), ["True", "1"])
        self.assertGreaterEqual(kinds(run.events(), "printed")[0]["t"], 5 * 10**7)


class OtherPythons(Base):
    def test_reference_cases_on_newer_pythons(self):
        pythons = helpers.python_versions()
        if not pythons:
            self.skipTest("no Python 3.12 or 3.13 under " + helpers.PYENV)
        import tracefacts
        for py in pythons:
            for case in helpers.reference_cases():
                with self.subTest(python=py, case=case):
                    run = helpers.record(os.path.join(helpers.CASES, case), python=py)
                    self.assertEqual(run.rc, 0, run.stderr)
                    got = tracefacts.trace_facts(run.trace)
                    want = tracefacts.reference_facts(os.path.join(helpers.EXPECTED, case[:-3] + ".jsonl"))
                    self.assertEqual([(t, x) for t, s, x in got["output"] if s == "stdout"],
                                     [(t, x) for t, _, x in want["output"]])
                    self.assertEqual(got["tasks"], want["tasks"])
                    helpers.validate(self, run)

    def test_eager_task_factory_on_3_12_and_later(self):
        pythons = helpers.python_versions()
        if not pythons:
            self.skipTest("no Python 3.12 or 3.13 under " + helpers.PYENV)
        source = """
            import asyncio

            async def quick():
                print("quick runs at once")
                return 1

            async def slow():
                await asyncio.sleep(1)
                print("slow")

            async def main():
                asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
                a = asyncio.create_task(quick())
                b = asyncio.create_task(slow())
                print("created")
                await b
                print(a.result())

            asyncio.run(main())
            """
        for py in pythons:
            with self.subTest(python=py):
                run = self.record(source, python=py)
                stock = subprocess.run([py, os.path.join(os.path.dirname(run.trace), "prog.py")],
                                       capture_output=True, text=True, timeout=60)
                self.assertEqual(run.stdout, stock.stdout)
                self.assertEqual(printed(run), stock.stdout.splitlines())
                self.assertEqual(finished(run)["outcome"], "ok")


if __name__ == "__main__":
    unittest.main()
