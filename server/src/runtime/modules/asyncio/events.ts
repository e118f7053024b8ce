// asyncio, the event loop (events.py and base_events.py): Handle and TimerHandle, the loop's ready queue
// (call_soon is FIFO; each iteration runs the callbacks that were ready when it began) and its timer heap,
// run_forever/run_until_complete, the async generator hooks and shutdown_asyncgens, the exception handler,
// and the running-loop functions. Time is virtual: waiting for the next timer moves the clock to it at once,
// and every reading of the clock advances it by a tick far below the clock's resolution, as CPython's
// monotonic clock never reads the same twice, so timers scheduled one after the other keep their order.

export const EVENTS_SOURCE = String.raw`
class Handle:
    """Object returned by callback registration methods."""
    __module__ = 'asyncio.events'

    def __init__(self, callback, args, loop, context=None):
        self._context = context
        self._loop = loop
        self._callback = callback
        self._args = args
        self._cancelled = False
        self._repr = None
        self._source_traceback = None

    def _repr_info(self):
        info = [self.__class__.__name__]
        if self._cancelled:
            info.append('cancelled')
        if self._callback is not None:
            info.append(_format_callback_source(self._callback, self._args))
        return info

    def __repr__(self):
        if self._repr is not None:
            return self._repr
        return '<{}>'.format(' '.join(self._repr_info()))

    def get_context(self):
        return self._context

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            cb = _format_callback_source(self._callback, self._args)
            self._loop.call_exception_handler({
                'message': f'Exception in callback {cb}',
                'exception': exc,
                'handle': self,
            })


class TimerHandle(Handle):
    """Object returned by timed callback registration methods."""
    __module__ = 'asyncio.events'

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(callback, args, loop, context)
        self._when = when
        self._scheduled = False

    def _repr_info(self):
        info = super()._repr_info()
        pos = 2 if self._cancelled else 1
        info.insert(pos, f'when={self._when}')
        return info

    def __hash__(self):
        return hash(self._when)

    def __lt__(self, other):
        if isinstance(other, TimerHandle):
            return self._when < other._when
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, TimerHandle):
            return self._when < other._when or self.__eq__(other)
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, TimerHandle):
            return self._when > other._when
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, TimerHandle):
            return self._when > other._when or self.__eq__(other)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, TimerHandle):
            return (self._when == other._when and self._callback == other._callback and
                    self._args == other._args and self._cancelled == other._cancelled)
        return NotImplemented

    def cancel(self):
        if not self._cancelled:
            self._loop._timer_handle_cancelled(self)
        super().cancel()

    def when(self):
        return self._when


class AbstractEventLoop:
    """Abstract event loop."""
    __module__ = 'asyncio.events'


# The virtual clock and what it cannot know about CPython's real one. Every reading of the clock advances it
# by a tick far below its resolution (the monotonic clock never reads the same twice), and every iteration of
# the loop by ten microseconds (a fast iteration's real duration), so timers keep the order they were set in.
# On the real clock, every wait for a timer also ends late, by up to a couple of milliseconds (the selector
# counts whole milliseconds, then the process has to be scheduled), and a timer is due relative to when it was
# set: each timer carries the lateness of the waits that led to the code setting it. The loop keeps those waits
# as a tree of _Lateness nodes. Timers set after the same waits and due within a tenth of a millisecond of each
# other come due together (the real wait all but always ends after both); wherever the order or the grouping of
# timers depends on how late a wait ended, the run is refused rather than one of CPython's outcomes guessed.
_TICK = 2.0 ** -40
_ITERATION_TIME = 1e-05
_BATCH = 1e-04
_LATENESS = 2e-03


class _Lateness:
    def __init__(self, parent):
        self.parent = parent
        self.depth = 0 if parent is None else parent.depth + 1


def _lateness_beyond(node, other):
    # How many waits are behind node and not behind other: the depth of node below their common ancestor.
    a = node
    b = other
    while a.depth > b.depth:
        a = a.parent
    while b.depth > a.depth:
        b = b.parent
    while a is not b:
        a = a.parent
        b = b.parent
    return node.depth - a.depth


def _check_wake(scheduled, first):
    # Waiting for the first timer: every other one close enough to it must come due before, with or after it
    # whatever the real waits' lateness was.
    for handle in scheduled:
        if handle is first or handle._cancelled:
            continue
        gap = handle._when - first._when
        if gap >= (first._lateness.depth + handle._lateness.depth + 1) * _LATENESS:
            continue
        ahead = _lateness_beyond(first._lateness, handle._lateness)
        behind = _lateness_beyond(handle._lateness, first._lateness)
        if (ahead > 0 and gap < ahead * _LATENESS) or (gap < _BATCH and behind > 0) or (_BATCH <= gap < (behind + 1) * _LATENESS):
            _unsupported('timers whose order on CPython depends on how late its earlier waits ended (due within milliseconds of each other)')


_CLOCK_RESOLUTION = 1e-09
_MIN_SCHEDULED_TIMER_HANDLES = 100
_MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            return
    fut.get_loop().stop()


class _UnixSelectorEventLoop(AbstractEventLoop):
    __module__ = 'asyncio.unix_events'

    def __init__(self):
        self._timer_cancelled_count = 0
        self._closed = False
        self._stopping = False
        self._ready = []
        self._scheduled = []
        self._running = False
        self._clock = 0.0
        # The waits behind the code now running (see _Lateness).
        self._lateness = _Lateness(None)
        self._exception_handler = None
        self._debug = False
        self._old_agen_hooks = None
        self._current_handle = None
        self._task_factory = None
        self._asyncgens = _WeakSet()
        self._asyncgens_shutdown_called = False
        self._executor_shutdown_called = False
        self.slow_callback_duration = 0.1

    def __repr__(self):
        return (f'<{self.__class__.__name__} running={self.is_running()} '
                f'closed={self.is_closed()} debug={self.get_debug()}>')

    def create_future(self):
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        if self._task_factory is None:
            return Task(coro, loop=self, name=name, context=context)
        if context is None:
            task = self._task_factory(self, coro)
        else:
            task = self._task_factory(self, coro, context=context)
        task.set_name(name)
        return task

    def set_task_factory(self, factory):
        if factory is not None and not callable(factory):
            raise TypeError('task factory must be a callable or None')
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def _asyncgen_finalizer_hook(self, agen):
        self._asyncgens.discard(agen)
        if not self.is_closed():
            self.call_soon_threadsafe(self.create_task, agen.aclose())

    def _asyncgen_firstiter_hook(self, agen):
        if self._asyncgens_shutdown_called:
            _unsupported('an async generator first iterated after shutdown_asyncgens() (CPython warns: ResourceWarning)')
        self._asyncgens.add(agen)

    async def shutdown_asyncgens(self):
        """Shutdown all active asynchronous generators."""
        self._asyncgens_shutdown_called = True
        if not len(self._asyncgens):
            return
        closing_agens = list(self._asyncgens)
        self._asyncgens.clear()
        # CPython keeps them in a WeakSet: they are closed in an order that follows their addresses.
        if sum(1 for ag in closing_agens if _agen_runs_code_when_closed(ag)) > 1:
            _unsupported('closing several suspended async generators at shutdown_asyncgens() (CPython closes them in the order of their addresses)')
        results = await gather(*[ag.aclose() for ag in closing_agens], return_exceptions=True)
        for result, agen in zip(results, closing_agens):
            if isinstance(result, Exception):
                self.call_exception_handler({
                    'message': f'an error occurred during closing of asynchronous generator {agen!r}',
                    'exception': result,
                    'asyncgen': agen,
                })

    async def shutdown_default_executor(self, timeout=None):
        """Schedule the shutdown of the default executor."""
        self._executor_shutdown_called = True

    def _check_running(self):
        if self.is_running():
            raise RuntimeError('This event loop is already running')
        if _get_running_loop() is not None:
            raise RuntimeError('Cannot run the event loop while another loop is running')

    def run_forever(self):
        """Run until stop() is called."""
        self._check_closed()
        self._check_running()
        self._old_agen_hooks = _get_asyncgen_hooks()
        self._running = True
        _set_asyncgen_hooks(self._asyncgen_firstiter_hook, self._asyncgen_finalizer_hook)
        _set_running_loop(self)
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._running = False
            _set_running_loop(None)
            if self._old_agen_hooks is not None:
                _set_asyncgen_hooks(*self._old_agen_hooks)
                self._old_agen_hooks = None

    def run_until_complete(self, future):
        """Run until the Future is done."""
        self._check_closed()
        self._check_running()
        new_task = not isfuture(future)
        future = ensure_future(future, loop=self)
        if new_task:
            future._log_destroy_pending = False
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def stop(self):
        self._stopping = True

    def close(self):
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        self._closed = True
        self._ready.clear()
        self._scheduled.clear()
        self._executor_shutdown_called = True

    def is_closed(self):
        return self._closed

    def is_running(self):
        return self._running

    def time(self):
        self._clock += _TICK
        return self._clock

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError('delay must not be None')
        return self.call_at(self.time() + delay, callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_callback(callback, 'call_at')
        timer = TimerHandle(when, callback, args, self, context)
        # Due by the next iteration: CPython runs it then, however fast it is.
        timer._due_at_once = when <= self._clock + _ITERATION_TIME
        timer._lateness = self._lateness
        _heap_push(self._scheduled, timer, _timer_when)
        timer._scheduled = True
        return timer

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        if self._debug:
            self._check_callback(callback, 'call_soon')
        return self._call_soon(callback, args, context)

    def _check_callback(self, callback, method):
        if iscoroutine(callback) or iscoroutinefunction(callback):
            raise TypeError(f"coroutines cannot be used with {method}()")
        if not callable(callback):
            raise TypeError(f'a callable object was expected by {method}(), got {callback!r}')

    def _call_soon(self, callback, args, context):
        handle = Handle(callback, args, self, context)
        self._ready.append(handle)
        return handle

    def call_soon_threadsafe(self, callback, *args, context=None):
        self._check_closed()
        return self._call_soon(callback, args, context)

    def run_in_executor(self, executor, func, *args):
        _unsupported('loop.run_in_executor() (threads)')

    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError(f'A callable object or None is expected, got {handler!r}')
        self._exception_handler = handler

    def default_exception_handler(self, context):
        message = context.get('message') or 'Unhandled exception in event loop'
        _unsupported(f"asyncio logging {message!r} to stderr")

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            self.default_exception_handler(context)
            return
        try:
            self._exception_handler(self, context)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self.default_exception_handler({
                'message': 'Unhandled error in exception handler',
                'exception': exc,
                'context': context,
            })

    def _timer_handle_cancelled(self, handle):
        if handle._scheduled:
            self._timer_cancelled_count += 1

    def _run_once(self):
        self._clock += _ITERATION_TIME
        sched_count = len(self._scheduled)
        if (sched_count > _MIN_SCHEDULED_TIMER_HANDLES and
                self._timer_cancelled_count / sched_count > _MIN_CANCELLED_TIMER_HANDLES_FRACTION):
            new_scheduled = []
            for handle in self._scheduled:
                if handle._cancelled:
                    handle._scheduled = False
                else:
                    new_scheduled.append(handle)
            _heapify(new_scheduled, _timer_when)
            self._scheduled = new_scheduled
            self._timer_cancelled_count = 0
        else:
            while self._scheduled and self._scheduled[0]._cancelled:
                self._timer_cancelled_count -= 1
                handle = _heap_pop(self._scheduled, _timer_when)
                handle._scheduled = False

        # select(timeout): with nothing ready, waiting for the next timer is moving the clock to it.
        waited = False
        if not self._ready and not self._stopping:
            if not self._scheduled:
                _wait_forever()
            first = self._scheduled[0]
            if first._when > self._clock:
                _check_wake(self._scheduled, first)
                self._clock = first._when
                self._lateness = _Lateness(first._lateness)
                waited = True
        elif self._scheduled:
            # Busy: on the real clock, running late by the waits behind this code, the next timer may be due.
            first = self._scheduled[0]
            if first._when - self._clock < _lateness_beyond(self._lateness, first._lateness) * _LATENESS:
                _unsupported('a timer that may already be due on CPython while other callbacks are ready (it depends on how late its earlier waits ended)')

        end_time = self.time() + (_BATCH if waited else _CLOCK_RESOLUTION)
        while self._scheduled:
            handle = self._scheduled[0]
            if handle._when >= end_time:
                break
            if not waited and not handle._cancelled and not handle._due_at_once:
                # Reached by the loop's own iterations: on CPython, after as many as its real speed allows.
                _unsupported('a timer coming due while the event loop is busy (CPython runs it after as many iterations as its real speed allows)')
            handle = _heap_pop(self._scheduled, _timer_when)
            handle._scheduled = False
            self._ready.append(handle)

        # Only the callbacks ready now: those they schedule run in the next iteration.
        ntodo = len(self._ready)
        for i in range(ntodo):
            handle = self._ready.pop(0)
            if handle._cancelled:
                continue
            handle._run()
        handle = None

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        if enabled:
            _unsupported('asyncio debug mode')
        self._debug = False


_running_loop = None
_event_loop = None
_event_loop_set = False


def _get_running_loop():
    return _running_loop


def _set_running_loop(loop):
    global _running_loop
    _running_loop = loop


def get_running_loop():
    loop = _running_loop
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop


def get_event_loop():
    if _running_loop is not None:
        return _running_loop
    if _event_loop is None and not _event_loop_set:
        _unsupported('asyncio.get_event_loop() with no event loop set (CPython warns: DeprecationWarning on stderr)')
    if _event_loop is None:
        raise RuntimeError("There is no current event loop in thread 'MainThread'.")
    return _event_loop


def set_event_loop(loop):
    global _event_loop, _event_loop_set
    _event_loop_set = True
    if loop is not None and not isinstance(loop, AbstractEventLoop):
        raise TypeError(f"loop must be an instance of AbstractEventLoop or None, not '{type(loop).__name__}'")
    _event_loop = loop


def new_event_loop():
    return _UnixSelectorEventLoop()
`;
