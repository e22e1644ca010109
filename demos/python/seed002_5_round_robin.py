# seed 002: the hand-made generator loop's round-robin (request_1 yields 3 times, request_2
# once), written with asyncio: a bare yield (sleep(0)) is a task rescheduling itself.
import asyncio


async def request(waits, result):
    for _ in range(waits):
        await asyncio.sleep(0)
    print(result)


async def main():
    request_1 = asyncio.create_task(request(3, "Request One!!!"))
    request_2 = asyncio.create_task(request(1, "Request Two!!!"))
    await request_1
    await request_2


asyncio.run(main())
