# Repetition sizes CPython cannot even try: MemoryError for lists and tuples, OverflowError for strs and for counts beyond ssize_t (they hit the run's memory limit before).
import sys
for f in [lambda: 'ab' * (sys.maxsize//2 + 1), lambda: (1,2) * (sys.maxsize//2+1), lambda: [1]*(sys.maxsize//8+1), lambda: (1,)*(sys.maxsize//8+1), lambda: [1]*(2**70), lambda: 'a'*(2**70)]:
    try: f()
    except (MemoryError, OverflowError) as e: print(type(e).__name__, e)
