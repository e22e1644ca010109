# The classic mistake: calling a coroutine function without await. Nothing runs; Python warns.
import asyncio


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def main():
    print("start")
    say_after(1, "hello")
    await asyncio.sleep(2)
    print("end")


asyncio.run(main())
