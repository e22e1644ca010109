# shield: cancelling the task that awaits shield(inner) cancels only the shield's outer
# future; inner runs on and can still be awaited. Cancelling inner itself cancels the
# shield. A shield of a finished task is that task. Inner finishing at the very instant the
# waiter is cancelled: the cancellation wins, inner's result is kept.
import asyncio


async def work(name, d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    print(f"{name} finished")
    return name


async def guarded(inner):
    try:
        r = await asyncio.shield(inner)
        print(f"guarded got {r}")
    except asyncio.CancelledError:
        print(f"guarded cancelled; inner done: {inner.done()}")
        raise


async def main():
    inner = asyncio.create_task(work("inner", 1))
    g = asyncio.create_task(guarded(inner))
    await asyncio.sleep(0.5)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("main: guarded is cancelled")
    print(f"main: inner gives {await inner}")

    inner2 = asyncio.create_task(work("inner2", 1))
    outer = asyncio.shield(inner2)
    await asyncio.sleep(0.5)
    inner2.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print(f"shield cancelled because inner2 was: {outer.cancelled()}")

    print(f"shield of a done task is the task: {asyncio.shield(inner) is inner}")

    inner3 = asyncio.create_task(work("inner3", 1))
    g3 = asyncio.create_task(guarded(inner3))
    loop = asyncio.get_running_loop()
    await asyncio.sleep(0)
    loop.call_later(1, g3.cancel)
    try:
        await g3
    except asyncio.CancelledError:
        print(f"main: g3 cancelled; inner3 result {inner3.result()}")


asyncio.run(main())
