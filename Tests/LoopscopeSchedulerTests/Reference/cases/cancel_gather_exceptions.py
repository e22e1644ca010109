# The same with return_exceptions=True: a cancelled gather still cancels its awaiter.
# (nap wraps asyncio.sleep so that the tracer, which hides tasks running asyncio's own
# coroutines, shows the child task.)
import asyncio


async def nap(d):
    await asyncio.sleep(d)


async def parent():
    return await asyncio.gather(nap(1), return_exceptions=True)


async def main():
    t = asyncio.create_task(parent())
    await asyncio.sleep(0.5)
    t.cancel()
    try:
        print(await t)
    except asyncio.CancelledError:
        print("parent cancelled")


asyncio.run(main())
