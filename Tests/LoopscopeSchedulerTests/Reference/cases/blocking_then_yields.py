# B arms a 0.5 s timer; A then blocks the loop for 1 s in time.sleep and yields with
# sleep(0) in a loop. The overdue timer joins the ready queue at the next iteration, behind
# A; only the iteration after that runs B: exactly the entries queued when each iteration
# began run in it.
import asyncio
import time


async def a():
    time.sleep(1)
    for i in range(5):
        print(f"A{i}")
        await asyncio.sleep(0)


async def b():
    await asyncio.sleep(0.5)
    print("B")


async def main():
    await asyncio.gather(b(), a())


asyncio.run(main())
