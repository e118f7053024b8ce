// collections: deque (with maxlen, as generator windows use it) and defaultdict.

import { native } from '../args.js';
import { typeOf, type VM } from '../interp.js';
import { PyDict, PyList, PyObject, PyProperty, PyType, type Py, type PyModule } from '../values.js';
import { module } from './support.js';

/** collections.deque: a list with cheap ends and an optional maxlen, as generator windows use it. */
export class DequeObj extends PyObject {
  constructor(public items: Py[], public maxlen: number | null) {
    super();
  }
  get pyType(): PyType {
    return dequeType;
  }
  pyLen(): number {
    return this.items.length;
  }
  pyRepr(vm: VM): string {
    const body = '[' + this.items.map((x) => vm.repr(x)).join(', ') + ']';
    return this.maxlen === null ? `deque(${body})` : `deque(${body}, maxlen=${this.maxlen})`;
  }
  pyGetItem(vm: VM, k: Py): Py {
    if (typeof k !== 'number') throw vm.typeError(`sequence index must be integer, not '${typeOf(k).name}'`);
    const i = k < 0 ? k + this.items.length : k;
    if (i < 0 || i >= this.items.length) throw vm.error('IndexError', 'deque index out of range');
    return this.items[i];
  }
  trim(left: boolean): void {
    if (this.maxlen === null) return;
    while (this.items.length > this.maxlen) {
      if (left) this.items.pop();
      else this.items.shift();
    }
  }
}
const dequeType = new PyType('deque', []);
dequeType.builtin = true;
dequeType.layout = 'deque';
dequeType.module = 'collections';
const defaultdictType = new PyType('defaultdict', []);

/** collections.defaultdict: a dict whose missing keys are filled by calling default_factory. */
export class DefaultDict extends PyDict {
  factory: Py = null;
  get pyType(): PyType {
    return defaultdictType;
  }
  pyRepr(vm: VM): string {
    const parts: string[] = [];
    for (const [hk, val] of this.vals) parts.push(vm.repr(this.keys.get(hk)) + ': ' + vm.repr(val));
    return `defaultdict(${this.factory === null ? 'None' : vm.repr(this.factory)}, {${parts.join(', ')}})`;
  }
  /** defaultdict.__missing__: called by dict subscripts for an absent key. */
  pyMissing(vm: VM, k: Py): Py | undefined {
    if (this.factory === null) return undefined;
    const nv = vm.call(this.factory, []);
    vm.dictSet(this, k, nv);
    return nv;
  }
}

export function collectionsModule(vm: VM): PyModule {
  const d = (name: string, fn: (q: DequeObj, a: Py[]) => Py): void => {
    dequeType.dict.set(name, native(name, (a) => fn(a[0] as DequeObj, a.slice(1)), `deque.${name}`));
  };
  dequeType.dict.set('__new__', native('__new__', (a, kw) => {
    const src = a.length > 1 ? a[1] : kw?.get('iterable') ?? null;
    const ml = a.length > 2 ? a[2] : kw?.get('maxlen') ?? null;
    if (ml !== null && (typeof ml !== 'number' || ml < 0)) throw vm.error('ValueError', 'maxlen must be non-negative');
    const q = new DequeObj(src === null ? [] : vm.toArray(src), ml);
    q.trim(false);
    return q;
  }));
  d('append', (q, a) => {
    q.items.push(a[0]);
    q.trim(false);
    return null;
  });
  d('appendleft', (q, a) => {
    q.items.unshift(a[0]);
    q.trim(true);
    return null;
  });
  d('pop', (q) => {
    if (q.items.length === 0) throw vm.error('IndexError', 'pop from an empty deque');
    return q.items.pop();
  });
  d('popleft', (q) => {
    if (q.items.length === 0) throw vm.error('IndexError', 'pop from an empty deque');
    return q.items.shift();
  });
  d('extend', (q, a) => {
    for (const x of vm.toArray(a[0])) {
      q.items.push(x);
      q.trim(false);
    }
    return null;
  });
  d('extendleft', (q, a) => {
    for (const x of vm.toArray(a[0])) {
      q.items.unshift(x);
      q.trim(true);
    }
    return null;
  });
  d('clear', (q) => {
    q.items.length = 0;
    return null;
  });
  d('rotate', (q, a) => {
    const n = q.items.length;
    if (n === 0) return null;
    let k = a.length > 0 ? Number(a[0]) : 1;
    k = ((k % n) + n) % n;
    q.items = q.items.slice(n - k).concat(q.items.slice(0, n - k));
    return null;
  });
  d('count', (q, a) => q.items.filter((x) => vm.eq(x, a[0])).length);
  d('__len__', (q) => q.items.length);
  d('__iter__', (q) => vm.getIter(new PyList(q.items.slice())));
  d('__contains__', (q, a) => q.items.some((x) => vm.eq(x, a[0])));
  d('__getitem__', (q, a) => q.pyGetItem(vm, a[0]));
  dequeType.dict.set('maxlen', new PyProperty(native('maxlen', (a) => (a[0] as DequeObj).maxlen), null, null));

  defaultdictType.bases = [vm.builtins.get('dict') as PyType];
  defaultdictType.computeMro();
  defaultdictType.builtin = true;
  defaultdictType.module = 'collections';
  defaultdictType.dict.set('__new__', native('__new__', (a, kw) => {
    const dd = new DefaultDict();
    dd.factory = a.length > 1 ? a[1] : null;
    if (dd.factory !== null && !vm.truthy(vm.call(vm.builtins.get('callable'), [dd.factory])))
      throw vm.typeError('first argument must be callable or None');
    if (a.length > 2) vm.call(vm.getAttr(dd, 'update'), [a[2]]);
    if (kw !== null) for (const [k, v] of kw) vm.dictSet(dd, k, v);
    return dd;
  }));
  // A writable member in CPython (map_reduce sets it to None once the dict is built).
  defaultdictType.dict.set('default_factory', new PyProperty(
    native('default_factory', (a) => (a[0] as DefaultDict).factory),
    native('default_factory', (a) => {
      (a[0] as DefaultDict).factory = a[1];
      return null;
    }),
    null,
  ));
  return module('collections', [['deque', dequeType], ['defaultdict', defaultdictType]]);
}
