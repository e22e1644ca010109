# Cancelling a task that awaits gather cancels the gather's children; the child swallows
# its CancelledError and returns, yet the gather (and so the parent) ends cancelled.
import asyncio


async def child():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        return "swallowed"


async def parent():
    return await asyncio.gather(child())


async def main():
    t = asyncio.create_task(parent())
    await asyncio.sleep(0.5)
    t.cancel()
    try:
        print(await t)
    except asyncio.CancelledError:
        print("parent cancelled")


asyncio.run(main())
