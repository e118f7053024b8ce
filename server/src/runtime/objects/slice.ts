// slice: the constructor and CPython's PySlice_GetIndicesEx (clamping start/stop/step to a length), used
// by every sequence type's subscript, assignment and deletion.

import { native } from '../args.js';
import { isIntLike, sliceType, type VM } from '../interp.js';
import { PySlice, type Py } from '../values.js';
import { intOf } from './int.js';

export function sliceIndices(vm: VM, s: PySlice, len: number): [number, number, number] {
  const conv = (v: Py): number | null => {
    if (v === null) return null;
    if (!isIntLike(v)) throw vm.typeError('slice indices must be integers or None or have an __index__ method');
    return Number(intOf(v));
  };
  const step = conv(s.step) ?? 1;
  if (step === 0) throw vm.error('ValueError', 'slice step cannot be zero');
  let start = conv(s.start);
  let stop = conv(s.stop);
  if (step > 0) {
    start = start === null ? 0 : start < 0 ? Math.max(0, start + len) : Math.min(start, len);
    stop = stop === null ? len : stop < 0 ? Math.max(0, stop + len) : Math.min(stop, len);
  } else {
    start = start === null ? len - 1 : start < 0 ? Math.max(-1, start + len) : Math.min(start, len - 1);
    stop = stop === null ? -1 : stop < 0 ? Math.max(-1, stop + len) : Math.min(stop, len - 1);
  }
  return [start, stop, step];
}
export function sliceArray<T>(vm: VM, items: T[], s: PySlice): T[] {
  const [start, stop, step] = sliceIndices(vm, s, items.length);
  if (step === 1) return items.slice(start, Math.max(start, stop));
  const out: T[] = [];
  if (step > 0) for (let i = start; i < stop; i += step) out.push(items[i]!);
  else for (let i = start; i > stop; i += step) out.push(items[i]!);
  return out;
}


export function installSliceType(vm: VM): void {
  sliceType.dict.set('__new__', native('__new__', (a, kw) => {
    if (kw !== null && kw.size > 0) throw vm.typeError('slice() takes no keyword arguments');
    const args = a.slice(1);
    if (args.length === 1) return new PySlice(null, args[0], null);
    return new PySlice(args[0], args[1], args[2] ?? null);
  }));
}
