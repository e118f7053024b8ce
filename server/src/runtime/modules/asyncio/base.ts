// asyncio, first part: the exceptions (asyncio/exceptions.py), how futures, tasks, callbacks and coroutines
// are repr'd (base_futures.py, base_tasks.py, format_helpers.py, coroutines.py, with reprlib's abbreviation of
// results), and the binary heap of the event loop's timers and of PriorityQueue (heapq's algorithm, so that
// equal keys come out in the order CPython's heap gives). Python, run by the VM as part of the asyncio module.

export const BASE_SOURCE = String.raw`
_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


class CancelledError(BaseException):
    """The Future or Task was cancelled."""
    __module__ = 'asyncio.exceptions'


class InvalidStateError(Exception):
    """The operation is not allowed in this state."""
    __module__ = 'asyncio.exceptions'


class BrokenBarrierError(RuntimeError):
    """Barrier is broken by barrier.abort() call."""
    __module__ = 'asyncio.exceptions'


TimeoutError = TimeoutError


def _refuse_library_source(what):
    # CPython would show the path and line of its own asyncio source file here: no snippet can know them.
    _unsupported(what + " (CPython shows where asyncio's own code is on disk)")


def _is_library_function(func):
    code = getattr(func, '__code__', None)
    return code is not None and code.co_filename == _LIBRARY


def _format_callback(func, args, suffix=''):
    if isinstance(func, _partial):
        return _format_callback(func.func, func.args, '()' + suffix)
    name = getattr(func, '__qualname__', None) or getattr(func, '__name__', None) or repr(func)
    return name + '()' + suffix


def _format_callback_source(func, args):
    text = _format_callback(func, args)
    source = func
    while isinstance(source, _partial):
        source = source.func
    if type(source).__name__ == 'function':
        if _is_library_function(source):
            _refuse_library_source('the repr of a callback of asyncio')
        text += f' at {source.__code__.co_filename}:{source.__code__.co_firstlineno}'
    return text


def _format_callbacks(cb):
    size = len(cb)
    if size == 1:
        text = _format_callback_source(cb[0][0], ())
    elif size == 2:
        text = f'{_format_callback_source(cb[0][0], ())}, {_format_callback_source(cb[1][0], ())}'
    elif size > 2:
        text = f'{_format_callback_source(cb[0][0], ())}, <{size - 2} more>, {_format_callback_source(cb[-1][0], ())}'
    else:
        text = ''
    return f'cb=[{text}]'


def _format_coroutine(coro):
    name = getattr(coro, '__qualname__', None) or getattr(coro, '__name__', None) or f'<{type(coro).__name__} without __name__>'
    name += '()'
    code = getattr(coro, 'cr_code', None) or getattr(coro, 'gi_code', None)
    if not code:
        running = getattr(coro, 'cr_running', None)
        if running is None:
            running = getattr(coro, 'gi_running', False)
        return f'{name} running' if running else name
    if code.co_filename == _LIBRARY:
        _refuse_library_source('the repr of a task running a coroutine of asyncio')
    frame = getattr(coro, 'gi_frame', None) or getattr(coro, 'cr_frame', None)
    filename = code.co_filename or '<empty co_filename>'
    if frame is not None:
        return f'{name} running at {filename}:{frame.f_lineno}'
    return f'{name} done, defined at {filename}:{code.co_firstlineno}'


class _ShortRepr:
    # reprlib.Repr's defaults: what a future's repr shows of its result.
    def repr1(self, x, level):
        typename = type(x).__name__
        if typename == 'tuple':
            return self._iterable(x, level, '(', ')', 6, ',')
        if typename == 'list':
            return self._iterable(x, level, '[', ']', 6)
        if typename == 'set':
            return 'set()' if not x else self._iterable(self._sorted(x), level, '{', '}', 6)
        if typename == 'frozenset':
            return 'frozenset()' if not x else self._iterable(self._sorted(x), level, 'frozenset({', '})', 6)
        if typename == 'deque':
            return self._iterable(x, level, 'deque([', '])', 6)
        if typename == 'dict':
            return self._dict(x, level)
        if typename == 'str':
            return self._str(x)
        if typename == 'int':
            return self._cut(repr(x), 40)
        try:
            text = repr(x)
        except Exception:
            return '<%s instance at %#x>' % (x.__class__.__name__, id(x))
        return self._cut(text, 30)

    def _cut(self, text, limit):
        if len(text) > limit:
            i = max(0, (limit - 3) // 2)
            j = max(0, limit - 3 - i)
            text = text[:i] + '...' + text[len(text) - j:]
        return text

    def _sorted(self, x):
        try:
            return sorted(x)
        except Exception:
            return list(x)

    def _iterable(self, x, level, left, right, maxiter, trail=''):
        n = len(x)
        if level <= 0 and n:
            text = '...'
        else:
            pieces = []
            for i, item in enumerate(x):
                if i >= maxiter:
                    break
                pieces.append(self.repr1(item, level - 1))
            if n > maxiter:
                pieces.append('...')
            text = ', '.join(pieces)
            if n == 1 and trail:
                right = trail + right
        return left + text + right

    def _dict(self, x, level):
        n = len(x)
        if n == 0:
            return '{}'
        if level <= 0:
            return '{...}'
        pieces = []
        for i, key in enumerate(self._sorted(x)):
            if i >= 4:
                break
            pieces.append(self.repr1(key, level - 1) + ': ' + self.repr1(x[key], level - 1))
        if n > 4:
            pieces.append('...')
        return '{' + ', '.join(pieces) + '}'

    def _str(self, x):
        text = repr(x[:30])
        if len(text) > 30:
            i = max(0, (30 - 3) // 2)
            j = max(0, 30 - 3 - i)
            text = repr(x[:i] + x[len(x) - j:])
            text = text[:i] + '...' + text[len(text) - j:]
        return text


_short_repr = _ShortRepr()
_reprs_in_progress = []


def _recursive_repr_guard(obj, make):
    # reprlib.recursive_repr: a future whose repr reaches itself shows '...' there.
    for o in _reprs_in_progress:
        if o is obj:
            return '...'
    _reprs_in_progress.append(obj)
    try:
        return make(obj)
    finally:
        _reprs_in_progress.pop()


def _future_repr_info(future):
    info = [future._state.lower()]
    if future._state == _FINISHED:
        if future._exception is not None:
            info.append(f'exception={future._exception!r}')
        else:
            info.append(f'result={_short_repr.repr1(future._result, 6)}')
    if future._callbacks:
        info.append(_format_callbacks(future._callbacks))
    return info


def _future_repr(future):
    return _recursive_repr_guard(future, lambda f: f'<{f.__class__.__name__} {" ".join(_future_repr_info(f))}>')


def _task_repr_info(task):
    info = _future_repr_info(task)
    if task.cancelling() and not task.done():
        info[0] = 'cancelling'
    info.insert(1, 'name=%r' % task.get_name())
    if task._fut_waiter is not None:
        info.insert(2, f'wait_for={task._fut_waiter!r}')
    if task._coro:
        info.insert(2, f'coro=<{_format_coroutine(task._coro)}>')
    return info


def _task_repr(task):
    return _recursive_repr_guard(task, lambda t: f'<{t.__class__.__name__} {" ".join(_task_repr_info(t))}>')


def _heap_push(heap, item, key):
    # heapq.heappush: the new item sifts up from the end while it is smaller than its parent.
    heap.append(item)
    _heap_sift_down(heap, 0, len(heap) - 1, key)


def _heap_pop(heap, key):
    last = heap.pop()
    if not heap:
        return last
    smallest = heap[0]
    heap[0] = last
    _heap_sift_up(heap, 0, key)
    return smallest


def _heapify(heap, key):
    for i in reversed(range(len(heap) // 2)):
        _heap_sift_up(heap, i, key)


def _heap_sift_down(heap, start, pos, key):
    item = heap[pos]
    while pos > start:
        parent_pos = (pos - 1) >> 1
        parent = heap[parent_pos]
        if key(item) < key(parent):
            heap[pos] = parent
            pos = parent_pos
            continue
        break
    heap[pos] = item


def _heap_sift_up(heap, pos, key):
    # The hole left at pos goes down to a leaf along the smaller children, then the item sifts back up.
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not key(heap[child]) < key(heap[right]):
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _heap_sift_down(heap, start, pos, key)


def _itself(item):
    return item


def _timer_when(handle):
    return handle._when
`;
