// queue: Queue, LifoQueue, PriorityQueue, SimpleQueue and their exceptions, after CPython 3.13's Lib/queue.py
// (and _queue for SimpleQueue and Empty) with the locking taken out: the runtime has one thread, so a wait that
// only another thread could end (get() on an empty queue, put() on a full one, join() with unfinished tasks, all
// without a timeout) would block CPython forever and is refused; a wait with a timeout can only time out.

import { native } from '../args.js';
import { UnsupportedSignal, type VM } from '../interp.js';
import type { PyModule } from '../values.js';
import { pythonModule } from './support.js';

const QUEUE_SOURCE = String.raw`
from collections import deque
from heapq import heappush, heappop

__all__ = ['Empty', 'Full', 'ShutDown', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']


class Empty(Exception):
    'Exception raised by Queue.get(block=0)/get_nowait().'
    __module__ = '_queue'


class Full(Exception):
    'Exception raised by Queue.put(block=0)/put_nowait().'
    pass


class ShutDown(Exception):
    '''Raised when put/get with shut-down queue.'''


class Queue:
    '''Create a queue object with a given maximum size.

    If maxsize is <= 0, the queue size is infinite.
    '''

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.unfinished_tasks = 0
        self.is_shutdown = False

    def task_done(self):
        unfinished = self.unfinished_tasks - 1
        if unfinished <= 0:
            if unfinished < 0:
                raise ValueError('task_done() called too many times')
        self.unfinished_tasks = unfinished

    def join(self):
        if self.unfinished_tasks:
            _wait_forever('Queue.join() with unfinished tasks and no other thread to finish them')

    def qsize(self):
        return self._qsize()

    def empty(self):
        return not self._qsize()

    def full(self):
        return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        if self.is_shutdown:
            raise ShutDown
        if self.maxsize > 0:
            if not block:
                if self._qsize() >= self.maxsize:
                    raise Full
            elif timeout is None:
                if self._qsize() >= self.maxsize:
                    _wait_forever('Queue.put() on a full queue and no other thread to get from it')
            elif timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            else:
                if self._qsize() >= self.maxsize:
                    raise Full
        self._put(item)
        self.unfinished_tasks += 1

    def get(self, block=True, timeout=None):
        if self.is_shutdown and not self._qsize():
            raise ShutDown
        if not block:
            if not self._qsize():
                raise Empty
        elif timeout is None:
            if not self._qsize():
                _wait_forever('Queue.get() on an empty queue and no other thread to put into it')
        elif timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        else:
            if not self._qsize():
                raise Empty
        item = self._get()
        return item

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    def shutdown(self, immediate=False):
        self.is_shutdown = True
        if immediate:
            while self._qsize():
                self._get()
                if self.unfinished_tasks > 0:
                    self.unfinished_tasks -= 1

    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()


class PriorityQueue(Queue):
    '''Variant of Queue that retrieves open entries in priority order (lowest first).

    Entries are typically tuples of the form:  (priority number, data).
    '''

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        heappush(self.queue, item)

    def _get(self):
        return heappop(self.queue)


class LifoQueue(Queue):
    '''Variant of Queue that retrieves most recently added entries first.'''

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    '''Simple, unbounded, reentrant FIFO queue.'''
    __module__ = '_queue'

    def __init__(self):
        self._queue = deque()

    def put(self, item, block=True, timeout=None):
        self._queue.append(item)

    def get(self, block=True, timeout=None):
        if timeout is not None and block and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        if not self._queue:
            if block and timeout is None:
                _wait_forever('SimpleQueue.get() on an empty queue and no other thread to put into it')
            raise Empty
        return self._queue.popleft()

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return len(self._queue) == 0

    def qsize(self):
        return len(self._queue)
`;

export function queueModule(vm: VM): PyModule {
  const waitForever = native('_wait_forever', (a) => {
    throw new UnsupportedSignal(`${String(a[0])} (CPython would wait forever)`, vm.currentLine());
  });
  return pythonModule(vm, 'queue', QUEUE_SOURCE, [['_wait_forever', waitForever]]);
}
