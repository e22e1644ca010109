#!/usr/bin/env python3
"""loopscope's CPython recorder: run a Python program under the real asyncio and write a
loopscope trace (JSON Lines, format version 2) of what its event loop did.

    python3 loopscope_record.py --out TRACE.jsonl [options] [--] PROGRAM.py [ARGS...]

Standard library only. See recorder/README.md for how it works and what it supports.
This file must stay parseable by old Pythons (3.6+) so that they can say they are too old.
"""
import sys

USAGE = ("usage: loopscope_record.py --out TRACE.jsonl [--clock virtual|real] [--max-events N] "
         "[--max-time SECONDS] [--wall-timeout SECONDS] [--stdin] [--id ID] [--title TITLE] "
         "[--] PROGRAM.py [ARGS...]")


def _refuse_old_python():
    v = "%d.%d.%d" % tuple(sys.version_info[:3])
    sys.stderr.write("loopscope: Python %s is too old to record: install Python 3.11 or newer "
                     "(Debian/Ubuntu: apt-get install python3, version 3.11+) and pass it with "
                     "--python PATH\n" % v)
    sys.exit(3)


if sys.version_info < (3, 11):
    if __name__ == "__main__":
        _refuse_old_python()
    raise ImportError("loopscope_record needs Python 3.11 or newer")

import asyncio  # noqa: E402
import asyncio.base_events  # noqa: E402
import asyncio.events  # noqa: E402
import asyncio.futures  # noqa: E402
import asyncio.runners  # noqa: E402
import asyncio.tasks  # noqa: E402
import collections  # noqa: E402
import contextvars  # noqa: E402
import heapq  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import sysconfig  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
import traceback  # noqa: E402
import warnings  # noqa: E402
import weakref  # noqa: E402
import _thread  # noqa: E402

ENGINE = "CPython %d.%d.%d" % tuple(sys.version_info[:3])
_real_sleep = time.sleep
_real_monotonic = time.monotonic
_real_monotonic_ns = time.monotonic_ns
_Handle = asyncio.events.Handle
_TimerHandle = asyncio.events.TimerHandle
_CTask = asyncio.Task
_set_result_unless_cancelled = asyncio.futures._set_result_unless_cancelled
_run_until_complete_cb = asyncio.base_events._run_until_complete_cb
_copy_context = contextvars.copy_context
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
_HERE = [os.getcwd() + os.sep]  # paths under the working directory are written relative to it


def portable(text):
    """`text` with object addresses dropped and absolute paths under the working directory
    made relative, so a trace does not depend on where the program's folder lies."""
    text = _ADDRESS.sub("", text)
    for here in _HERE:
        if here in text:
            text = text.replace(here, "")
    return text
EPOCH = 1704067200  # time.time() on the virtual clock at t = 0 (2024-01-01 00:00 UTC)


class Stop(BaseException):
    """Raised inside the program to end the run (deadlock, limit); never caught by it."""


