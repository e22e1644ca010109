# TaskGroup: one child fails, its siblings are cancelled, the errors come out together.
import asyncio


async def child(n, d, fail=False):
    try:
        await asyncio.sleep(d)
        if fail:
            raise ValueError(f"child {n} failed")
        print(f"child {n} done")
    except asyncio.CancelledError:
        print(f"child {n} cancelled")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child(1, 1))
            tg.create_task(child(2, 2, fail=True))
            tg.create_task(child(3, 3))
    except* ValueError as eg:
        print(f"caught {[str(e) for e in eg.exceptions]}")
    print("after group")


asyncio.run(main())
