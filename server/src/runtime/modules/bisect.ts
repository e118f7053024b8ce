// bisect: CPython's _bisect natively (bisect_left/right, insort_left/right, with lo, hi and key), the same
// comparisons in the same order (`x < a[mid]` for right, `a[mid] < x` for left) and the same messages.

import { native, toInt, type Kw } from '../args.js';
import { type VM } from '../interp.js';
import { type Py, type PyModule } from '../values.js';
import { module } from './support.js';

const LT = 0;
const PARAMS = ['a', 'x', 'lo', 'hi'];

interface BisectArgs {
  a: Py;
  x: Py;
  lo: number;
  hi: number;
  key: Py;
}

function parse(vm: VM, name: string, args: Py[], kw: Kw): BisectArgs {
  if (args.length > 4) throw vm.typeError(`${name}() takes at most 4 positional arguments (${args.length} given)`);
  const got: (Py | undefined)[] = [...args];
  let key: Py = null;
  for (const [k, v] of kw ?? []) {
    if (k === 'key') {
      key = v;
      continue;
    }
    const i = PARAMS.indexOf(k);
    if (i < 0) throw vm.typeError(`${name}() got an unexpected keyword argument '${k}'`);
    if (i < args.length) throw vm.typeError(`argument for ${name}() given by name ('${k}') and position (${i + 1})`);
    got[i] = v;
  }
  for (let i = 0; i < 2; i++) {
    if (got[i] === undefined) throw vm.typeError(`${name}() missing required argument '${PARAMS[i]}' (pos ${i + 1})`);
  }
  const lo = got[2] === undefined ? 0 : toInt(vm, got[2]);
  if (lo < 0) throw vm.error('ValueError', 'lo must be non-negative');
  const hiArg = got[3];
  const hi = hiArg === undefined || hiArg === null ? toInt(vm, vm.call(vm.builtins.get('len'), [got[0]!])) : toInt(vm, hiArg);
  return { a: got[0]!, x: got[1]!, lo, hi, key };
}

function search(vm: VM, b: BisectArgs, x: Py, right: boolean): number {
  let { lo, hi } = b;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    let item = vm.getItem(b.a, mid);
    if (b.key !== null) item = vm.call(b.key, [item]);
    const goLeft = right ? vm.truthy(vm.compare(LT, x, item)) : !vm.truthy(vm.compare(LT, item, x));
    if (goLeft) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function bisectModule(vm: VM): PyModule {
  const bisectFn = (name: string, right: boolean) => native(name, (a, kw) => {
    const b = parse(vm, name, a, kw);
    return search(vm, b, b.x, right);
  });
  const insortFn = (name: string, right: boolean) => native(name, (a, kw) => {
    const b = parse(vm, name, a, kw);
    const at = search(vm, b, b.key === null ? b.x : vm.call(b.key, [b.x]), right);
    vm.callMethod(b.a, 'insert', [at, b.x]);
    return null;
  });
  const bisectRight = bisectFn('bisect_right', true);
  const insortRight = insortFn('insort_right', true);
  return module('bisect', [
    ['bisect_right', bisectRight], ['bisect_left', bisectFn('bisect_left', false)], ['bisect', bisectRight],
    ['insort_right', insortRight], ['insort_left', insortFn('insort_left', false)], ['insort', insortRight],
  ]);
}
