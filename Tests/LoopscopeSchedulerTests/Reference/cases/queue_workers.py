# A bounded queue between a producer (main) and two consumers; join waits for task_done.
import asyncio


async def consumer(name, q):
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            break
        print(f"{name} got {item}")
        await asyncio.sleep(0.3)
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    tasks = [asyncio.create_task(consumer("c1", q)), asyncio.create_task(consumer("c2", q))]
    for i in range(5):
        await q.put(i)
        print(f"put {i}")
    await q.put(None)
    await q.put(None)
    await q.join()
    await asyncio.gather(*tasks)
    print("all done")


asyncio.run(main())
