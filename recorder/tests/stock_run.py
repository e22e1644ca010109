"""Runs a program under STOCK CPython asyncio (the stock loop and _run_once, no recorder),
on a fake clock so sleeps take no wall time: the selector's wait advances the clock by its
timeout instead of waiting. Used only to check the recorder's printed-line order against
CPython's own.   python3 stock_run.py PROGRAM.py"""
import asyncio
import runpy
import sys
import time

NOW = [0.0]


class FakeClockLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        super().__init__()
        real_select = self._selector.select

        def select(timeout=None):
            if timeout is None:
                raise SystemExit("stock_run: the program waits forever")
            NOW[0] += timeout
            return real_select(0)
        self._selector.select = select

    def time(self):
        return NOW[0]


class Policy(asyncio.DefaultEventLoopPolicy):
    _loop_factory = FakeClockLoop


def fake_sleep(secs):
    NOW[0] += secs


time.monotonic = time.perf_counter = lambda: NOW[0]
time.time = lambda: 1704067200 + NOW[0]
time.sleep = fake_sleep
_localtime, _strftime = time.localtime, time.strftime
time.localtime = lambda secs=None: _localtime(time.time() if secs is None else secs)
time.strftime = lambda fmt, t=None: _strftime(fmt, time.localtime() if t is None else t)
asyncio.set_event_loop_policy(Policy())
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
