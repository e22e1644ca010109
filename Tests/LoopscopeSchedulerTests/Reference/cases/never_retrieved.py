# A task fails and nobody looks at its exception.
import asyncio


async def fails():
    await asyncio.sleep(0.1)
    raise RuntimeError("nobody is listening")


async def main():
    asyncio.create_task(fails())
    await asyncio.sleep(1)
    print("main done")


asyncio.run(main())
