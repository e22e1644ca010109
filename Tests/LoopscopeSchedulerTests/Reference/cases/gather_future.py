# gather returns a future (_GatheringFuture) at once: it can be kept, handed to another
# task, nested in another gather and cancelled. Cancelling it cancels every child still
# running, and its awaiter gets CancelledError even when a child swallows the cancel; the
# gather itself then ends with that error, not as cancelled. A failure in a nested gather
# travels outward, or is collected with return_exceptions=True while the others run on.
# When every child swallows the cancel, the gather still ends with CancelledError;
# cancelling an outer gather cancels the gathers nested in it.
import asyncio


async def job(name, d, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    if fail:
        raise ValueError(name)
    print(f"{name} done")
    return name


async def swallow(name, d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(f"{name} swallows the cancel")
    return f"{name} swallowed"


async def waiter(label, fut):
    try:
        print(f"{label} got {await fut}")
    except asyncio.CancelledError:
        print(f"{label}: CancelledError")


async def main():
    inner = asyncio.gather(job("a", 1), job("b", 2))
    outer = asyncio.gather(inner, job("c", 1.5))
    w = asyncio.create_task(waiter("outer waiter", outer))
    print(f"inner done {inner.done()}")
    await w
    print(f"inner result {inner.result()}")

    g = asyncio.gather(job("d", 1), swallow("e", 1))
    w2 = asyncio.create_task(waiter("g waiter", g))
    await asyncio.sleep(0.5)
    print(f"cancel returns {g.cancel()}")
    await w2
    print(f"g cancelled {g.cancelled()} done {g.done()}")
    print(f"second cancel returns {g.cancel()}")

    failing = asyncio.gather(job("f", 0.5, fail=True), job("h", 1))
    both = asyncio.gather(failing, job("i", 0.2), return_exceptions=True)
    print(f"nested with return_exceptions: {await both}")
    await asyncio.sleep(1)

    swallowers = asyncio.gather(swallow("x", 1), swallow("y", 1))
    w3 = asyncio.create_task(waiter("swallowers waiter", swallowers))
    await asyncio.sleep(0)
    swallowers.cancel()
    await w3
    print(f"swallowers ended with {type(swallowers.exception()).__name__}")

    nest = asyncio.gather(asyncio.gather(job("j", 1)), job("k", 1))
    w4 = asyncio.create_task(waiter("nest waiter", nest))
    await asyncio.sleep(0.5)
    print(f"cancelling the outer gather returns {nest.cancel()}")
    await w4
    print("main done")


asyncio.run(main())
