# Cancellation: cleanup in except, a task cancelled before its first step, awaiting a cancelled task.
import asyncio


async def worker(name, delay):
    try:
        print(f"{name} start")
        await asyncio.sleep(delay)
        print(f"{name} end")
    except asyncio.CancelledError:
        print(f"{name} cancelled, cleaning up")
        await asyncio.sleep(0.5)
        print(f"{name} cleanup done")
        raise


async def never_started():
    print("never printed")


async def main():
    a = asyncio.create_task(worker("A", 5))
    b = asyncio.create_task(never_started())
    b.cancel()
    await asyncio.sleep(1)
    a.cancel()
    try:
        await a
    except asyncio.CancelledError:
        print("main saw A cancelled")
    print(f"b cancelled: {b.cancelled()}")


asyncio.run(main())
