# wait(FIRST_COMPLETED) returns when one finishes; the rest stay pending until awaited.
import asyncio


async def job(n, d):
    await asyncio.sleep(d)
    print(f"job {n} done")
    return n


async def main():
    tasks = [asyncio.create_task(job(i, d)) for i, d in enumerate([3, 1, 2])]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(f"done {sorted(t.result() for t in done)} pending {len(pending)}")
    done, pending = await asyncio.wait(tasks)
    print(f"all {sorted(t.result() for t in done)}")


asyncio.run(main())
