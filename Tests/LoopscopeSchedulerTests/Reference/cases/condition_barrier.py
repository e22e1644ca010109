# Condition: wait() gives up the lock and, once notified, waits to take it back, so the
# notified run one at a time, in the order they waited; notify(1) wakes only the first;
# wait_for checks its predicate again after every wake-up. Barrier(3): the last arrival
# lets all three through in arrival order, each with its arrival index, and the barrier can
# be used again; abort() breaks it for whoever waits, reset() for those waiting now only.
# A waiter cancelled in cond.wait() takes the lock back before CancelledError leaves it.
# BoundedSemaphore: a release too many is a ValueError.
import asyncio


async def waiter(name, cond):
    async with cond:
        await cond.wait()
        print(f"{name} notified")
        await asyncio.sleep(0.1)
        print(f"{name} lets go")


async def consumer(name, cond, items):
    async with cond:
        print(f"{name} waits")
        await cond.wait_for(lambda: items)
        print(f"{name} takes {items.pop(0)}")


async def party(name, barrier, d):
    await asyncio.sleep(d)
    print(f"{name} arrives")
    index = await barrier.wait()
    print(f"{name} passes with index {index}")


async def main():
    cond = asyncio.Condition()
    ws = [asyncio.create_task(waiter(f"w{i}", cond)) for i in range(3)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(1)
        print("notified one")
    await asyncio.sleep(0.5)
    async with cond:
        cond.notify_all()
        print("notified all")
    await asyncio.gather(*ws)

    items = []
    cs = [asyncio.create_task(consumer(f"c{i}", cond, items)) for i in range(2)]
    await asyncio.sleep(0)
    async with cond:
        items.append("x")
        cond.notify_all()
    await asyncio.sleep(0.1)
    async with cond:
        items.append("y")
        cond.notify()
    await asyncio.gather(*cs)

    barrier = asyncio.Barrier(3)
    await asyncio.gather(*(party(f"p{i}", barrier, d) for i, d in enumerate((0.2, 0.1, 0.3))))
    print(f"n_waiting {barrier.n_waiting} broken {barrier.broken}")
    await asyncio.gather(*(party(f"q{i}", barrier, 0) for i in range(3)))

    b2 = asyncio.Barrier(2)
    t = asyncio.create_task(party("r0", b2, 0))
    await asyncio.sleep(0.1)
    await b2.abort()
    try:
        await t
    except asyncio.BrokenBarrierError:
        print(f"r0: BrokenBarrierError, broken {b2.broken}")

    b3 = asyncio.Barrier(2)
    t3 = asyncio.create_task(party("s0", b3, 0))
    await asyncio.sleep(0.1)
    await b3.reset()
    try:
        await t3
    except asyncio.BrokenBarrierError:
        print(f"s0: BrokenBarrierError after reset, broken {b3.broken}")
    await asyncio.gather(party("s1", b3, 0), party("s2", b3, 0))

    cw = asyncio.create_task(waiter("cw", cond))
    await asyncio.sleep(0)
    async with cond:
        cw.cancel()
        await asyncio.sleep(0.1)
        print("main lets go of the lock")
    try:
        await cw
    except asyncio.CancelledError:
        print(f"cw cancelled once it had the lock back; locked now: {cond.locked()}")

    sem = asyncio.BoundedSemaphore(2)
    async with sem:
        print(f"locked {sem.locked()}")
    try:
        sem.release()
    except ValueError as e:
        print(f"ValueError: {e}")


asyncio.run(main())
