# PriorityQueue hands out the smallest item first (in heapq's order), LifoQueue the newest.
# Both wait as Queue does: getters blocked on an empty queue are woken one per put, in the
# order they came; the woken getter takes whatever is on top when it runs (in a LifoQueue,
# the first getter gets the last item put). A full bounded queue blocks its putter. Items
# of equal priority leave in heapq's order, which is not the order they were put.
import asyncio
from dataclasses import dataclass, field


@dataclass(order=True)
class Ticket:
    priority: int
    name: str = field(compare=False)


async def worker(name, q):
    while True:
        prio, job = await q.get()
        print(f"{name} got {job} (priority {prio})")
        await asyncio.sleep(0.1)
        q.task_done()


async def getter(name, q):
    print(f"{name} got {await q.get()}")


async def main():
    pq = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent"), (2, "also normal")]:
        pq.put_nowait(item)
    ws = [asyncio.create_task(worker(f"w{i}", pq)) for i in range(2)]
    await pq.join()
    await pq.put((5, "last"))
    await pq.put((0, "late but first"))
    await pq.join()
    for w in ws:
        w.cancel()
    await asyncio.gather(*ws, return_exceptions=True)

    tickets = asyncio.PriorityQueue()
    for p, n in [(1, "a"), (1, "b"), (1, "c"), (0, "d"), (1, "e"), (1, "f")]:
        tickets.put_nowait(Ticket(p, n))
    print("equal priorities come out as heapq leaves them: "
          + " ".join(tickets.get_nowait().name for _ in range(6)))

    lq = asyncio.LifoQueue(maxsize=2)

    async def producer():
        for i in range(4):
            await lq.put(i)
            print(f"put {i}")

    p = asyncio.create_task(producer())
    await asyncio.sleep(0.1)
    for _ in range(4):
        print(f"got {await lq.get()}")
    await p

    gs = [asyncio.create_task(getter(f"g{i}", lq)) for i in range(2)]
    await asyncio.sleep(0)
    lq.put_nowait("a")
    lq.put_nowait("b")
    await asyncio.gather(*gs)


asyncio.run(main())
