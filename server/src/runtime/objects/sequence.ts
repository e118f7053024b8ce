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
    throw vm.typeError(`${what} indices must be integers or slices, not ${typeOf(k).tpName}`);
  }
  const n = intOf(k);
  // Py_ssize_t: CPython cannot even try an index beyond 64 bits.
  if (typeof n === 'bigint' && (n >= 2n ** 63n || n < -(2n ** 63n))) throw vm.error('IndexError', "cannot fit 'int' into an index-sized integer");
  let i = Number(n);
  if (i < 0) i += len;
  return i;
}

/**
 * How many times `seq * n` repeats a sequence of `len` items, with CPython's errors for sizes it cannot even
 * try: a count beyond a C ssize_t (OverflowError), a str longer than ssize_t allows (OverflowError), a list or
 * tuple of more pointers than ssize_t bytes can hold (MemoryError); anything else past the run's memory cap is a limit.
 */
export function repeatCount(vm: VM, n: Py, len: number, kind: 'str' | 'items' = 'items'): number {
  const count = intOf(n);
  if (typeof count === 'bigint' && (count >= 2n ** 63n || count < -(2n ** 63n))) throw vm.error('OverflowError', "cannot fit 'int' into an index-sized integer");
  const k = Number(count);
  if (k <= 0 || len === 0) return k <= 0 ? 0 : k;
  const size = BigInt(len) * BigInt(count);
  if (kind === 'str' && size > 2n ** 63n - 1n) throw vm.error('OverflowError', 'repeated string is too long');
  if (kind === 'items' && size * 8n > 2n ** 63n - 1n) throw vm.error('MemoryError', '');
  vm.checkSize(k * len);
  return k;
}

/**
 * _PyEval_SliceIndexNotNone: a start or stop of `index()` as an int (or `__index__`), clamped to a C
 * ssize_t as CPython clamps it (so a huge one behaves as the end of the sequence).
 */
function sliceIndexNotNone(vm: VM, v: Py): number {
  let n: Py = v;
  if (!isIntLike(n) && n instanceof PyInstance) {
    const r = vm.callSpecial(n, '__index__', []);
    if (r !== undefined) n = r;
  }
  if (!isIntLike(n)) throw vm.typeError('slice indices must be integers or have an __index__ method');
  const big = intOf(n);
  if (typeof big === 'bigint') return big > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
  return big;
}

/**
 * list.index / tuple.index(value, start=0, stop=sys.maxsize): the first position in [start, stop) holding an
 * item that is `value` or equals it (item == value, identity first, as PyObject_RichCompareBool), else -1.
 */
export function sequenceIndex(vm: VM, items: readonly Py[], args: readonly Py[]): number {
  if (args.length < 1) throw vm.typeError(`index expected at least 1 argument, got ${args.length}`);
  if (args.length > 3) throw vm.typeError(`index expected at most 3 arguments, got ${args.length}`);
  const value = args[0];
  let start = args.length > 1 ? sliceIndexNotNone(vm, args[1]) : 0;
  let stop = args.length > 2 ? sliceIndexNotNone(vm, args[2]) : Number.MAX_SAFE_INTEGER;
  if (start < 0) start = Math.max(0, start + items.length);
  if (stop < 0) stop = Math.max(0, stop + items.length);
  // The length is read again each step: an __eq__ may shrink the list (list_index_impl's loop condition).
  for (let i = start; i < stop && i < items.length; i++) {
    const item = items[i];
    if (item === value || vm.eq(item, value)) return i;
  }
  return -1;
}