def fmt_ns(ns):
    """Exact decimal seconds, as the trace format writes times."""
    if ns % 1000000000 == 0:
        return str(ns // 1000000000)
    s = "%d.%09d" % (ns // 1000000000, ns % 1000000000)
    return s.rstrip("0")


def jstr(s):
    try:
        return json.dumps(s, ensure_ascii=False)
    except Exception:
        return json.dumps(str(s), ensure_ascii=False)


def short_repr(value, limit=60):
    try:
        r = repr(value)
    except Exception as e:  # a repr that fails is a program bug; say so, don't crash
        r = "<repr failed: %s>" % type(e).__name__
    r = portable(r)
    if len(r) > limit:
        r = r[:limit - 1] + "\u2026"
    return r


def arg_text(a):
    if isinstance(a, asyncio.Task):
        return a.get_name()
    if isinstance(a, asyncio.Future):
        return "future"
    return short_repr(a)


def call_label(fn, args=(), kwargs=None):
    """`name(arg, ...)`, the way a person writes the call."""
    name = getattr(fn, "__qualname__", None) or getattr(fn, "__name__", None) or type(fn).__name__
    name = name.replace(".<locals>", "")
    parts = [arg_text(a) for a in args]
    for k, v in (kwargs or {}).items():
        parts.append("%s=%s" % (k, short_repr(v)))
    return "%s(%s)" % (name, ", ".join(parts))


def coro_label(coro):
    code = getattr(coro, "cr_code", None) or getattr(coro, "gi_code", None) or getattr(coro, "ag_code", None)
    frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None) or getattr(coro, "ag_frame", None)
    if code is None:
        label = R.aclose_labels.get(id(coro)) if R is not None else None
        return label or short_repr(coro)
    name = getattr(coro, "__qualname__", code.co_name).replace(".<locals>", "")
    if frame is None:
        return name + "()"
    n = code.co_argcount + code.co_kwonlyargcount
    if code.co_flags & 0x04:
        n += 1
    if code.co_flags & 0x08:
        n += 1
    loc = frame.f_locals
    parts = []
    for i, var in enumerate(code.co_varnames[:n]):
        if var not in loc:
            continue
        if i >= code.co_argcount:
            parts.append("%s=%s" % (var, short_repr(loc[var])))
        else:
            parts.append(short_repr(loc[var]))
    return "%s(%s)" % (name, ", ".join(parts))


def delay_text(d):
    if isinstance(d, float) and d.is_integer():
        d = int(d)
    return short_repr(d)


class Recorder:
    """Everything recorded: the event writer, the virtual clock, the lanes and the sources."""

    def __init__(self, opts):
        self.opts = opts
        self.virtual = opts.clock == "virtual"
        self.pending = None
        self.fast = self.virtual  # a task switch is written without a time check
        self.now = 0                 # virtual time, ns (real clock: ns since start)
        self.t_written = -1
        self.n = 0                   # events written
        self.max_events = opts.max_events
        self.max_time = int(round(opts.max_time * 1e9))
        self.t0 = _real_monotonic_ns()
        self.lanes = 0
        self.handles = 0
        self.cur = None              # the Task whose step is running
        self.cur_handle = -1         # the id of the callback handle running
        self.self_step = False       # the running task queued its own next step
        self.deferred = []           # pushes of the running task, written after its step
        self.files = []              # (path, text)
        self.file_of_path = {}
        self.code_file = {}          # code object -> file index, -1 if not a user file
        self.sleep_futs = {}         # sleep future -> timer
        self.thread_futs = {}        # executor future -> thread lane
        self.phase = "run"           # run, shutdown, asyncgens, closing
        self.agen_order = weakref.WeakKeyDictionary()  # async generator -> first-iteration order
        self.aclose_labels = {}      # id(ag.aclose()) -> its label, while shutdown_asyncgens runs
        self.loop_ran = False
        self.main_lane = -1
        self.futures_made = 0
        self.threads = None          # ThreadScheduler once threads are used
        self.finished = False
        self.out = None
        self.lock = _thread.allocate_lock()
        stdlib = set()
        for key in ("stdlib", "platstdlib", "purelib", "platlib"):
            p = sysconfig.get_paths().get(key)
            if p:
                stdlib.add(os.path.realpath(p) + os.sep)
        stdlib.add(os.path.realpath(os.path.dirname(os.__file__)) + os.sep)
        self.not_user = tuple(sorted(stdlib))
        if not self.virtual:
            self.ev = self.ev_real
        self.me = os.path.realpath(__file__)
        self.main_ident = _thread.get_ident()

    # ---- output ----
    def open(self, path):
        self.tmp = path + ".part"
        self.out = open(self.tmp, "w", encoding="utf-8", newline="\n", buffering=1 << 20)
        self.w = self.out.write

    def ev(self, body):
        """Writes one event; `body` is its fields after `{`, ending with `}`."""
        self.n += 1
        if self.pending is not None:  # a step's `resumed`, held back in case a `yielded` follows
            self.w(self.pending)
            self.pending = None
        if self.now != self.t_written:
            self.t_written = self.now
            self.w('{"t":' + fmt_ns(self.now) + "," + body + "\n")
        else:
            self.w("{" + body + "\n")

    def ev_real(self, body):
        """`ev` on the real clock: every event takes the time it happens at (any thread)."""
        self.now = max(self.now, _real_monotonic_ns() - self.t0)
        Recorder.ev(self, body)

    def clock(self):
        if not self.virtual:
            self.now = max(self.now, _real_monotonic_ns() - self.t0)
        return self.now

    # ---- sources and sites ----
    def file_index(self, code):
        fi = self.code_file.get(code)
        if fi is None:
            fi = self.user_file(code.co_filename)
            self.code_file[code] = fi
        return fi

    def user_file(self, filename):
        if not filename or filename.startswith("<"):
            return -1
        real = os.path.realpath(filename)
        fi = self.file_of_path.get(real)
        if fi is not None:
            return fi
        if real == self.me or real.startswith(self.not_user) or not os.path.isfile(real):
            self.file_of_path[real] = -1
            return -1
        return self.add_file(real)

    def add_file(self, real):
        try:
            with open(real, "r", encoding="utf-8", errors="replace", newline="") as f:
                text = f.read()
        except OSError:
            self.file_of_path[real] = -1
            return -1
        shown = os.path.relpath(real) if real.startswith(os.getcwd() + os.sep) else real
        self.files.append((shown, text))
        self.file_of_path[real] = len(self.files) - 1
        return len(self.files) - 1

    def site_of_frame(self, f):
        """The innermost frame in a user file, from `f` outward, as `"file:line"`."""
        while f is not None:
            fi = self.file_index(f.f_code)
            if fi >= 0:
                return '"%d:%d"' % (fi, f.f_lineno)
            f = f.f_back
        return None

    def here(self):
        """The site of the innermost user frame calling into the recorder."""
        return self.site_of_frame(sys._getframe(1))

    # ---- lanes ----
    def new_lane(self, name, lane, label, by, at):
        lid = self.lanes
        self.lanes += 1
        body = '"kind":"created","task":%d,"name":%s,"lane":"%s"' % (lid, jstr(name), lane)
        if by >= 0:
            body += ',"by":%d' % by
        body += ',"label":%s' % jstr(label)
        if at:
            body += ',"at":' + at
        self.ev(body + "}")
        return lid

    def running_lane(self):
        """The lane whose code runs now: a worker thread, the running task, or the main thread."""
        if not self.virtual and _thread.get_ident() != self.main_ident:
            return -1  # on the real clock, threads run for real and have no lane
        th = self.threads
        if th is not None and th.holder is not None and th.holder.lane >= 0 and th.holder is not th.main:
            return th.holder.lane
        if self.cur is not None:
            return self.cur._ls_id
        if self.loop_ran and self.phase != "after":
            return -1
        return self.main_lane

    def ensure_main_lane(self, at=None):
        if self.main_lane < 0:
            self.main_lane = self.new_lane("MainThread", "mainThread", "<module>", -1,
                                           at or self.here())
            self.ev('"kind":"started","task":%d}' % self.main_lane)
        return self.main_lane

    # ---- printed output ----
    def printed(self, stream, text, lane):
        body = '"kind":"printed"'
        if lane >= 0:
            body += ',"task":%d' % lane
        if stream == "stderr":  # Python's own reports (warnings, tracebacks) name files and addresses
            text = portable(text)
        body += ',"stream":"%s","text":%s' % (stream, jstr(text))
        at = self.site_of_frame(sys._getframe(2))
        if at:
            body += ',"at":' + at
        self.ev(body + "}")

    def warn(self, kind, message, lane=-1):
        body = '"kind":"warning"'
        if lane >= 0:
            body += ',"task":%d' % lane
        self.ev(body + ',"warning":"%s","message":%s}' % (kind, jstr(message)))

    # ---- the end ----
    def finish(self, outcome, message):
        with self.lock:
            if self.finished:
                return
            self.finished = True
            for tap in (sys.stdout, sys.stderr):
                if isinstance(tap, Tap):
                    tap.flush_partial()
            self.clock()
            self.ev('"kind":"finished","outcome":"%s","message":%s}' % (outcome, jstr(message)))
            self.out.close()
            self.write_trace()

    def write_trace(self):
        o = self.opts
        prog = {"id": o.id, "title": o.title, "origin": "", "note": ""}
        prog["language"] = "python"
        prog["engine"] = ENGINE
        prog["clock"] = o.clock
        head = {"format": "loopscope-trace", "version": 2, "program": prog}
        with open(o.out, "w", encoding="utf-8", newline="\n") as f:
            f.write(json.dumps(head, ensure_ascii=False, separators=(",", ":")) + "\n")
            for i, (path, text) in enumerate(self.files):
                f.write('{"file":%d,"path":%s,"text":%s}\n' % (i, jstr(path), jstr(text)))
        with open(o.out, "ab") as f, open(self.tmp, "rb") as src:
            shutil.copyfileobj(src, f, 1 << 22)  # the events, as bytes
        os.unlink(self.tmp)

    def discard(self):
        try:
            self.out.close()
            os.unlink(self.tmp)
        except OSError:
            pass

    def stop(self, outcome, message):
        """Ends the run now (deadlock, limit): report, write the trace, leave."""
        sys.stderr.flush()
        if self.threads is not None:
            self.threads.abandon()
        self.finish(outcome, message)
        for s in (sys.__stdout__, sys.__stderr__):
            try:
                s.flush()
            except Exception:
                pass
        os._exit(0)

    def limit(self, message):
        _write_stderr("loopscope: " + message + "\n")
        self.warn("limit", message)
        self.stop("limit", message)

    def count_check(self):
        if self.n > self.max_events:
            self.limit("stopped after %d events (the limit is %d): the program may never finish; "
                       "raise --max-events to see more" % (self.n, self.max_events))


R = None  # the Recorder of this run


def _write_stderr(s):
    """The recorder's own messages: to the real stderr, never into the trace's output."""
    err = sys.stderr
    err = err.real if isinstance(err, Tap) else err
    try:
        err.write(s)
        err.flush()
    except Exception:
        pass


class Tap(io.TextIOBase):
    """sys.stdout / sys.stderr: passes text through and records each line with its lane."""

    def __init__(self, real, name):
        self.real = real
        self.name = name
        self.partial = {}

    @property
    def encoding(self):
        return getattr(self.real, "encoding", "utf-8")

    @property
    def errors(self):
        return getattr(self.real, "errors", "strict")

    def isatty(self):
        return False

    @property
    def buffer(self):
        return self.real.buffer  # bytes written here pass through unrecorded

    @property
    def line_buffering(self):
        return getattr(self.real, "line_buffering", False)

    def writable(self):
        return True

    def fileno(self):
        return self.real.fileno()

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        try:
            self.real.write(s)
        except Exception:
            pass
        rec = R
        if rec is None or rec.finished:
            return len(s)
        lane = rec.running_lane()
        if "\n" not in s:
            self.partial[lane] = self.partial.get(lane, "") + s
            return len(s)
        lines = s.split("\n")
        first = self.partial.pop(lane, "") + lines[0]
        rec.printed(self.name, first, lane)
        for line in lines[1:-1]:
            rec.printed(self.name, line, lane)
        if lines[-1]:
            self.partial[lane] = lines[-1]
        return len(s)

    def flush(self):
        try:
            self.real.flush()
        except Exception:
            pass

    def flush_partial(self):
        for lane, text in sorted(self.partial.items()):
            R.printed(self.name, text, lane)
        self.partial.clear()


# ---------------------------------------------------------------- tasks

class Task(_CTask):  # named Task: CPython's messages print the class name
    """CPython's C Task with the few hooks a trace needs: its lane id, creation, cancel."""
    __slots__ = ("_ls_id", "_ls_started", "_ls_wait", "_ls_hidden")

    def __init__(self, coro, *, loop=None, name=None, context=None, **kw):
        rec = R
        self._ls_started = False
        self._ls_wait = "created"
        self._ls_hidden = rec.phase == "closing"
        if name is None:
            rec.task_names += 1
            name = "Task-%d" % rec.task_names
        if self._ls_hidden:
            self._ls_id = -1
        else:
            by = rec.running_lane()
            self._ls_id = rec.new_lane(str(name), "task", coro_label(coro), by, rec.here())
        super().__init__(coro, loop=loop, name=name, context=context, **kw)

    def __hash__(self):
        # CPython hashes a task by its address, and asyncio walks sets of tasks (wait's
        # callbacks, a TaskGroup's abort), so the order would change from run to run;
        # the creation number makes it the same every run.
        return self._ls_id

    def cancel(self, msg=None):
        rec = R
        if not self._ls_hidden and not rec.finished:
            body = '"kind":"cancelRequested","task":%d' % self._ls_id
            by = rec.running_lane()
            if by >= 0:
                body += ',"by":%d' % by
            body += ',"accepted":%s' % ("false" if self.done() else "true")
            at = rec.here()
            if at:
                body += ',"at":' + at
            rec.ev(body + "}")
        if msg is None:
            return super().cancel()
        return super().cancel(msg)


# what a task waits on, from the stdlib function it awaits (by qualified name)
WAITS = {
    "sleep": ("sleep", "timer"), "wait": ("wait", "wait"), "_wait": ("wait", "wait"),
    "wait_for": ("waitFor", "timeout"), "Queue.get": ("queueGet", "queue"),
    "Queue.put": ("queuePut", "queue"), "Queue.join": ("event", "event"),
    "Lock.acquire": ("lock", "lock"), "Event.wait": ("event", "event"),
    "Condition.wait": ("condition", "condition"), "Condition.wait_for": ("condition", "condition"),
    "Semaphore.acquire": ("semaphore", "semaphore"), "Barrier.wait": ("barrier", "barrier"), "Barrier._block": ("barrier", "barrier"),
    "Barrier._wait": ("barrier", "barrier"),
    "TaskGroup.__aexit__": ("taskGroup", "taskGroup"), "TaskGroup._aexit": ("taskGroup", "taskGroup"),
    "to_thread": ("thread", "thread"), "as_completed.<locals>._wait_for_one": ("asCompleted", "asCompleted"),
    "_wait_for_one": ("asCompleted", "asCompleted"), "Timeout.__aexit__": ("waitFor", "timeout"),
}
WHY_OF_WAIT = {"sleep": "timer", "task": "taskDone", "gather": "gather", "wait": "wait",
               "waitFor": "timeout", "asCompleted": "asCompleted", "queueGet": "queue",
               "queuePut": "queue", "lock": "lock", "event": "event", "semaphore": "semaphore",
               "thread": "thread", "taskGroup": "taskGroup", "future": "future", "yield": "yielded",
               "condition": "condition", "barrier": "barrier", "shield": "future",
               "created": "created"}


def await_chain(task):
    """The frames of a suspended task's await chain, outermost first."""
    frames = []
    c = task.get_coro()
    while c is not None:
        f = getattr(c, "cr_frame", None)
        if f is None:
            f = getattr(c, "gi_frame", None)
            if f is None:
                f = getattr(c, "ag_frame", None)
        if f is None:
            break
        frames.append(f)
        nxt = getattr(c, "cr_await", None)
        if nxt is None:
            nxt = getattr(c, "gi_yieldfrom", None)
        c = nxt
    return frames


_CORO = __import__("types").CoroutineType


def yield_site(rec, task):
    """(file, line) of the innermost user frame of a task's await chain, walking in from its
    coroutine and stopping at the first frame outside the user's files (fast path of a yield)."""
    code_file = rec.code_file
    c = task.get_coro()
    at = None
    while c is not None:
        if type(c) is _CORO:
            f, nxt = c.cr_frame, c.cr_await
        else:
            f = getattr(c, "gi_frame", None)
            nxt = getattr(c, "gi_yieldfrom", None)
        if f is None:
            break
        code = f.f_code
        fi = code_file.get(code)
        if fi is None:
            fi = rec.file_index(code)
        if fi < 0:
            break
        at = (fi, f.f_lineno)
        c = nxt
    return at


def site_and_waiter(rec, frames):
    """(site text or None, qualified name of the stdlib function awaited or None)."""
    at = None
    what = None
    for f in reversed(frames):
        if rec.file_index(f.f_code) >= 0:
            at = '"%d:%d"' % (rec.file_index(f.f_code), f.f_lineno)
            break
        what = f.f_code
    name = None
    if what is not None:
        name = getattr(what, "co_qualname", what.co_name)
    return at, name


# ---------------------------------------------------------------- the loop

class _Queued(_Handle):
    """A call_soon handle: cancelling it while it waits in the ready queue is recorded."""
    __slots__ = ()

    def __init__(self, callback, args, loop, context=None):
        # asyncio's Handle.__init__, reading the loop's debug flag without a method call
        self._context = _copy_context() if context is None else context
        self._loop = loop
        self._callback = callback
        self._args = args
        self._cancelled = False
        self._repr = None
        if loop._debug:
            self._source_traceback = asyncio.format_helpers.extract_stack(sys._getframe(1))
        else:
            self._source_traceback = None

    def cancel(self):
        if not self._cancelled and self._loop is not None:
            info = self._loop._ls_labels.pop(self, None)
            if info is not None and info[0] >= 0 and not R.finished:
                body = '"kind":"timerCancelled"'
                if info[2] >= 0:
                    body += ',"task":%d' % info[2]
                R.ev(body + ',"purpose":"callback","timer":%d,"due":%s}' % (info[0], fmt_ns(R.clock())))
        super().cancel()


class _Timer(_TimerHandle):
    __slots__ = ("_ls_id", "_ls_seq", "_ls_due", "_ls_task", "_ls_purpose", "_ls_label", "_ls_fired")

    def cancel(self):
        if not self._cancelled and self._ls_fired and self._ls_task != -2 and not R.finished:
            # it came due and waits in the ready queue: it leaves the queue unrun
            self._ls_fired = False
            body = '"kind":"timerCancelled"'
            if self._ls_task >= 0:
                body += ',"task":%d' % self._ls_task
            R.ev(body + ',"purpose":"%s","timer":%d,"due":%s}' % (
                self._ls_purpose, self._ls_id, fmt_ns(self._ls_due)))
        super().cancel()

    def __lt__(self, other):
        return (self._ls_due, self._ls_seq) < (other._ls_due, other._ls_seq)

    def __le__(self, other):
        return (self._ls_due, self._ls_seq) <= (other._ls_due, other._ls_seq)

    def __gt__(self, other):
        return (self._ls_due, self._ls_seq) > (other._ls_due, other._ls_seq)

    def __ge__(self, other):
        return (self._ls_due, self._ls_seq) >= (other._ls_due, other._ls_seq)


_Queued.__qualname__ = "Handle"
_Timer.__qualname__ = "TimerHandle"
_Queued.cancel.__qualname__ = "Handle.cancel"   # labels name asyncio's classes, not ours
_Timer.cancel.__qualname__ = "TimerHandle.cancel"


def _is_step(cb):
    return type(cb).__name__ == "TaskStepMethWrapper"


STEP = None  # the C Task's step callback type, found at start


class Future(asyncio.Future):  # named Future: its repr prints the class name
    """A future from `loop.create_future()`, hashed by its creation number (as Task is)."""
    __slots__ = ("_ls_number",)

    def __init__(self, *, loop=None):
        R.futures_made += 1
        self._ls_number = R.futures_made
        super().__init__(loop=loop)

    def __hash__(self):
        return self._ls_number


class RecordingLoop(asyncio.SelectorEventLoop):
    """The stock selector loop with its handle dispatch recorded and, by default, a virtual
    clock: the selector is polled without waiting and idle time is skipped."""

    def __init__(self):
        super().__init__()
        self._ls_labels = {}   # handle -> (id, label, task) for queued plain callbacks
        R.loop_ran = True

    # -- the clock
    def time(self):
        if R.virtual:
            return R.now / 1e9
        return super().time()

    # -- async generators and asyncio.run's shutdown_asyncgens
    def _asyncgen_firstiter_hook(self, agen):
        super()._asyncgen_firstiter_hook(agen)
        order = R.agen_order
        if agen not in order:
            order[agen] = len(order)

    def shutdown_asyncgens(self):
        """When asyncio.run closes live async generators, their aclose() tasks are recorded
        (phase asyncgens) like any task; with none, the step stays out of the trace."""
        rec = R
        if rec.phase != "closing" or not self._asyncgens:
            return super().shutdown_asyncgens()
        rec.phase = "asyncgens"
        return shutdown_asyncgens()

    def shutdown_default_executor(self, *args, **kw):
        if R.phase == "asyncgens":
            R.phase = "closing"
        return super().shutdown_default_executor(*args, **kw)

    # -- tasks
    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        if self._task_factory is None:
            task = Task(coro, loop=self, name=name, context=context)
            if task._source_traceback:
                del task._source_traceback[-1]
        else:
            if context is None:
                task = self._task_factory(self, coro)
            else:
                task = self._task_factory(self, coro, context=context)
            if name is not None:
                task.set_name(name)
        return task

    def create_future(self):
        return Future(loop=self)

    # -- pushes onto the ready queue
    def call_soon(self, callback, *args, context=None):
        if self._closed:
            raise RuntimeError("Event loop is closed")
        handle = _Queued(callback, args, self, context)
        self._ready.append(handle)
        if type(callback) is STEP and not args:
            rec = R
            if callback.__self__ is rec.cur:
                rec.self_step = True  # a bare yield: written as `yielded` after the step
                return handle
        self._ls_push(handle, callback, args)
        return handle

    def _call_soon(self, callback, args, context):
        handle = _Queued(callback, args, self, context)
        self._ready.append(handle)
        self._ls_push(handle, callback, args)
        return handle

    def _add_callback(self, handle):
        if not handle._cancelled:
            self._ready.append(handle)
            if getattr(handle._callback, "__name__", "") == "_read_from_self":
                self._ls_labels[handle] = (-1, None, -1)  # the loop's own wake-up pipe
            else:
                self._ls_push(handle, handle._callback, handle._args)

    def _ls_push(self, handle, cb, args):
        rec = R
        if rec.finished:
            return
        if rec.phase == "closing":  # asyncio.run's own clean-up after the shutdown
            self._ls_labels[handle] = (-1, None, -1)
            return
        if type(cb) is STEP:
            task = cb.__self__
            if type(task) is not Task or task._ls_hidden:
                return
            if task is rec.cur:
                rec.self_step = True
                if task._fut_waiter is None and not args:
                    return
                rec.deferred.append('"kind":"scheduled","task":%d,"why":"%s"}' % (
                    task._ls_id, "cancelled" if args else "yielded"))
                return
            why = "created" if not task._ls_started else WHY_OF_WAIT.get(task._ls_wait, "future")
            rec.ev('"kind":"scheduled","task":%d,"why":"%s"}' % (task._ls_id, why))
            return
        owner = getattr(cb, "__self__", None)
        if isinstance(owner, Task) and getattr(cb, "__name__", "") == "task_wakeup":
            if owner._ls_hidden:
                return
            fut = args[0] if args else None
            body = '"kind":"scheduled","task":%d' % owner._ls_id
            if fut is not None and fut.cancelled():
                body += ',"why":"cancelled"'
                if rec.cur is not None and rec.cur is not owner:
                    body += ',"by":%d' % rec.cur._ls_id
            elif isinstance(fut, Task):
                body += ',"why":"taskDone","by":%d' % fut._ls_id
            elif owner._ls_wait == "sleep" and rec.cur_handle >= 0:
                body += ',"why":"timer","by":%d' % rec.cur_handle
            else:
                body += ',"why":"%s"' % WHY_OF_WAIT.get(owner._ls_wait, "future")
                by = rec.running_lane()
                if by >= 0 and by != owner._ls_id:
                    body += ',"by":%d' % by
            body += "}"
            if rec.cur is not None and (owner is rec.cur or fut is rec.cur):
                rec.deferred.append(body)
            else:
                rec.ev(body)
            return
        # a plain callback
        hid = rec.handles
        rec.handles += 1
        task = args[0] if args and isinstance(args[0], Task) else None
        if task is not None and task._ls_hidden:
            self._ls_labels[handle] = (-1, None, -1)
            return
        label = self._ls_callback_label(cb, args, task)
        lane = task._ls_id if task is not None else -1
        if cb is _ls_deliver:
            lane = rec.running_lane()
        if cb is _run_until_complete_cb:
            lane = -1
        self._ls_labels[handle] = (hid, label, lane)
        body = '"kind":"callbackQueued"'
        if lane >= 0:
            body += ',"task":%d' % lane
        body += ',"handle":%d,"label":%s}' % (hid, jstr(label))
        if task is not None and task is rec.cur:
            rec.deferred.append(body)
        else:
            rec.ev(body)

    def _ls_callback_label(self, cb, args, task):
        if cb is _run_until_complete_cb:
            if R.phase == "shutdown":
                return "asyncio.run: cancelled tasks finished, stop the loop"
            if R.phase == "asyncgens":
                return "asyncio.run: async generators closed, stop the loop"
            return "asyncio.run: main finished, stop the loop"
        name = getattr(cb, "__qualname__", "") or ""
        if task is not None:
            what = DONE_LABELS.get(name)
            if what is None and getattr(getattr(cb, "func", None), "__name__", "") == "_release_waiter":
                what = "wait_for: %s is done"
            if what is not None:
                return what % task.get_name()
        if name == "shield.<locals>._outer_done_callback":
            inner = _closure_future(cb, args[0] if args else None)
            return "shield: outer future done, detach it from %s" % (
                inner.get_name() if isinstance(inner, Task) else "its future")
        if task is not None:
            return "%s is done: %s" % (task.get_name(), call_label(cb))
        if cb is _ls_deliver:
            return args[3]
        return call_label(cb, args)

    # -- timers
    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError("delay must not be None")
        return self._ls_timer(self.time() + delay, delay, callback, args, context)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        return self._ls_timer(when, None, callback, args, context)

    def _ls_timer(self, when, delay, callback, args, context):
        self._check_closed()
        rec = R
        timer = _Timer(when, callback, args, self, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        tid = rec.handles
        rec.handles += 1
        timer._ls_id = tid
        timer._ls_seq = tid
        timer._ls_fired = False
        if rec.virtual:
            timer._ls_due = int(round(when * 1e9))
        else:
            timer._ls_due = int(round((when - super().time()) * 1e9)) + rec.clock()
        lane = rec.running_lane()
        if delay is None:
            delay = when - self.time()
        if callback is _set_result_unless_cancelled and rec.cur is not None:
            purpose = "sleep"
            label = "sleep(%s) is over: wake %s" % (delay_text(delay), rec.cur.get_name())
            rec.sleep_futs[args[0]] = (tid, delay_text(delay), timer._ls_due)
        elif getattr(callback, "__name__", "") in ("_release_waiter", "_on_timeout"):
            purpose = "timeout"
            label = timeout_label(callback, sys._getframe(2), rec.cur)
        else:
            purpose = "callback"
            label = call_label(callback, args)
        timer._ls_task = lane
        timer._ls_purpose = purpose
        timer._ls_label = label
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        hidden = rec.cur is not None and rec.cur._ls_hidden
        if hidden:
            timer._ls_task = -2
            return timer
        body = '"kind":"timerAdded"'
        if lane >= 0:
            body += ',"task":%d' % lane
        body += ',"purpose":"%s","timer":%d,"due":%s' % (purpose, tid, fmt_ns(timer._ls_due))
        at = rec.here()
        if at:
            body += ',"at":' + at
        rec.ev(body + "}")
        return timer

    def _timer_handle_cancelled(self, handle):
        super()._timer_handle_cancelled(handle)
        rec = R
        if isinstance(handle, _Timer) and handle._ls_task != -2 and not rec.finished and handle._scheduled:
            body = '"kind":"timerCancelled"'
            if handle._ls_task >= 0:
                body += ',"task":%d' % handle._ls_task
            rec.ev(body + ',"purpose":"%s","timer":%d,"due":%s}' % (
                handle._ls_purpose, handle._ls_id, fmt_ns(handle._ls_due)))

    def _write_to_self(self):
        if not R.virtual:
            super()._write_to_self()  # on the virtual clock the loop never sleeps in select()

    # -- threads
    def run_in_executor(self, executor, func, *args):
        self._check_closed()
        import concurrent.futures
        if not R.virtual or isinstance(executor, concurrent.futures.ProcessPoolExecutor):
            return super().run_in_executor(executor, func, *args)
        return threads().run_in_executor(self, executor, func, args)

    # -- the iteration
    def _run_once(self):
        rec = R
        sched = self._scheduled
        while sched and sched[0]._cancelled:
            self._timer_cancelled_count -= 1
            heapq.heappop(sched)._scheduled = False
        th = rec.threads
        if th is not None:
            th.run_runnable()
        ready = self._ready
        if rec.virtual:
            event_list = self._selector.select(0)
            self._process_events(event_list)
            if not ready and not self._stopping and self._ls_idle():
                # only real I/O can wake the loop: wait for it (the virtual clock stands still)
                self._process_events(self._selector.select(0.5))
        else:
            timeout = None
            if ready or self._stopping:
                timeout = 0
            elif sched:
                timeout = min(max(0, sched[0]._when - self.time()), 86400)
            elif th is not None and th.live():
                timeout = 0
            event_list = self._selector.select(timeout)
            self._process_events(event_list)
            rec.clock()
        now = rec.now
        while sched:
            timer = sched[0]
            if timer._ls_due > now:
                break
            heapq.heappop(sched)
            timer._scheduled = False
            if timer._cancelled:
                continue
            ready.append(timer)
            timer._ls_fired = True
            if timer._ls_task != -2:
                body = '"kind":"timerFired"'
                if timer._ls_task >= 0:
                    body += ',"task":%d' % timer._ls_task
                rec.ev(body + ',"purpose":"%s","timer":%d,"due":%s}' % (
                    timer._ls_purpose, timer._ls_id, fmt_ns(timer._ls_due)))
        if th is not None:
            th.run_runnable()
        ntodo = len(ready)
        step_type = STEP
        fast = rec.fast
        labels = self._ls_labels
        for _ in range(ntodo):
            handle = ready.popleft()
            if handle._cancelled:
                info = labels.pop(handle, None)
                if info is not None and info[0] >= 0:
                    # an I/O callback cancelled in the queue (asyncio's own Handle: not seen at cancel)
                    rec.ev('"kind":"timerCancelled","purpose":"callback","timer":%d,"due":%s}' % (
                        info[0], fmt_ns(rec.now)))
                continue
            cb = handle._callback
            task = None
            if type(cb) is step_type:
                task = cb.__self__
                if type(task) is not Task:
                    handle._run()  # a task made by another Task class: run, not recorded
                    continue
                if (fast and not handle._args and task._ls_started and not task._ls_hidden
                        and rec.now == rec.t_written and not task._must_cancel):
                    # the common task switch, in line: a task resumes after a bare yield
                    rec.n += 1
                    rec.pending = '{"kind":"resumed","task":%d}\n' % task._ls_id
                    rec.cur = task
                    rec.self_step = False
                    try:
                        handle._context.run(cb)
                    finally:
                        rec.cur = None
                    if (rec.self_step and rec.pending is not None and task._fut_waiter is None
                            and not task._must_cancel and not rec.deferred):
                        # it yielded again and wrote nothing else: one write for the switch
                        task._ls_wait = "yield"
                        at = yield_site(rec, task)
                        rec.n += 1
                        if at is None:
                            rec.w(rec.pending + '{"kind":"yielded","task":%d}\n' % task._ls_id)
                        else:
                            rec.w(rec.pending + '{"kind":"yielded","task":%d,"at":"%d:%d"}\n' % (
                                task._ls_id, at[0], at[1]))
                        rec.pending = None
                    else:
                        self._ls_after(task)
                    continue
            elif type(handle) is not _Timer:
                owner = getattr(cb, "__self__", None)
                if type(owner) is Task and getattr(cb, "__name__", "") == "task_wakeup":
                    task = owner
            if task is not None:
                if task._ls_hidden:
                    handle._run()
                    continue
                self._ls_step(task, handle)
                continue
            if type(handle) is _Timer:
                if handle._ls_task == -2:
                    handle._run()
                    continue
                body = '"kind":"callbackRan"'
                if handle._ls_task >= 0:
                    body += ',"task":%d' % handle._ls_task
                rec.ev(body + ',"handle":%d,"label":%s}' % (handle._ls_id, jstr(handle._ls_label)))
                handle._ls_fired = False
                rec.cur_handle = handle._ls_id
                rec.sleep_futs.pop(handle._args[0], None) if handle._args else None
                handle._run()
                rec.cur_handle = -1
                continue
            info = labels.pop(handle, None)
            if info is not None and info[0] >= 0:
                body = '"kind":"callbackRan"'
                if info[2] >= 0:
                    body += ',"task":%d' % info[2]
                rec.ev(body + ',"handle":%d,"label":%s}' % (info[0], jstr(info[1])))
                rec.cur_handle = info[0]
                handle._run()
                rec.cur_handle = -1
            else:
                handle._run()
        if rec.n > rec.max_events:
            rec.count_check()

    def _ls_step(self, task, handle):
        rec = R
        tid = task._ls_id
        if task._ls_started and not handle._args and rec.fast and not task._must_cancel:
            if rec.now == rec.t_written:
                rec.n += 1
                rec.pending = '{"kind":"resumed","task":%d}\n' % tid
            else:
                rec.ev('"kind":"resumed","task":%d}' % tid)
        elif not task._ls_started:
            task._ls_started = True
            rec.ev('"kind":"started","task":%d}' % tid)
        elif task._must_cancel:
            rec.ev('"kind":"resumed","task":%d,"mode":"cancelled"}' % tid)
        else:
            mode = None
            if handle._args:
                fut = handle._args[0]
                if type(handle._callback) is not STEP:
                    exc = getattr(fut, "_exception", None)
                    if fut.cancelled() or isinstance(exc, asyncio.CancelledError):
                        mode = "cancelled"  # a gather cancelled from outside holds a CancelledError
                    elif exc is not None:
                        mode = "error"
                elif fut is not None:
                    mode = "cancelled" if isinstance(fut, asyncio.CancelledError) else "error"
            if mode is None:
                rec.ev('"kind":"resumed","task":%d}' % tid)
            else:
                rec.ev('"kind":"resumed","task":%d,"mode":"%s"}' % (tid, mode))
        rec.cur = task
        rec.self_step = False
        try:
            # a C task step stores its errors in the task; Handle._run's handler is not needed
            handle._context.run(handle._callback, *handle._args)
        finally:
            rec.cur = None
        self._ls_after(task)

    def _ls_after(self, task):
        """After a task's step: how it ended or what it now awaits, then its own pushes."""
        rec = R
        tid = task._ls_id
        if task.done():
            self._ls_ended(task)
        else:
            w = task._fut_waiter
            if w is None and rec.self_step and not task._must_cancel:
                task._ls_wait = "yield"
                at = yield_site(rec, task)
                if at is not None and rec.fast and rec.now == rec.t_written:
                    rec.n += 1
                    line = '{"kind":"yielded","task":%d,"at":"%d:%d"}\n' % (tid, at[0], at[1])
                    if rec.pending is not None:
                        line = rec.pending + line
                        rec.pending = None
                    rec.w(line)
                elif at is not None:
                    rec.ev('"kind":"yielded","task":%d,"at":"%d:%d"}' % (tid, at[0], at[1]))
                else:
                    rec.ev('"kind":"yielded","task":%d}' % tid)
            else:
                self._ls_suspended(task, w)
        if rec.deferred:
            for body in rec.deferred:
                rec.ev(body)
            rec.deferred = []

    def _ls_ended(self, task):
        rec = R
        tid = task._ls_id
        if task.cancelled():
            rec.ev('"kind":"cancelled","task":%d}' % tid)
            return
        exc = task._exception  # not exception(): that would mark it retrieved
        if exc is not None:
            rec.ev('"kind":"failed","task":%d,"error":%s}' % (tid, jstr(describe_error(exc))))
        else:
            rec.ev('"kind":"completed","task":%d,"result":%s}' % (tid, jstr(short_repr(task.result()))))

    def _ls_suspended(self, task, w):
        rec = R
        tid = task._ls_id
        frames = await_chain(task)
        at, fn = site_and_waiter(rec, frames)
        body = '"kind":"suspended","task":%d' % tid
        if w is None:
            wait, label, extra = "yield", "sleep(0)", ',"count":0'
        elif w in rec.sleep_futs:
            timer, d, due = rec.sleep_futs[w]
            wait, label, extra = "sleep", "sleep(%s)" % d, ',"on":%d,"until":%s' % (timer, fmt_ns(due))
        elif isinstance(w, Task) and not w._ls_hidden:
            wait, label, extra = "task", w.get_name(), ',"on":%d,"count":0' % w._ls_id
        elif type(w).__name__ == "_GatheringFuture":
            n = len(getattr(w, "_children", ()))
            wait, label, extra = "gather", "gather(%d)" % n, ',"count":%d' % n
        elif _shielded(w) is not False:
            inner = _shielded(w)
            wait, label = "shield", "shield(%s)" % (inner.get_name() if isinstance(inner, Task) else "future")
            extra = ',"on":%d,"count":0' % inner._ls_id if isinstance(inner, Task) and not inner._ls_hidden else ',"count":0'
        elif w in rec.thread_futs:
            lane, name = rec.thread_futs[w]
            wait, label, extra = "thread", name, ',"on":%d,"count":0' % lane
        else:
            wait, why = WAITS.get(fn, ("future", "future"))
            label = (fn.replace("<locals>.", "") + "()") if fn and fn in WAITS else "future"
            extra = ',"count":0'
        task._ls_wait = wait
        if extra == ',"count":0':  # a count of 0 goes unwritten
            extra = ""
        body += ',"wait":"%s"%s' % (wait, extra)
        body += ',"label":%s' % jstr(label)
        if at:
            body += ',"at":' + at
        rec.ev(body + "}")

    def _ls_idle(self):
        """Nothing is ready: jump the virtual clock to the next timer or sleeping thread,
        or, if nothing can ever wake, report the deadlock."""
        rec = R
        sched = self._scheduled
        th = rec.threads
        while True:
            nxt = sched[0]._ls_due if sched else None
            tnext = th.next_wake() if th is not None else None
            if tnext is not None and (nxt is None or tnext[0] < nxt or (tnext[0] == nxt and tnext[1] < sched[0]._ls_seq)):
                rec.jump(tnext[0])
                th.wake_sleeper()
                th.run_runnable()
                if self._ready:
                    return False
                continue
            if nxt is not None:
                if nxt > rec.now:
                    rec.jump(nxt)
                return False
            if self._ready or (th is not None and th.has_runnable()):
                return False
            if len(self._selector.get_map()) > 1:
                return True  # real I/O is registered besides the loop's own wake-up pipe
            deadlock(self)

    # -- errors the loop reports
    def call_exception_handler(self, context):
        msg = context.get("message", "")
        fut = context.get("future") or context.get("task")
        rec = R
        if not rec.finished and rec.phase != "closing":
            if msg.startswith("Task exception was never retrieved") and isinstance(fut, Task):
                if not fut._ls_hidden:
                    exc = context.get("exception")
                    rec.warn("exceptionNeverRetrieved", "Task exception was never retrieved: %s raised %s" % (
                        fut.get_name(), describe_error(exc)), fut._ls_id)
        return super().call_exception_handler(context)


DONE_LABELS = {
    "gather.<locals>._done_callback": "gather: %s is done",
    "_wait.<locals>._on_completion": "wait: %s is done",
    "as_completed.<locals>._on_completion": "as_completed: %s is done",
    "shield.<locals>._inner_done_callback": "shield: %s is done, settle the outer future",
    "TaskGroup._on_task_done": "task group: %s is done",
}


def timeout_label(callback, caller, cur):
    """Labels of asyncio's own timeout timers, in the Swift scheduler's words."""
    name = getattr(callback, "__qualname__", "")
    while caller is not None and caller.f_code.co_name in ("call_later", "call_at", "_ls_timer", "reschedule"):
        caller = caller.f_back
    where = caller.f_code.co_name if caller is not None else ""
    if name == "as_completed.<locals>._on_timeout":
        return "as_completed: timeout"
    if where == "wait_for":
        fut = caller.f_locals.get("fut")
        if isinstance(fut, Task):
            name = fut.get_name()
        elif asyncio.iscoroutine(fut):
            name = "Task-%d" % (R.task_names + 1)  # 3.11 arms the timer, then wraps the coroutine
        else:
            name = "its future"
        return "wait_for: timeout for %s" % name
    if where == "_wait":
        return "wait: timeout"
    return "timeout: cancel %s" % (cur.get_name() if cur is not None else "the task")


def _closure_future(fn, other):
    for cell in getattr(fn, "__closure__", None) or ():
        try:
            value = cell.cell_contents
        except ValueError:
            continue
        if isinstance(value, asyncio.Future) and value is not other:
            return value
    return None


def _shielded(fut):
    """The future `shield()` protects if `fut` is a shield's outer future (None: not a task),
    else False."""
    try:
        callbacks = fut._callbacks or ()
    except AttributeError:
        return False
    for cb in callbacks:
        fn = cb[0] if isinstance(cb, tuple) else cb
        if getattr(fn, "__name__", "") == "_outer_done_callback":
            return _closure_future(fn, fut)
    return False


def describe_error(exc):
    if exc is None:
        return "an exception"
    text = str(exc)
    text = portable(text)
    return type(exc).__name__ + (": " + text if text else "")


def deadlock(loop):
    rec = R
    lines = []
    for task in sorted(asyncio.all_tasks(loop), key=lambda t: t._ls_id if isinstance(t, Task) else 1 << 30):
        if not isinstance(task, Task) or task._ls_hidden or task.done():
            continue
        w = task._fut_waiter
        at, fn = site_and_waiter(rec, await_chain(task))
        what = describe_wait(rec, task, w, fn)
        where = ""
        if at:
            fi, line = at.strip('"').split(":")
            where = " at %s:%s" % (rec.files[int(fi)][0], line)
        text = "%s waits on %s%s" % (task.get_name(), what, where)
        lines.append("  " + text)
        rec.warn("deadlock", text, task._ls_id)
    th = rec.threads
    if th is not None:
        for p in th.stuck():
            lines.append("  " + p)
    message = "\n".join(["deadlock: nothing is ready, no timer is pending and no thread runs, "
                         "so nothing can ever wake these:"] + lines)
    _write_stderr("loopscope: " + message + "\n")
    rec.stop("deadlock", message)


def describe_wait(rec, task, w, fn):
    if w is None:
        return "nothing (it yielded)"
    if isinstance(w, Task):
        return w.get_name()
    if type(w).__name__ == "_GatheringFuture":
        return "gather(%d)" % len(getattr(w, "_children", ()))
    if fn and fn in WAITS:
        return fn.replace("<locals>.", "") + "()"
    return "a future nothing will complete"


def _jump(self, t):
    if t > self.max_time:
        self.limit("stopped at virtual time %s s: the next timer is at %s s, past the limit of %s s; "
                   "raise --max-time to see more" % (fmt_ns(self.now), fmt_ns(t), fmt_ns(self.max_time)))
    frm = self.now
    self.now = t
    self.ev('"kind":"clockJump","from":%s}' % fmt_ns(frm))


Recorder.jump = _jump


# ---------------------------------------------------------------- asyncio.run's shutdown

_orig_cancel_all = asyncio.runners._cancel_all_tasks


def _cancel_all_tasks(loop):
    """asyncio.run's shutdown, with the pending tasks cancelled in creation order (CPython
    walks a set, whose order follows memory addresses)."""
    rec = R
    if not (isinstance(loop, RecordingLoop) and rec.phase == "run"):
        return _orig_cancel_all(loop)
    to_cancel = sorted(asyncio.all_tasks(loop), key=_creation_order)
    visible = [t for t in to_cancel if not getattr(t, "_ls_hidden", False)]
    rec.ev('"kind":"shutdown","pending":%d}' % len(visible))
    rec.phase = "shutdown"
    try:
        if not to_cancel:
            return
        for task in to_cancel:
            task.cancel()
        loop.run_until_complete(asyncio.gather(*to_cancel, return_exceptions=True))
        for task in to_cancel:
            if task.cancelled():
                continue
            if task.exception() is not None:
                loop.call_exception_handler({
                    "message": "unhandled exception during asyncio.run() shutdown",
                    "exception": task.exception(),
                    "task": task,
                })
    finally:
        rec.phase = "closing"


def _creation_order(task):
    return getattr(task, "_ls_id", 1 << 40)


async def shutdown_asyncgens():
    """BaseEventLoop.shutdown_asyncgens, closing the generators in the order they were first
    iterated (CPython walks a WeakSet, whose order follows memory addresses)."""
    rec = R
    loop = asyncio.get_running_loop()
    loop._asyncgens_shutdown_called = True
    closing = sorted(loop._asyncgens, key=lambda g: rec.agen_order.get(g, 1 << 40))
    loop._asyncgens.clear()
    closers = [ag.aclose() for ag in closing]
    for ag, closer in zip(closing, closers):
        rec.aclose_labels[id(closer)] = coro_label(ag) + ".aclose()"
    try:
        results = await asyncio.gather(*closers, return_exceptions=True)
    finally:
        rec.aclose_labels.clear()
    for result, agen in zip(results, closing):
        if isinstance(result, Exception):
            loop.call_exception_handler({
                "message": f"an error occurred during closing of asynchronous generator {agen!r}",
                "exception": result,
                "asyncgen": agen,
            })


_orig_runner_close = asyncio.runners.Runner.close


def _runner_close(self):
    try:
        _orig_runner_close(self)
    finally:
        if R is not None and R.phase in ("shutdown", "asyncgens", "closing"):
            R.phase = "run"
            if R.threads is not None:
                R.threads.run_runnable()


class _Policy(asyncio.DefaultEventLoopPolicy):
    _loop_factory = RecordingLoop


# ---------------------------------------------------------------- threads (filled in below)

def threads():
    rec = R
    if rec.threads is None:
        rec.threads = ThreadScheduler(rec)
    return rec.threads


class Lane:
    """A thread the scheduler runs: the main thread or a worker."""
    __slots__ = ("lane", "name", "lock", "done", "joiners", "token", "thread", "daemon", "waits")

    def __init__(self, lane, name, thread=None):
        self.lane = lane
        self.name = name
        self.lock = _thread.allocate_lock()
        self.lock.acquire()
        self.done = False
        self.joiners = []
        self.token = 0
        self.thread = thread
        self.daemon = bool(thread is not None and thread.daemon)
        self.waits = None  # what it waits on, in words, while it waits on a lock


class ThreadScheduler:
    """Runs threads one at a time on the virtual clock, so runs stay deterministic.

    Only the holder of the baton runs Python code; the others wait on their own lock. The
    baton changes hands only where a thread waits: `time.sleep`, `Thread.join`, a lock that
    another thread holds (threading's locks, and so its conditions, events, semaphores,
    barriers and `queue.Queue`, are `BatonLock`s), the end of a thread, and the event loop's
    iterations (it runs every runnable thread at the start of each, as the Swift scheduler
    does). A thread blocked anywhere else (a socket, a C extension) keeps the baton: the
    wall-clock limit ends such a run."""

    def __init__(self, rec):
        self.rec = rec
        self.main = Lane(rec.main_lane, "MainThread")
        self.holder = self.main
        self.by_ident = {_thread.get_ident(): self.main}
        self.runnable = collections.deque()
        self.sleepers = []
        self.workers = []
        self.main_in_loop = False
        self.executor_threads = 0
        self.starting = False  # Thread.start waits for the new thread with real locks

    # -- queries from the loop
    def has_runnable(self):
        return bool(self.runnable)

    def live(self):
        return any(not w.done for w in self.workers)

    def next_wake(self):
        while self.sleepers:
            wake, seq, lane, token = self.sleepers[0]
            if lane.token == token:
                return wake, seq
            heapq.heappop(self.sleepers)
        return None

    def wake_sleeper(self):
        self.next_wake()
        wake, seq, lane, token = heapq.heappop(self.sleepers)
        lane.token += 1
        self.runnable.append(lane)

    def stuck(self):
        out = []
        for w in self.workers:
            if not w.done:
                out.append("%s is blocked outside the loop" % w.name)
        return out

    def abandon(self):
        pass

    def me(self):
        return self.by_ident.get(_thread.get_ident())

    # -- handing the baton on
    def _handoff(self, lane):
        self.holder = lane
        lane.lock.release()

    def _release(self, me):
        """`me` stops running (it waits or ended): run whoever is next."""
        if self.runnable:
            self._handoff(self.runnable.popleft())
            return
        if self.main_in_loop and me is not self.main:
            self._handoff(self.main)
            return
        nxt = self.next_wake()
        if nxt is None:
            thread_deadlock(self)
            return
        if nxt[0] > self.rec.now:
            self.rec.jump(nxt[0])
        self.wake_sleeper()
        self._handoff(self.runnable.popleft())

    def _block(self, me):
        self._release(me)
        me.lock.acquire()

    def run_runnable(self):
        """The loop (on the main thread) lets every runnable thread run until it waits."""
        while self.runnable:
            self.main_in_loop = True
            self._handoff(self.runnable.popleft())
            self.main.lock.acquire()
            self.main_in_loop = False

    # -- what threads do
    def start(self, thread, orig_start, label=None, name=None):
        rec = self.rec
        if rec.main_lane < 0 and not rec.loop_ran:
            self.main.lane = rec.ensure_main_lane()
        name = name or thread.name
        if label is None:
            target = getattr(thread, "_target", None)
            if target is not None:
                label = call_label(target, getattr(thread, "_args", ()), getattr(thread, "_kwargs", None))
            else:
                label = type(thread).__name__ + ".run()"
        lane = Lane(rec.new_lane(name, "thread", label, rec.running_lane(), rec.here()), name, thread)
        thread._ls_lane = lane
        self.workers.append(lane)
        body = thread.run

        def run():
            self.by_ident[_thread.get_ident()] = lane
            lane.lock.acquire()
            rec.ev('"kind":"started","task":%d}' % lane.lane)
            try:
                body()
            except SystemExit:
                self._ended(lane, None)
            except BaseException as e:
                try:
                    threading.excepthook(threading.ExceptHookArgs((type(e), e, e.__traceback__, thread)))
                except Exception:
                    pass
                self._ended(lane, e)
            else:
                self._ended(lane, None)

        thread.run = run
        self.starting = True
        try:
            orig_start(thread)
        finally:
            self.starting = False
        self.runnable.append(lane)

    def _ended(self, lane, error):
        rec = self.rec
        if error is None:
            rec.ev('"kind":"completed","task":%d,"result":"None"}' % lane.lane)
        else:
            rec.ev('"kind":"failed","task":%d,"error":%s}' % (lane.lane, jstr(describe_error(error))))
        lane.done = True
        for j in lane.joiners:
            j.token += 1
            self.runnable.append(j)
        lane.joiners = []
        self._release(lane)

    def handles_sleep(self, secs):
        """time.sleep on a thread this scheduler runs; False if the caller should handle it."""
        rec = self.rec
        me = self.me()
        if me is None or not rec.virtual:
            return False
        d = int(round(secs * 1e9))
        if d == 0:
            return True
        if me is self.main and rec.cur is not None:
            # a task blocks the loop: threads move meanwhile, loop timers wait
            rec.ev('"kind":"blocked","task":%d,"blocking":"sleep","duration":%s}' % (rec.cur._ls_id, fmt_ns(d)))
            until = rec.now + d
            self.run_runnable()
            while True:
                nxt = self.next_wake()
                if nxt is None or nxt[0] > until:
                    break
                rec.now = max(rec.now, nxt[0])
                self.wake_sleeper()
                self.run_runnable()
            rec.now = until
            return True
        if me is self.main and rec.loop_ran and rec.main_lane < 0:
            return False
        if me is self.main and self.main.lane < 0:
            self.main.lane = rec.ensure_main_lane()
        until = rec.now + d
        body = '"kind":"suspended","task":%d,"wait":"sleep","until":%s' % (me.lane, fmt_ns(until))
        body += ',"label":"time.sleep(%s)"' % delay_text(secs)
        at = rec.here()
        if at:
            body += ',"at":' + at
        rec.ev(body + "}")
        rec.handles += 1
        heapq.heappush(self.sleepers, (until, rec.handles, me, me.token))
        self._block(me)
        rec.ev('"kind":"resumed","task":%d}' % me.lane)
        return True

    def wait_lock(self, lock, me, timeout):
        """`me` holds the baton and wants `lock`, which another thread holds: it waits (on the
        virtual clock, up to `timeout` seconds if one is given) while the others run."""
        rec = self.rec
        deadline = None if timeout is None or timeout < 0 else rec.now + int(round(timeout * 1e9))
        if me is self.main and rec.cur is not None:
            return self._loop_waits_for(lock, deadline)
        if me is self.main and self.main.lane < 0 and not rec.loop_ran:
            self.main.lane = rec.ensure_main_lane()
        wait, label = blocking_call()
        if me.lane >= 0:
            body = '"kind":"suspended","task":%d,"wait":"%s","label":%s' % (me.lane, wait, jstr(label))
            at = rec.here()
            if at:
                body += ',"at":' + at
            rec.ev(body + "}")
        me.waits = label
        while True:
            lock._waiters.append(me)
            if deadline is not None:
                rec.handles += 1
                heapq.heappush(self.sleepers, (deadline, rec.handles, me, me.token))
            self._block(me)
            if me in lock._waiters:  # woken by its deadline, not by a release
                lock._waiters.remove(me)
            got = lock._real.acquire(False)
            if got or (deadline is not None and rec.now >= deadline):
                break
        me.waits = None
        if me.lane >= 0:
            rec.ev('"kind":"resumed","task":%d}' % me.lane)
        return got

    def _loop_waits_for(self, lock, deadline):
        """A task blocks the loop on a thread's lock: the threads move meanwhile (loop timers
        wait) until one releases it."""
        rec = self.rec
        while True:
            self.run_runnable()
            if lock._real.acquire(False):
                return True
            nxt = self.next_wake()
            if nxt is None or (deadline is not None and nxt[0] > deadline):
                if deadline is None:
                    self.main.waits = blocking_call()[1]
                    thread_deadlock(self)
                rec.now = max(rec.now, deadline)
                return False
            rec.now = max(rec.now, nxt[0])
            self.wake_sleeper()

    def join(self, target, me):
        rec = self.rec
        if me is self.main and self.main.lane < 0 and rec.cur is None:
            self.main.lane = rec.ensure_main_lane()
        lane = me.lane if rec.cur is None or me is not self.main else -1
        if lane >= 0:
            body = '"kind":"suspended","task":%d,"wait":"join","on":%d' % (lane, target.lane)
            body += ',"label":%s' % jstr(target.name + ".join()")
            at = rec.here()
            if at:
                body += ',"at":' + at
            rec.ev(body + "}")
        target.joiners.append(me)
        self._block(me)
        if lane >= 0:
            rec.ev('"kind":"resumed","task":%d}' % lane)

    def main_exit(self):
        """The module's code is done: wait for the non-daemon threads, as Python does."""
        me = self.main
        for w in list(self.workers):
            if not w.done and not w.daemon:
                w.joiners.append(me)
                self._block(me)

    def run_in_executor(self, loop, executor, func, args):
        rec = self.rec
        prefix = getattr(executor, "_thread_name_prefix", None) or "asyncio"
        name = "%s_%d" % (prefix, self.executor_threads)
        self.executor_threads += 1
        fn, fargs = func, args
        inner = getattr(func, "func", None)
        if inner is not None and getattr(inner, "__name__", "") == "run" and func.args:
            fn, fargs = func.args[0], func.args[1:] + tuple(args)
        elif inner is not None:
            fn, fargs = inner, tuple(func.args) + tuple(args)
        label = call_label(fn, fargs, getattr(func, "keywords", None) if inner is not None and fn is inner else None)
        fut = loop.create_future()
        waiter = rec.cur.get_name() if rec.cur is not None else "the loop"
        done_label = "%s finished: pass its result to %s" % (name, waiter)

        def work():
            try:
                result = func(*args)
            except BaseException as e:
                loop.call_soon_threadsafe(_ls_deliver, fut, None, e, done_label)
            else:
                loop.call_soon_threadsafe(_ls_deliver, fut, result, None, done_label)

        th = _OrigThread(target=work, name=name, daemon=True)
        self.start(th, _orig_thread_start, label=label, name=name)
        rec.thread_futs[fut] = (th._ls_lane.lane, name)
        return fut


def _ls_deliver(fut, result, error, label):
    if fut.cancelled():
        return
    if error is not None:
        fut.set_exception(error)
    else:
        fut.set_result(result)


def thread_deadlock(sched):
    rec = sched.rec
    lines = []
    for w in [sched.main] + sched.workers:
        if not w.done and w.lane >= 0:
            text = "%s waits and nothing can wake it" % w.name
            if w.waits:
                text = "%s waits on %s and no thread that can run will release it" % (w.name, w.waits)
            for t in [sched.main] + sched.workers:
                if w in t.joiners:
                    text = "%s waits for %s to finish (join)" % (w.name, t.name)
            lines.append("  " + text)
            rec.warn("deadlock", text, w.lane)
    message = "\n".join(["deadlock: no thread can run and none is asleep, so nothing can ever wake these:"] + lines)
    _write_stderr("loopscope: " + message + "\n")
    rec.stop("deadlock", message)


_OrigThread = threading.Thread
_orig_thread_start = threading.Thread.start
_orig_thread_join = threading.Thread.join


def _thread_start(self):
    rec = R
    if rec is None or rec.finished or not rec.virtual:
        return _orig_thread_start(self)
    threads().start(self, _orig_thread_start)


def _thread_join(self, timeout=None):
    rec = R
    lane = getattr(self, "_ls_lane", None)
    sched = rec.threads if rec is not None else None
    if lane is None or sched is None or lane.done or rec.finished:
        return _orig_thread_join(self, timeout)
    me = sched.me()
    if me is None or me is lane:
        return _orig_thread_join(self, timeout)
    sched.join(lane, me)
    return _orig_thread_join(self, timeout)


# what a thread waits on, from the outermost library function user code called
THREAD_WAITS = {
    "Queue.get": ("queueGet", "queue.get()"), "Queue.put": ("queuePut", "queue.put()"),
    "Queue.join": ("event", "queue.join()"), "_PySimpleQueue.get": ("queueGet", "queue.get()"),
    "Event.wait": ("event", "event.wait()"), "Condition.wait": ("condition", "condition.wait()"),
    "Condition.wait_for": ("condition", "condition.wait_for()"),
    "Semaphore.acquire": ("semaphore", "semaphore.acquire()"), "Barrier.wait": ("barrier", "barrier.wait()"),
    "_PyRLock.acquire": ("lock", "rlock.acquire()"), "_PyRLock.__enter__": ("lock", "rlock.acquire()"),
}


def blocking_call():
    """(wait word, label) for the lock wait under way: the library call the user's code made."""
    rec = R
    outer = None
    f = sys._getframe(2)
    while f is not None and rec.file_index(f.f_code) < 0:
        outer = f.f_code.co_qualname
        f = f.f_back
    return THREAD_WAITS.get(outer, ("lock", "lock.acquire()"))


def _lock_scheduler():
    """The thread scheduler and the calling thread's lane, when a lock wait must hand the baton
    on: the virtual clock, and the caller is the thread that holds it."""
    rec = R
    if rec is None or rec.finished or not rec.virtual:
        return None, None
    sched = rec.threads
    if sched is None:
        if _thread.get_ident() != rec.main_ident:
            return None, None
        sched = threads()
    if sched.starting:
        return None, None
    me = sched.me()
    if me is None or sched.holder is not me:
        return None, None
    return sched, me


class BatonLock:
    """threading's `Lock` while a program is recorded: a real lock, except that a thread which
    must wait for it hands the baton on (see ThreadScheduler) instead of stopping every
    thread, and a release makes the first waiter runnable again."""
    __slots__ = ("_real", "_waiters", "__weakref__")

    def __init__(self):
        self._real = _thread.allocate_lock()
        self._waiters = collections.deque()

    def acquire(self, blocking=True, timeout=-1):
        if self._real.acquire(False):
            return True
        if not blocking:
            return False
        sched, me = _lock_scheduler()
        if sched is None:
            return self._real.acquire(True, timeout)
        return sched.wait_lock(self, me, timeout)

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def release(self):
        self._real.release()
        if self._waiters:
            lane = self._waiters.popleft()
            lane.token += 1  # its deadline, if any, no longer wakes it
            R.threads.runnable.append(lane)

    def locked(self):
        return self._real.locked()

    def _at_fork_reinit(self):
        self._real = _thread.allocate_lock()
        self._waiters.clear()

    def __repr__(self):
        return "<%s _thread.lock object>" % ("locked" if self._real.locked() else "unlocked")


def install_threads():
    threading.Thread.start = _thread_start
    threading.Thread.join = _thread_join
    # every lock made from here on, and so threading's conditions, events, semaphores,
    # barriers, RLocks and queue's queues, is a BatonLock
    threading.Lock = threading._allocate_lock = BatonLock
    threading._CRLock = None
    import queue
    queue.SimpleQueue = queue._PySimpleQueue


# ---------------------------------------------------------------- running the program

class Options:
    pass


def parse_args(argv):
    o = Options()
    o.out = None
    o.clock = "virtual"
    o.max_events = 5000000
    o.max_time = 86400.0
    o.wall_timeout = 120.0
    o.stdin = False
    o.id = None
    o.title = None
    i = 0
    valued = {"--out", "--clock", "--max-events", "--max-time", "--wall-timeout", "--id", "--title",
              }
    while i < len(argv):
        a = argv[i]
        if a == "--":
            i += 1
            break
        if not a.startswith("--") or a == "-":
            break
        key, eq, val = a.partition("=")
        if key in valued:
            if not eq:
                i += 1
                if i >= len(argv):
                    raise ValueError("%s needs a value" % key)
                val = argv[i]
            try:
                if key == "--out":
                    o.out = val
                elif key == "--clock":
                    if val not in ("virtual", "real"):
                        raise ValueError("--clock is virtual or real, not %r" % val)
                    o.clock = val
                elif key == "--max-events":
                    o.max_events = int(val)
                    if o.max_events <= 0:
                        raise ValueError
                elif key == "--max-time":
                    o.max_time = float(val)
                    if not o.max_time > 0:
                        raise ValueError
                elif key == "--wall-timeout":
                    o.wall_timeout = float(val)
                    if not o.wall_timeout > 0:
                        raise ValueError
                elif key == "--id":
                    o.id = val
                elif key == "--title":
                    o.title = val
            except ValueError as e:
                raise ValueError(str(e) if str(e) else "%s: bad value %r" % (key, val))
        elif a == "--stdin":
            o.stdin = True
        else:
            raise ValueError("unknown option %s" % a)
        i += 1
    rest = argv[i:]
    if not rest:
        raise ValueError("no program given")
    if o.out is None:
        raise ValueError("--out TRACE.jsonl is required")
    o.program = rest[0]
    o.args = rest[1:]
    base = os.path.splitext(os.path.basename(o.program))[0]
    if o.id is None:
        o.id = base
    if o.title is None:
        o.title = os.path.basename(o.program)
    return o


class _VirtualTime:
    """time.* on the virtual clock."""

    @staticmethod
    def monotonic():
        return R.now / 1e9

    @staticmethod
    def monotonic_ns():
        return R.now

    @staticmethod
    def time():
        return EPOCH + R.now / 1e9

    @staticmethod
    def time_ns():
        return EPOCH * 1000000000 + R.now


def install_clock(rec):
    if rec.virtual:
        time.monotonic = _VirtualTime.monotonic
        time.perf_counter = _VirtualTime.monotonic
        time.monotonic_ns = _VirtualTime.monotonic_ns
        time.perf_counter_ns = _VirtualTime.monotonic_ns
        time.time = _VirtualTime.time
        time.time_ns = _VirtualTime.time_ns
        for name in ("localtime", "gmtime", "ctime"):
            time.__dict__[name] = _now_default(getattr(time, name))
        _strftime, _asctime, _localtime = time.strftime, time.asctime, time.localtime
        time.strftime = lambda fmt, t=None: _strftime(fmt, _localtime() if t is None else t)
        time.asctime = lambda t=None: _asctime(_localtime() if t is None else t)
        install_datetime()
    time.sleep = blocking_sleep


def _now_default(fn):
    def call(secs=None):
        return fn(_VirtualTime.time() if secs is None else secs)
    call.__name__ = fn.__name__
    return call


def install_datetime():
    import datetime as dt

    class datetime(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return cls.fromtimestamp(_VirtualTime.time(), tz)

        @classmethod
        def utcnow(cls):
            return cls.utcfromtimestamp(_VirtualTime.time())

        @classmethod
        def today(cls):
            return cls.fromtimestamp(_VirtualTime.time())

    class date(dt.date):
        @classmethod
        def today(cls):
            return cls.fromtimestamp(_VirtualTime.time())

    datetime.__module__ = date.__module__ = "datetime"
    dt.datetime = datetime
    dt.date = date


def blocking_sleep(secs):
    """time.sleep: on the virtual clock, the caller is held for `secs` of virtual time."""
    rec = R
    if secs < 0:
        raise ValueError("sleep length must be non-negative")
    if rec is None or rec.finished:
        return _real_sleep(secs)
    th = rec.threads
    if th is not None and th.handles_sleep(secs):
        return
    if not rec.virtual:
        t = rec.clock()
        _real_sleep(secs)
        if rec.cur is not None:
            rec.now = t
            rec.ev('"kind":"blocked","task":%d,"blocking":"sleep","duration":%s}' % (
                rec.cur._ls_id, fmt_ns(int(round(secs * 1e9)))))
            rec.clock()
        return
    d = int(round(secs * 1e9))
    if rec.cur is not None:
        rec.ev('"kind":"blocked","task":%d,"blocking":"sleep","duration":%s}' % (rec.cur._ls_id, fmt_ns(d)))
        rec.now += d
        return
    lane = rec.running_lane()
    if lane < 0 and not rec.loop_ran:
        lane = rec.ensure_main_lane()
    if lane < 0 or d == 0:
        rec.now += d
        return
    at = rec.here()
    body = '"kind":"suspended","task":%d,"wait":"sleep","until":%s' % (lane, fmt_ns(rec.now + d))
    body += ',"label":"time.sleep(%s)"' % delay_text(secs)
    if at:
        body += ',"at":' + at
    rec.ev(body + "}")
    rec.jump(rec.now + d)
    rec.ev('"kind":"resumed","task":%d}' % lane)


def install_warnings(rec):
    orig = warnings.showwarning

    def showwarning(message, category, filename, lineno, file=None, line=None):
        text = str(message)
        if category is RuntimeWarning and "was never awaited" in text and not rec.finished:
            rec.warn("neverAwaited", portable(text), rec.running_lane())
        return orig(message, category, filename, lineno, file, line)

    warnings.showwarning = showwarning


def watchdog(rec, seconds):
    def run():
        end = _real_monotonic() + seconds
        while _real_monotonic() < end:
            _real_sleep(0.05)
            if rec.finished:
                return
        msg = ("stopped after %s s of wall-clock time (the limit is %s s): the program may be "
               "blocked outside the event loop; raise --wall-timeout to wait longer" % (
                   delay_text(seconds), delay_text(seconds)))
        try:
            sys.__stderr__.write("loopscope: " + msg + "\n")
            rec.warn("limit", msg)
            rec.finish("limit", msg)
        finally:
            os._exit(0)
    _thread.start_new_thread(run, ())


def main(argv):
    global R
    try:
        opts = parse_args(argv)
    except ValueError as e:
        sys.stderr.write("loopscope_record: %s\n%s\n" % (e, USAGE))
        return 4
    path = opts.program
    try:
        with open(path, "rb") as f:
            source = f.read()
    except OSError as e:
        sys.stderr.write("%s: can't open file %r: [Errno %d] %s\n" % (
            os.path.basename(sys.executable) or "python3", os.path.abspath(path), e.errno or 0,
            e.strerror or "cannot read"))
        return 2
    abspath = os.path.abspath(path)
    try:
        code = compile(source, abspath, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as e:
        traceback.print_exception(type(e), e, None, file=sys.stderr) if isinstance(e, SyntaxError) else \
            sys.stderr.write("%s: %s\n" % (path, e))
        return 2
    try:
        rec = Recorder(opts)
        rec.open(opts.out)
    except OSError as e:
        sys.stderr.write("loopscope_record: cannot write %s: %s\n" % (opts.out, e.strerror or e))
        return 4
    R = rec
    rec.task_names = 0
    rec.add_file(os.path.realpath(abspath))
    rec.files[0] = (path, rec.files[0][1])
    if not re.search(rb"^\s*(import|from)\s+asyncio", source, re.M):
        rec.main_lane = rec.new_lane("MainThread", "mainThread", "<module>", -1, '"0:1"')
        rec.ev('"kind":"started","task":%d}' % rec.main_lane)
    # where the program runs
    sys.argv = [path] + list(opts.args)
    # as `python3 PROGRAM.py` has it: the program's folder first, not the recorder's
    if sys.path and (sys.path[0] in ("", os.path.dirname(os.path.abspath(__file__)))):
        sys.path[0] = os.path.dirname(abspath)
    else:
        sys.path.insert(0, os.path.dirname(abspath))
    if not opts.stdin:
        sys.stdin = io.StringIO("")
        try:
            fd = os.open(os.devnull, os.O_RDONLY)
            os.dup2(fd, 0)
            os.close(fd)
        except OSError:
            pass
    install_clock(rec)
    install_warnings(rec)
    install_threads()
    asyncio.runners._cancel_all_tasks = _cancel_all_tasks
    asyncio.runners.Runner.close = _runner_close
    asyncio.set_event_loop_policy(_Policy())
    asyncio.Task = asyncio.tasks.Task = Task
    if hasattr(asyncio, "create_eager_task_factory"):
        asyncio.eager_task_factory = asyncio.tasks.eager_task_factory = asyncio.create_eager_task_factory(Task)
    _probe_step_type()
    real_out, real_err = sys.stdout, sys.stderr
    sys.stdout = Tap(real_out, "stdout")
    sys.stderr = Tap(real_err, "stderr")
    watchdog(rec, opts.wall_timeout)
    import __main__ as old_main
    import types
    mod = types.ModuleType("__main__")
    mod.__file__ = abspath
    mod.__builtins__ = __builtins__
    mod.__loader__ = None
    mod.__spec__ = None
    sys.modules["__main__"] = mod
    outcome, message = "ok", ""
    try:
        exec(code, mod.__dict__)
    except SystemExit as e:
        if e.code not in (None, 0):
            outcome, message = "exception", "SystemExit: %s" % (e.code,)
            if not isinstance(e.code, int):
                _write_stderr(str(e.code) + "\n")
    except BaseException as e:
        if isinstance(e, (ImportError, SyntaxError)) and not rec.loop_ran:
            sys.stdout.flush()
            sys.stdout, sys.stderr = real_out, real_err
            _print_program_traceback(e, code, real_err)
            rec.finished = True
            rec.discard()
            return 2
        sys.stdout.flush()
        _print_program_traceback(e, code, sys.stderr)
        outcome, message = "exception", describe_error(e)
    finally:
        sys.modules["__main__"] = old_main
    import gc
    gc.collect()  # what CPython would report at exit (never-retrieved exceptions) lands in the trace
    th = rec.threads
    if th is not None:
        th.main_exit()
    if rec.main_lane >= 0:
        for tap in (sys.stdout, sys.stderr):
            if isinstance(tap, Tap):
                tap.flush_partial()
        rec.ev('"kind":"completed","task":%d,"result":"None"}' % rec.main_lane)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:
        pass
    rec.finish(outcome, message)
    sys.stdout, sys.stderr = real_out, real_err
    if th is not None and th.live():
        # threads still parked on the baton would keep the interpreter from exiting
        for s in (sys.stdout, sys.stderr):
            s.flush()
        os._exit(0)
    return 0


def _print_program_traceback(e, code, stream):
    tb = e.__traceback__
    while tb is not None and tb.tb_frame.f_code is not code:
        tb = tb.tb_next
    stream.write("".join(traceback.format_exception(type(e), e, tb)))
    stream.flush()


def _probe_step_type():
    """The type of the C Task's step callback (`TaskStepMethWrapper`), found by asking."""
    seen = []

    class Probe(asyncio.AbstractEventLoop):
        def call_soon(self, cb, *args, context=None):
            seen.append(cb)

        def get_debug(self):
            return False

        def create_future(self):
            return asyncio.Future(loop=self)

    async def nothing():
        pass

    coro = nothing()
    t = _CTask(coro, loop=Probe())
    global STEP
    STEP = type(seen[0])
    coro.close()
    asyncio.tasks._unregister_task(t) if hasattr(asyncio.tasks, "_unregister_task") else None
    t._log_destroy_pending = False


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
