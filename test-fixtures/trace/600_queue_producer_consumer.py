# queue: a producer generator feeding Queue, LifoQueue, PriorityQueue and SimpleQueue; Empty/Full/ShutDown.
import queue


def produce(n):
    for i in range(n):
        yield i * 3 % 5


def drain(q):
    while True:
        try:
            item = q.get_nowait()
        except queue.Empty:
            return
        yield item
        q.task_done()


for cls in (queue.Queue, queue.LifoQueue, queue.PriorityQueue):
    q = cls()
    for x in produce(5):
        q.put(x)
    print(cls.__name__, q.qsize(), q.empty(), q.full(), list(drain(q)), q.unfinished_tasks)
    q.join()

sq = queue.SimpleQueue()
for x in produce(3):
    sq.put_nowait(x)
print(sq.qsize(), [sq.get() for _ in range(3)], sq.empty())
try:
    sq.get(timeout=-1)
except ValueError as e:
    print('ValueError', e)
try:
    sq.get(block=False)
except queue.Empty as e:
    print(type(e), repr(e))

bounded = queue.Queue(maxsize=2)
bounded.put('a')
bounded.put('b', block=False)
print(bounded.full())
for call in (lambda: bounded.put_nowait('c'), lambda: bounded.put('c', timeout=0.0), lambda: bounded.put('c', timeout=-1)):
    try:
        call()
    except (queue.Full, ValueError) as e:
        print(type(e).__name__, repr(e))
print(bounded.get(), bounded.get(timeout=1))
try:
    bounded.get(timeout=0)
except queue.Empty:
    print('empty after timeout')
bounded.task_done()
bounded.task_done()
try:
    bounded.task_done()
except ValueError as e:
    print(e)

pq = queue.PriorityQueue()
for job in [(2, 'write'), (1, 'read'), (3, 'close')]:
    pq.put(job)
pq.shutdown()
print(pq.get(), pq.get())
pq2 = queue.Queue()
pq2.put(1)
pq2.shutdown(immediate=True)
for call in (pq.put, lambda x: pq2.get()):
    try:
        call(0)
    except queue.ShutDown as e:
        print('ShutDown', repr(e), pq2.unfinished_tasks)
print(queue.Empty, queue.Full, queue.SimpleQueue, queue.LifoQueue.__mro__)
