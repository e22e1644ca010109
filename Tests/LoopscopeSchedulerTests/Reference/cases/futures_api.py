# loop.create_future: set_result wakes every awaiter, each through the ready queue, after
# the done-callbacks added before them; a callback added to a done future is queued at
# once; result() too early, a second set_result, set_exception, and a cancelled future.
import asyncio


async def waiter(name, fut):
    print(f"{name} waits")
    value = await fut
    print(f"{name} got {value}")


async def setter(fut, value, delay):
    await asyncio.sleep(delay)
    print(f"setting {value}")
    fut.set_result(value)
    print("set_result returned")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print(f"callback 1 sees {f.result()}"))
    a = asyncio.create_task(waiter("A", fut))
    b = asyncio.create_task(waiter("B", fut))
    await asyncio.sleep(0)
    fut.add_done_callback(lambda f: print("callback 2"))
    print(f"done {fut.done()} cancelled {fut.cancelled()}")
    try:
        fut.result()
    except asyncio.InvalidStateError:
        print("result() too early: InvalidStateError")
    asyncio.create_task(setter(fut, 42, 1))
    await asyncio.gather(a, b)
    print(f"done {fut.done()} result {fut.result()} exception {fut.exception()}")
    fut.add_done_callback(lambda f: print("late callback"))
    print("late callback queued")
    await asyncio.sleep(0)
    try:
        fut.set_result(1)
    except asyncio.InvalidStateError:
        print("second set_result: InvalidStateError")

    bad = loop.create_future()
    loop.call_later(0.5, bad.set_exception, ValueError("boom"))
    try:
        await bad
    except ValueError as e:
        print(f"await raised {e!r}; exception() is {bad.exception()!r}")

    gone = loop.create_future()
    c = asyncio.create_task(waiter("C", gone))
    await asyncio.sleep(0)
    gone.cancel()
    print(f"gone cancelled {gone.cancelled()} done {gone.done()}")
    try:
        await c
    except asyncio.CancelledError:
        print("C was cancelled with its future")
    try:
        gone.exception()
    except asyncio.CancelledError:
        print("exception() of a cancelled future raises CancelledError")


asyncio.run(main())
