# asyncio cancels once: after catching CancelledError the task's next sleep works normally.
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("caught, carrying on")
    await asyncio.sleep(1)
    print("stubborn done")
    return 42


async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0.1)
    t.cancel()
    print(f"result {await t}")


asyncio.run(main())
