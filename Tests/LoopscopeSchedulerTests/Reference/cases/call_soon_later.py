# loop.call_soon / call_later / call_at with handles: callbacks share the FIFO ready queue
# with task steps; timers due at the same instant run in the order they were armed; a
# cancelled handle never runs, even when its timer has already moved to the ready queue.
import asyncio


def note(what):
    print(f"callback {what}")


async def worker():
    print("worker starts")
    await asyncio.sleep(0)
    print("worker after sleep(0)")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(note, "soon 1")
    t = asyncio.create_task(worker())
    dropped = loop.call_soon(note, "never runs")
    loop.call_soon(note, "soon 2")
    dropped.cancel()
    print(f"dropped cancelled: {dropped.cancelled()}")
    loop.call_later(1, note, "later 1")
    loop.call_at(loop.time() + 1, note, "at 1, armed second")
    handles = {}
    loop.call_later(0.5, lambda: handles["victim"].cancel())
    victim = loop.call_later(0.5, note, "never runs either")
    handles["victim"] = victim
    loop.call_at(loop.time() + 0.5, note, "0.5, armed third")
    print(f"victim due at {victim.when()}")
    await asyncio.sleep(0)
    print("main after sleep(0)")
    await asyncio.sleep(1)
    print("main after sleep(1)")
    late = loop.call_later(0.5, note, "due with main's wake-up")
    await asyncio.sleep(0.5)
    print(f"late cancelled: {late.cancelled()}")
    await t


asyncio.run(main())
