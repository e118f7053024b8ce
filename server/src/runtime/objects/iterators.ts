// FnIterator: a built-in iterator whose next step is a closure (map, filter, zip, enumerate, reversed,
// iter(callable, sentinel), the itertools). Its type is named after the CPython type it stands for.
// The iterators of list, tuple, range, dict and str are in interp.ts, on the VM's hot path.

import { PyIterator, type Py } from '../values.js';

export class FnIterator extends PyIterator {
  constructor(private name: string, private fn: () => Py) {
    super();
  }
  get typeName(): string {
    return this.name;
  }
  next(): Py {
    return this.fn();
  }
}
