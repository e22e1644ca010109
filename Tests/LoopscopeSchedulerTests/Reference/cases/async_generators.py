# Async generators: `async for` runs the generator inside the awaiting task (it has no task
# of its own, so its sleeps suspend that task); when exhausted its finally runs before the
# loop ends; a `break` leaves it suspended at its yield; aclose() throws GeneratorExit in at
# that yield, so its finally runs in the task that awaits aclose() (a second aclose() and an
# aclose() of a never-started generator do nothing). A generator left suspended (kept in
# `kept` until the end) is closed by asyncio.run's shutdown_asyncgens after the pending
# tasks are cancelled: one aclose() task per generator, in the order they were first
# iterated, gathered by one shutdown task.
import asyncio

kept = []


async def ticks(name, n, delay):
    try:
        for i in range(n):
            await asyncio.sleep(delay)
            print(f"{name} yields {i}")
            yield i
        print(f"{name} exhausted")
    finally:
        print(f"{name} finally")
        await asyncio.sleep(0.25)
        print(f"{name} finally after sleep")


async def consumer():
    g = ticks("C", 5, 0.5)
    kept.append(g)
    async for v in g:
        print(f"consumer got {v}")
        if v == 1:
            break
    print("consumer leaves C suspended")


async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("sleeper cancelled at shutdown")
        raise


async def main():
    async for v in ticks("A", 2, 0.5):
        print(f"main got {v}")
    b = ticks("B", 5, 0.25)
    async for v in b:
        print(f"main got {v}")
        break
    print("main broke out of B")
    await b.aclose()
    print("B closed")
    await b.aclose()
    print("second aclose() does nothing")
    unused = ticks("U", 1, 0)
    await unused.aclose()
    print("never-started U closed without its finally")
    await asyncio.create_task(consumer())
    d = ticks("D", 3, 0)
    kept.append(d)
    print(f"main got {await anext(d)} from D by hand")
    asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    print("main returns")


asyncio.run(main())
print("after asyncio.run")
