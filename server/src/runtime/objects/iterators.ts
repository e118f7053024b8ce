// FnIterator: a built-in iterator whose next step is a closure (map, filter, zip, enumerate, reversed,
// iter(callable, sentinel), the itertools). Its type is named after the CPython type it stands for.
// The iterators of list, tuple, range, dict and str are in interp.ts, on the VM's hot path.

import { excTypes } from '../interp.js';
import { PyException, PyIterator, STOP, type Py } from '../values.js';

export class FnIterator extends PyIterator {
  /**
   * The StopIteration that a function this iterator called raised, which ended this step. CPython's
   * consumers (FOR_ITER, list(), PyIter_Next) take any StopIteration out of a C iterator's
   * tp_iternext as its exhaustion, so `map(next, its)` ends where one `next` raises; `next(it)` still
   * raises that very exception (with its value), as `yield from` returns its value.
   */
  stopException: PyException | null = null;
  constructor(private name: string, private fn: () => Py) {
    super();
  }
  get typeName(): string {
    return this.name;
  }
  next(): Py {
    this.stopException = null;
    try {
      return this.fn();
    } catch (e) {
      if (e instanceof PyException && e.cls.isSubtypeOf(excTypes.get('StopIteration')!)) {
        this.stopException = e;
        return STOP;
      }
      throw e;
    }
  }
  /** The StopIteration that ended the last step, if a called function raised it (cleared once taken). */
  takeStopException(): PyException | null {
    const e = this.stopException;
    this.stopException = null;
    return e;
  }
}
