// range: the constructor, subscripts (an index or a slice gives a range back), index() and count().

import { def, native, toInt } from '../args.js';
import { rangeType, UnsupportedSignal, type VM } from '../interp.js';
import { PyRange, PySlice, type Py } from '../values.js';
import { indexOf } from './sequence.js';
import { sliceIndices } from './slice.js';

export function rangeSubscript(vm: VM, o: PyRange, k: Py): Py {
  if (k instanceof PySlice) {
    const [start, stop, step] = sliceIndices(vm, k, o.length);
    return new PyRange(o.start + start * o.step, o.start + stop * o.step, o.step * step);
  }
  const i = indexOf(vm, k, o.length, 'range');
  if (i < 0 || i >= o.length) throw vm.error('IndexError', 'range object index out of range');
  return o.start + i * o.step;
}

export function installRangeType(vm: VM): void {
  rangeType.dict.set('__new__', native('__new__', (a, kw) => {
    if (kw !== null && kw.size > 0) throw vm.typeError('range() takes no keyword arguments');
    const args = a.slice(1);
    if (args.length === 0) throw vm.typeError('range expected at least 1 argument, got 0');
    if (args.length > 3) throw vm.typeError(`range expected at most 3 arguments, got ${args.length}`);
    const n = args.map((x) => toInt(vm, x));
    for (const x of n) if (!Number.isSafeInteger(x)) throw new UnsupportedSignal('range over huge ints', vm.currentLine());
    if (n.length === 1) return new PyRange(0, n[0]!, 1);
    const step = n[2] ?? 1;
    if (step === 0) throw vm.error('ValueError', 'range() arg 3 must not be zero');
    return new PyRange(n[0]!, n[1]!, step);
  }));
  def(rangeType, 'index', (a) => {
    const r = a[0] as PyRange;
    if (!vm.contains(r, a[1])) throw vm.error('ValueError', `${vm.repr(a[1])} is not in range`);
    return (a[1] - r.start) / r.step;
  });
  def(rangeType, 'count', (a) => (vm.contains(a[0], a[1]) ? 1 : 0));
}
