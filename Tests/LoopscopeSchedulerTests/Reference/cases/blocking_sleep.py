# time.sleep inside a coroutine holds the loop: the ticker's timer fires late.
import asyncio
import time


async def ticker():
    for i in range(3):
        print(f"tick {i}")
        await asyncio.sleep(0.5)


async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    time.sleep(1)
    print("after blocking sleep")
    await t


asyncio.run(main())
