# wait_for: a timeout cancels the task and waits for it; a fast one returns its result.
import asyncio


async def slow():
    try:
        await asyncio.sleep(5)
        return "slow"
    except asyncio.CancelledError:
        print("slow cancelled")
        raise


async def fast():
    await asyncio.sleep(0.5)
    return "fast"


async def main():
    try:
        await asyncio.wait_for(slow(), timeout=1)
    except asyncio.TimeoutError:
        print("timed out")
    print(await asyncio.wait_for(fast(), timeout=1))


asyncio.run(main())
