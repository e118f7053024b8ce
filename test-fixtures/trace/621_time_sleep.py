# time.sleep in a generator pipeline (returns None at once on the runtime's virtual clock) and its errors.
import time


def slow_numbers(n):
    for i in range(n):
        time.sleep(0.01)
        yield i


print(list(slow_numbers(3)), time.sleep(0), time.sleep(True))
for bad in ('1', -1, float('nan'), None):
    try:
        time.sleep(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
