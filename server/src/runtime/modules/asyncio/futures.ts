// asyncio, Future and Task as CPython's C accelerator (_asyncio) has them: its messages ("Result is not set.",
// "invalid state"), its names (Task-N from one counter, the `Task.task_wakeup` done callback), the order of
// task_step's checks and of the callbacks it schedules, cancellation (cancel/uncancel/cancelling, the saved
// CancelledError), current_task and all_tasks. Awaiting a future iterates a native _asyncio.FutureIter.

export const FUTURES_SOURCE = String.raw`
def isfuture(obj):
    return hasattr(obj.__class__, '_asyncio_future_blocking') and obj._asyncio_future_blocking is not None


def iscoroutine(obj):
    if isinstance(obj, _CoroutineType):
        return True
    # collections.abc.Coroutine: anything with __await__, send, throw and close.
    t = type(obj)
    return all(getattr(t, name, None) is not None for name in ('__await__', 'send', 'throw', 'close'))


def iscoroutinefunction(func):
    return _inspect.iscoroutinefunction(func)


_unretrieved = _WeakSet()


class Future:
    """This class is *almost* compatible with concurrent.futures.Future."""
    __module__ = '_asyncio'
    _state = _PENDING
    _result = None
    _exception = None
    _loop = None
    _source_traceback = None
    _cancel_message = None
    _cancelled_exc = None
    _asyncio_future_blocking = False
    _log_tb = False

    def __init__(self, *, loop=None):
        if loop is None:
            loop = get_event_loop()
        self._loop = loop
        self._callback_list = []
        self._created_at = _here()

    def __repr__(self):
        return _future_repr(self)

    @property
    def _callbacks(self):
        return self._callback_list[:] if self._callback_list else None

    @property
    def _log_traceback(self):
        return self._log_tb

    @_log_traceback.setter
    def _log_traceback(self, val):
        if val:
            raise ValueError('_log_traceback can only be set to False')
        self._log_tb = False

    def get_loop(self):
        return self._loop

    def _make_cancelled_error(self):
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            return CancelledError()
        return CancelledError(self._cancel_message)

    def cancel(self, msg=None):
        self._log_tb = False
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        callbacks = self._callback_list
        if not callbacks:
            return
        self._callback_list = []
        for callback, ctx in callbacks:
            if ctx is None:
                self._loop.call_soon(callback, self)
            else:
                self._loop.call_soon(callback, self, context=ctx)

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def result(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError('Result is not set.')
        self._log_tb = False
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError('Exception is not set.')
        if self._exception is not None:
            self._log_tb = False
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        if self._state != _PENDING:
            if context is None:
                self._loop.call_soon(fn, self)
            else:
                self._loop.call_soon(fn, self, context=context)
        else:
            self._callback_list.append((fn, context))

    def remove_done_callback(self, fn):
        kept = [(f, ctx) for (f, ctx) in self._callback_list if not (f == fn)]
        removed = len(self._callback_list) - len(kept)
        if removed:
            self._callback_list = kept
        return removed

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError('invalid state')
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError('invalid state')
        if isinstance(exception, type) and issubclass(exception, BaseException):
            exception = exception()
            if self._state != _PENDING:
                raise InvalidStateError('invalid state')
        if not isinstance(exception, BaseException):
            raise TypeError('invalid exception object')
        if isinstance(exception, StopIteration):
            new_exc = RuntimeError("StopIteration interacts badly with generators and cannot be raised into a Future")
            new_exc.__cause__ = exception
            new_exc.__context__ = exception
            exception = new_exc
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()
        self._log_tb = True
        if len(_unretrieved) > 1000:
            _unretrieved.keep(_still_logged)
        _unretrieved.add(self)

    def __await__(self):
        return _FutureIter(self)

    __iter__ = __await__


def _get_loop(fut):
    try:
        get_loop = fut.get_loop
    except AttributeError:
        pass
    else:
        return get_loop()
    return fut._loop


def _set_result_unless_cancelled(fut, result):
    if fut.cancelled():
        return
    fut.set_result(result)


_task_name_counter = 0
_all_tasks = _WeakSet()
_current_tasks = {}


def _register_task(task):
    if len(_all_tasks) > 1000:
        _all_tasks.keep(_not_done)
    _all_tasks.add(task)


def _not_done(fut):
    return not fut.done()


def _still_logged(fut):
    return fut._log_tb


def _enter_task(loop, task):
    current = _current_tasks.get(loop)
    if current is not None:
        raise RuntimeError(f"Cannot enter into task {task!r} while another task {current!r} is being executed.")
    _current_tasks[loop] = task


def _leave_task(loop, task):
    current = _current_tasks.get(loop)
    if current is not task:
        raise RuntimeError(f"Leaving task {task!r} does not match the current task {current!r}.")
    del _current_tasks[loop]


def current_task(loop=None):
    if loop is None:
        loop = get_running_loop()
    return _current_tasks.get(loop)


def all_tasks(loop=None):
    if loop is None:
        loop = get_running_loop()
    tasks = {t for t in _all_tasks if _get_loop(t) is loop and not t.done()}
    return _unordered(tasks, 'the set asyncio.all_tasks() returns')


class Task(Future):
    """A coroutine wrapped in a Future."""
    __module__ = '_asyncio'
    _log_destroy_pending = True

    def __init__(self, coro, *, loop=None, name=None, context=None, eager_start=False):
        super().__init__(loop=loop)
        if not iscoroutine(coro):
            self._log_destroy_pending = False
            raise TypeError(f"a coroutine was expected, got {coro!r}")
        global _task_name_counter
        if name is None:
            _task_name_counter += 1
            self._name = f'Task-{_task_name_counter}'
        else:
            self._name = str(name)
        self._num_cancels_requested = 0
        self._must_cancel = False
        self._fut_waiter = None
        self._coro = coro
        self._context = context
        if eager_start:
            _unsupported('eager tasks (eager_start)')
        self._loop.call_soon(self._step, context=self._context)
        _register_task(self)

    def __repr__(self):
        return _task_repr(self)

    def get_coro(self):
        return self._coro

    def get_context(self):
        return self._context

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def set_result(self, result):
        raise RuntimeError('Task does not support set_result operation')

    def set_exception(self, exception):
        raise RuntimeError('Task does not support set_exception operation')

    def get_stack(self, *, limit=None):
        _unsupported('Task.get_stack()')

    def print_stack(self, *, limit=None, file=None):
        _unsupported('Task.print_stack()')

    def cancel(self, msg=None):
        self._log_tb = False
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
            if self._num_cancels_requested == 0:
                self._must_cancel = False
        return self._num_cancels_requested

    def _step(self, exc=None):
        _enter_task(self._loop, self)
        try:
            self._step_run(exc)
        finally:
            _leave_task(self._loop, self)

    def _error_soon(self, message):
        self._loop.call_soon(self._step, RuntimeError(message), context=self._context)

    def _step_run(self, exc):
        if self.done():
            raise InvalidStateError(f'_step(): already done: {self!r} {exc!r}')
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        self._fut_waiter = None
        coro = self._coro
        try:
            if exc is None:
                result = coro.send(None)
            else:
                result = coro.throw(exc)
        except StopIteration as stop:
            if self._must_cancel:
                # Task is cancelled right before coro stops.
                self._must_cancel = False
                Future.cancel(self, self._cancel_message)
            else:
                Future.set_result(self, stop.value)
            return
        except CancelledError as cancelled:
            self._cancelled_exc = cancelled
            Future.cancel(self)
            return
        except (KeyboardInterrupt, SystemExit) as error:
            Future.set_exception(self, error)
            raise
        except BaseException as error:
            Future.set_exception(self, error)
            return
        if result is self:
            self._error_soon(f'Task cannot await on itself: {self!r}')
            return
        blocking = getattr(result, '_asyncio_future_blocking', None)
        if blocking is not None:
            if _get_loop(result) is not self._loop:
                self._error_soon(f'Task {self!r} got Future {result!r} attached to a different loop')
            elif blocking:
                result._asyncio_future_blocking = False
                result.add_done_callback(self.task_wakeup, context=self._context)
                self._fut_waiter = result
                if self._must_cancel:
                    if self._fut_waiter.cancel(self._cancel_message):
                        self._must_cancel = False
            else:
                self._error_soon(f'yield was used instead of yield from in task {self!r} with {result!r}')
        elif result is None:
            # Bare yield relinquishes control for one event loop iteration.
            self._loop.call_soon(self._step, context=self._context)
        elif isinstance(result, _GeneratorType):
            self._error_soon(f'yield was used instead of yield from for generator in task {self!r} with {result!r}')
        else:
            self._error_soon(f'Task got bad yield: {result!r}')

    def task_wakeup(self, future):
        if isinstance(future, Future):
            # future_get_result: the outcome goes to the step as it is, an exception without raising it.
            if future._state == _CANCELLED:
                self._step(future._make_cancelled_error())
                return
            if future._state != _FINISHED:
                self._step(InvalidStateError('Result is not set.'))
                return
            future._log_tb = False
            self._step(future._exception)
            return
        try:
            future.result()
        except BaseException as exc:
            self._step(exc)
        else:
            self._step()


def _check_unretrieved():
    # What CPython logs on stderr when such a future is garbage-collected.
    for fut in _unretrieved:
        if fut._log_tb:
            kind = 'Task' if isinstance(fut, Task) else 'Future'
            return (f"asyncio logging '{kind} exception was never retrieved' to stderr", fut._created_at)
    for task in _all_tasks:
        if not task.done():
            return ("asyncio logging 'Task was destroyed but it is pending!' to stderr", task._created_at)
    return None


_at_exit(_check_unretrieved)
`;
