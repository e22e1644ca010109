# seed 004 "Notes on async-await in Python", threads example (10 jobs).
# The post's program prints nothing; the two lines marked ADDED report the
# result and the wall time so the run is observable. (Not an asyncio program:
# loopscope records it with one virtual clock the threads share: time.sleep blocks only its thread.)
import time
import threading

result = [0 for _ in range(10)]


def job(n):
    # CPU-bound simulation
    result[n] = sum(i * i for i in range(n * 1000))
    # I/O-bound simulation
    time.sleep(n)


start = time.perf_counter()  # ADDED
threads = []
for i in range(10):
    t = threading.Thread(target=job, args=(i,))
    t.start()
    threads.append(t)
for t in threads:
    t.join()
print(result)  # ADDED
print(f"all threads joined after {time.perf_counter() - start:.2f} s")  # ADDED
