# as_completed with a timeout: once it passes, every remaining await raises TimeoutError.
# (nap wraps asyncio.sleep so that the tracer shows the tasks.)
import asyncio


async def nap(d):
    await asyncio.sleep(d)


async def main():
    ts = [asyncio.create_task(nap(d)) for d in (1, 2)]
    for f in asyncio.as_completed(ts, timeout=0.5):
        try:
            await f
        except TimeoutError:
            print("timeout")
    print("loop over")


asyncio.run(main())
