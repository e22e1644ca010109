# Lock (FIFO hand-over), Event (wakes every waiter), Semaphore(2) (two at a time).
import asyncio


async def locked_worker(n, lock):
    async with lock:
        print(f"{n} has the lock")
        await asyncio.sleep(0.2)


async def waiter(ev):
    print("waiting")
    await ev.wait()
    print("event seen")


async def limited(n, sem):
    async with sem:
        print(f"{n} in")
        await asyncio.sleep(1)
        print(f"{n} out")


async def main():
    lock = asyncio.Lock()
    ev = asyncio.Event()
    sem = asyncio.Semaphore(2)
    ts = [asyncio.create_task(locked_worker(i, lock)) for i in range(3)]
    w = asyncio.create_task(waiter(ev))
    await asyncio.sleep(0.1)
    ev.set()
    await asyncio.gather(*ts, w)
    await asyncio.gather(*[limited(i, sem) for i in range(4)])


asyncio.run(main())
