# asyncio.timeout / timeout_at / reschedule (3.11): the deadline cancels the task, and
# leaving the block turns that cancellation into TimeoutError. A timer tie: the timeout
# armed before a sleep of the same length wins. A block that ends in time leaves nothing
# behind; a body that swallows the CancelledError leaves the block normally; timeout(0)
# fires from the ready queue at the next await. A task that had already absorbed a
# cancel() without uncancel() still gets TimeoutError: since 3.11.3 (this is 3.11.7) the
# block compares with the task's cancelling() count at entry, as 3.12 does (3.11.0-3.11.2
# required it to be 0 and let the CancelledError through).
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1) as cm:
            print(f"deadline {cm.when()}")
            await asyncio.sleep(5)
    except TimeoutError:
        print(f"timed out at {loop.time()}, expired {cm.expired()}")

    async with asyncio.timeout(2) as cm:
        await asyncio.sleep(1)
        print("done in time")
    print(f"expired {cm.expired()}")

    try:
        async with asyncio.timeout(None) as cm:
            await asyncio.sleep(1)
            cm.reschedule(loop.time() + 0.5)
            print(f"rescheduled to {cm.when()}")
            await asyncio.sleep(1)
    except TimeoutError:
        print("rescheduled timeout fired")

    try:
        async with asyncio.timeout_at(loop.time() + 0.5):
            await asyncio.sleep(0.5)
            print("not printed: the timeout's timer was armed first")
    except TimeoutError:
        print("tie goes to the timeout")

    async with asyncio.timeout(0.5) as cm:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("body swallowed the cancellation")
    print(f"left normally, expired {cm.expired()}")

    try:
        async with asyncio.timeout(0):
            print("timeout(0) entered")
            await asyncio.sleep(0)
    except TimeoutError:
        print("timeout(0) fired at the first await")

    async def absorbs():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("absorbed a cancel without uncancel")
        try:
            async with asyncio.timeout(0.5):
                await asyncio.sleep(1)
        except TimeoutError:
            print(f"TimeoutError; cancelling() still {asyncio.current_task().cancelling()}")
        except asyncio.CancelledError:
            print("CancelledError")

    t = asyncio.create_task(absorbs())
    await asyncio.sleep(0.5)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print(f"absorbs cancelled: {t.cancelled()}")


asyncio.run(main())
