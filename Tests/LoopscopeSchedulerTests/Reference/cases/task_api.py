# The task API around a task's end: current_task(), all_tasks() (the tasks not yet done),
# add_done_callback (queued when the task ends, ahead of the awaiter it wakes; on a done
# task queued at once), remove_done_callback, exception() too early and after a failure
# (which marks it retrieved, so nothing is logged), and gather / wait over tasks of
# different result types.
import asyncio


async def number(d):
    await asyncio.sleep(d)
    return 7


async def text(d):
    await asyncio.sleep(d)
    return "seven"


async def boom(d):
    await asyncio.sleep(d)
    raise ValueError("boom")


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    me = asyncio.current_task()
    print(f"current task {me.get_name()}")
    n = asyncio.create_task(number(1))
    s = asyncio.create_task(text(0.5))
    b = asyncio.create_task(boom(0.2))
    print(f"all tasks {names(asyncio.all_tasks())}")
    n.add_done_callback(lambda t: print(f"n done, result {t.result()}"))
    cb = lambda t: print("never printed")
    s.add_done_callback(cb)
    print(f"removed {s.remove_done_callback(cb)}")
    b.add_done_callback(lambda t: print(f"b done, exception {t.exception()!r}"))
    try:
        b.exception()
    except asyncio.InvalidStateError:
        print("exception() too early: InvalidStateError")
    num, txt = await asyncio.gather(n, s)
    print(f"gather of int and str: {num + 1} {txt.upper()}")
    print(f"b exception {b.exception()!r}")
    print(f"all tasks {names(asyncio.all_tasks())}")
    n.add_done_callback(lambda t: print("late callback on a done task"))
    late = asyncio.create_task(text(1))
    done, pending = await asyncio.wait([n, s, late], return_when=asyncio.FIRST_COMPLETED)
    print(f"wait: done {names(done)}, pending {names(pending)}")
    print(f"n exception {n.exception()}")
    await late


asyncio.run(main())
