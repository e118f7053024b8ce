// copy: copy, deepcopy (with the memo, as CPython's) and replace, after CPython 3.13's Lib/copy.py, run by the VM;
// see the module docstring below for what stands in for the reduce protocol.

import { native } from '../args.js';
import { UnsupportedSignal, type VM } from '../interp.js';
import type { PyModule } from '../values.js';
import { pythonModule } from './support.js';

const COPY_SOURCE = String.raw`"""Generic (shallow and deep) copying operations, after CPython 3.13's Lib/copy.py.

The reduce protocol is not run: the types it would handle are copied as CPython's reductions rebuild them
(instances of classes through __new__ and their state, namedtuples through their fields, Counter, OrderedDict,
defaultdict and deque by their constructors); objects of other types are refused.
"""

from collections import Counter as _Counter, OrderedDict as _OrderedDict, defaultdict as _defaultdict, deque as _deque
import types as _types


class Error(Exception):
    pass


error = Error

__all__ = ["Error", "copy", "deepcopy", "replace"]


def _gen():
    yield


# (Those the runtime has as types: complex may not be one.)
_atomic = tuple(t for t in (type(None), int, float, bool, complex, str, type, range, slice, property,
                            _types.FunctionType, _types.BuiltinFunctionType) if isinstance(t, type))
_unpicklable = (_types.GeneratorType, _types.CoroutineType, _types.AsyncGeneratorType)


def _is_instance_of_class(x):
    cls = type(x)
    return getattr(cls, '__module__', 'builtins') != 'builtins' and hasattr(x, '__dict__') and not isinstance(x, (list, dict, set, tuple))


def _refuse_or_raise(x, what):
    if isinstance(x, _unpicklable):
        raise TypeError(f"cannot pickle '{type(x).__name__}' object")
    _refuse(f'{what} of a {type(x).__name__} object')


def _reconstruct(x, state, memo, deep):
    cls = type(x)
    y = cls.__new__(cls)
    if memo is not None:
        memo[id(x)] = y
    if deep:
        state = deepcopy(state, memo)
    if hasattr(y, '__setstate__'):
        y.__setstate__(state)
    else:
        for key, value in state.items():
            setattr(y, key, value)
    return y


def _reconstruct_subclass(x, memo, deep):
    # A class statement's subclass of list or dict, as copyreg's reduction rebuilds it: __new__, the instance's
    # __dict__ (if any), then y.append(item) for iter(x) or y[key] = value for iter(x.items()).
    cls = type(x)
    for c in cls.__mro__:
        if c is list or c is dict:
            break
        for name in ('__reduce_ex__', '__reduce__', '__getstate__', '__getnewargs__', '__getnewargs_ex__'):
            if name in c.__dict__:
                _refuse(f'copying a {cls.__name__} with its own {name}')
    y = cls.__new__(cls)
    if memo is not None:
        memo[id(x)] = y
    state = vars(x)
    if state:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            y.__dict__.update(state)
    if isinstance(x, list):
        for item in iter(x):
            if deep:
                item = deepcopy(item, memo)
            y.append(item)
    else:
        for key, value in iter(x.items()):
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if isinstance(x, _atomic) and not isinstance(x, (_Counter,)) or cls in (tuple, frozenset):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    if cls in (list, dict, set):
        return x.copy()
    if isinstance(x, tuple) and hasattr(cls, '_fields'):
        return cls._make(x)
    if isinstance(x, (_Counter, _OrderedDict)):
        return cls(x)
    if isinstance(x, _defaultdict):
        return cls(x.default_factory, x)
    if isinstance(x, _deque):
        return cls(x, x.maxlen)
    if isinstance(x, (list, dict)) and getattr(cls, '__module__', 'builtins') != 'builtins':
        return _reconstruct_subclass(x, None, False)
    if _is_instance_of_class(x):
        return _reconstruct(x, dict(vars(x)), None, False)
    _refuse_or_raise(x, 'copy.copy()')


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    cls = type(x)
    if isinstance(x, _atomic):
        # Before id(): atomic objects copy to themselves whatever the memo holds (and the runtime has no id() of ints).
        return x
    d = id(x)
    if memo is None:
        memo = {}
    else:
        y = memo.get(d, _nil)
        if y is not _nil:
            return y
    copier = getattr(cls, "__deepcopy__", None)
    if copier is not None:
        y = copier(x, memo)
    elif cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        y = [deepcopy(a, memo) for a in x]
        try:
            return memo[d]
        except KeyError:
            pass
        for k, j in zip(x, y):
            if k is not j:
                y = tuple(y)
                break
        else:
            y = x
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls in (set, frozenset):
        y = cls(deepcopy(list(x), memo))
    elif isinstance(x, tuple) and hasattr(cls, '_fields'):
        y = cls._make(deepcopy(tuple(x), memo))
    elif isinstance(x, (_Counter, _OrderedDict)):
        y = cls()
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif isinstance(x, _defaultdict):
        y = cls(x.default_factory)
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif isinstance(x, _deque):
        y = cls(maxlen=x.maxlen)
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif isinstance(x, (list, dict)) and getattr(cls, '__module__', 'builtins') != 'builtins':
        y = _reconstruct_subclass(x, memo, True)
    elif _is_instance_of_class(x):
        y = _reconstruct(x, dict(vars(x)), memo, True)
    else:
        _refuse_or_raise(x, 'copy.deepcopy()')
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def replace(obj, /, **changes):
    """Return a new object replacing specified fields with new values."""
    cls = obj.__class__
    func = getattr(cls, '__replace__', None)
    if func is None:
        if isinstance(obj, tuple) and hasattr(cls, '_fields'):
            return obj._replace(**changes)
        raise TypeError(f"replace() does not support {cls.__name__} objects")
    return func(obj, **changes)
`;

export function copyModule(vm: VM): PyModule {
  const refuse = native('_refuse', (a) => {
    throw new UnsupportedSignal(String(a[0]), vm.currentLine());
  });
  return pythonModule(vm, 'copy', COPY_SOURCE, [['_refuse', refuse]]);
}
