# The recorder's benchmark workload: TASKS tasks, each awaiting asyncio.sleep(0) STEPS times
# (1,000 x 1,000 by default: a million task switches). Arguments: [TASKS [STEPS]].
import asyncio
import sys

TASKS = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
STEPS = int(sys.argv[2]) if len(sys.argv) > 2 else 1000


async def worker():
    for _ in range(STEPS):
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(*(worker() for _ in range(TASKS)))


asyncio.run(main())
