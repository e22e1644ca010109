# gather with return_exceptions, and without (the first error propagates, the others go on).
import asyncio


async def ok(n, d):
    await asyncio.sleep(d)
    print(f"ok {n}")
    return n


async def bad(d):
    await asyncio.sleep(d)
    raise ValueError("bad")


async def main():
    r = await asyncio.gather(ok(1, 1), bad(0.5), ok(2, 2), return_exceptions=True)
    print(r)
    try:
        await asyncio.gather(ok(3, 1), bad(0.5))
    except ValueError as e:
        print(f"caught {e}")
    await asyncio.sleep(1)
    print("main done")


asyncio.run(main())
