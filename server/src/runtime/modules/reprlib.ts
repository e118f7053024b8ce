// reprlib: recursive_repr, as CPython 3.13's Lib/reprlib.py writes it, run by the VM (the runtime has one
// thread, whose get_ident() is a constant). Repr, repr and aRepr are left out (importing them is `unsupported`).

import { native } from '../args.js';
import type { VM } from '../interp.js';
import type { PyModule } from '../values.js';
import { pythonModule } from './support.js';

const REPRLIB_SOURCE = String.raw`__all__ = ["Repr", "repr", "recursive_repr"]


def recursive_repr(fillvalue='...'):
    'Decorator to make a repr function return fillvalue for a recursive call'

    def decorating_function(user_function):
        repr_running = set()

        def wrapper(self):
            key = id(self), get_ident()
            if key in repr_running:
                return fillvalue
            repr_running.add(key)
            try:
                result = user_function(self)
            finally:
                repr_running.discard(key)
            return result

        # Can't use functools.wraps() here because of bootstrap issues
        wrapper.__module__ = getattr(user_function, '__module__')
        wrapper.__doc__ = getattr(user_function, '__doc__')
        wrapper.__name__ = getattr(user_function, '__name__')
        wrapper.__qualname__ = getattr(user_function, '__qualname__')
        wrapper.__annotations__ = getattr(user_function, '__annotations__', {})
        wrapper.__type_params__ = getattr(user_function, '__type_params__', ())
        wrapper.__wrapped__ = user_function
        return wrapper

    return decorating_function
`;

export function reprlibModule(vm: VM): PyModule {
  return pythonModule(vm, 'reprlib', REPRLIB_SOURCE, [['get_ident', native('get_ident', () => 1)]]);
}
