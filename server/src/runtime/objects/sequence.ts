// What the sequence types (str, list, tuple, range) share: turning a subscript into a position, with
// `__index__` and negative indexes, and the size check of repetition (`seq * n`).

import { isIntLike, typeOf, type VM } from '../interp.js';
import { PyInstance, type Py } from '../values.js';
import { intOf } from './int.js';

export function indexOf(vm: VM, k: Py, len: number, what: string): number {
  if (!isIntLike(k)) {
    if (k instanceof PyInstance) {
      const r = vm.callSpecial(k, '__index__', []);
      if (r !== undefined) return indexOf(vm, r, len, what);
    }
    throw vm.typeError(`${what} indices must be integers or slices, not ${typeOf(k).name}`);
  }
  const n = intOf(k);
  // Py_ssize_t: CPython cannot even try an index beyond 64 bits.
  if (typeof n === 'bigint' && (n >= 2n ** 63n || n < -(2n ** 63n))) throw vm.error('IndexError', "cannot fit 'int' into an index-sized integer");
  let i = Number(n);
  if (i < 0) i += len;
  return i;
}

export function repeatCount(vm: VM, n: Py, len: number): number {
  const k = Number(intOf(n));
  if (k <= 0) return 0;
  vm.checkSize(k * len);
  return k;
}
