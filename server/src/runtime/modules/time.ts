// time: sleep only. The runtime's clock is virtual and nothing in it depends on how long the program slept, so
// sleep() validates its argument and returns at once; the functions that read a clock (time, monotonic,
// perf_counter, localtime, ...) describe the host and stay `unsupported` (absent module attributes).

import { native } from '../args.js';
import { typeOf, type VM } from '../interp.js';
import { PyFloat, PyInstance, type PyModule } from '../values.js';
import { module } from './support.js';

export function timeModule(vm: VM): PyModule {
  return module('time', [
    ['sleep', native('sleep', (a, kw) => {
      if (kw !== null && kw.size > 0) throw vm.typeError('time.sleep() takes no keyword arguments');
      if (a.length !== 1) throw vm.typeError(`time.sleep() takes exactly one argument (${a.length} given)`);
      const v = a[0]!;
      let secs: number;
      if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') secs = Number(v);
      else if (v instanceof PyFloat) secs = v.v;
      else if (v instanceof PyInstance && vm.hasSpecial(v, '__float__')) secs = (vm.callSpecial(v, '__float__', []) as PyFloat).v;
      else throw vm.typeError(`'${typeOf(v).tpName}' object cannot be interpreted as an integer`);
      if (Number.isNaN(secs)) throw vm.error('ValueError', 'Invalid value NaN (not a number)');
      if (secs < 0) throw vm.error('ValueError', 'sleep length must be non-negative');
      return null;
    })],
  ]);
}
