// operator: every function of CPython's _operator natively (the operators, their in-place forms, comparisons,
// sequence helpers, index, length_hint, call) with their dunder aliases, and itemgetter/attrgetter/methodcaller
// as the callable objects CPython has (reprs `operator.itemgetter(1)`, C's argument errors).

import { native, type Kw } from '../args.js';
import { NOT_IMPLEMENTED, objectType, typeOf, type VM } from '../interp.js';
import { PyInstance, PyObject, PyTuple, PyType, type Py, type PyModule } from '../values.js';
import { PyGenerator, UnsupportedSignal } from '../interp.js';
import { module } from './support.js';

const BINARY: [string, number][] = [
  ['add', 0], ['sub', 1], ['mul', 2], ['truediv', 3], ['floordiv', 4], ['mod', 5], ['pow', 6],
  ['lshift', 7], ['rshift', 8], ['and_', 9], ['or_', 10], ['xor', 11], ['matmul', 12],
];
const COMPARE: [string, number][] = [['lt', 0], ['le', 1], ['eq', 2], ['ne', 3], ['gt', 4], ['ge', 5]];

function argCount(vm: VM, name: string, a: Py[], kw: Kw, n: number): void {
  if (kw !== null && kw.size > 0) throw vm.typeError(`_operator.${name}() takes no keyword arguments`);
  if (a.length !== n) {
    if (n === 1) throw vm.typeError(`_operator.${name}() takes exactly one argument (${a.length} given)`);
    throw vm.typeError(`${name} expected ${n} arguments, got ${a.length}`);
  }
}

function mkType(name: string): PyType {
  const t = new PyType(name, [objectType]);
  t.builtin = true;
  t.module = 'operator';
  t.layout = 'native';
  return t;
}
const itemgetterType = mkType('itemgetter');
const attrgetterType = mkType('attrgetter');
const methodcallerType = mkType('methodcaller');

class ItemGetter extends PyObject {
  constructor(public items: Py[]) {
    super();
  }
  get pyType(): PyType {
    return itemgetterType;
  }
  pyRepr(vm: VM): string {
    return `operator.itemgetter(${this.items.map((x) => vm.repr(x)).join(', ')})`;
  }
}
class AttrGetter extends PyObject {
  constructor(public names: string[]) {
    super();
  }
  get pyType(): PyType {
    return attrgetterType;
  }
  pyRepr(vm: VM): string {
    return `operator.attrgetter(${this.names.map((x) => vm.repr(x)).join(', ')})`;
  }
}
class MethodCaller extends PyObject {
  constructor(public name: string, public args: Py[], public kw: Map<string, Py>) {
    super();
  }
  get pyType(): PyType {
    return methodcallerType;
  }
  pyRepr(vm: VM): string {
    const parts = [vm.repr(this.name), ...this.args.map((x) => vm.repr(x)), ...[...this.kw].map(([k, v]) => `${k}=${vm.repr(v)}`)];
    return `operator.methodcaller(${parts.join(', ')})`;
  }
}

function installCallables(vm: VM): void {
  const noKw = (name: string, kw: Kw): void => {
    if (kw !== null && kw.size > 0) throw vm.typeError(`${name}() takes no keyword arguments`);
  };
  itemgetterType.dict.set('__new__', native('__new__', (a, kw) => {
    noKw('itemgetter', kw);
    const items = a.slice(1);
    if (items.length === 0) throw vm.typeError('itemgetter expected 1 argument, got 0');
    return new ItemGetter(items);
  }));
  itemgetterType.dict.set('__call__', native('__call__', (a, kw) => {
    const g = a[0] as ItemGetter;
    noKw('itemgetter', kw);
    if (a.length !== 2) throw vm.typeError(`itemgetter expected 1 argument, got ${a.length - 1}`);
    const obj = a[1]!;
    if (g.items.length === 1) return vm.getItem(obj, g.items[0]!);
    return new PyTuple(g.items.map((k) => vm.getItem(obj, k)));
  }));
  attrgetterType.dict.set('__new__', native('__new__', (a, kw) => {
    noKw('attrgetter', kw);
    const names = a.slice(1);
    if (names.length === 0) throw vm.typeError('attrgetter expected 1 argument, got 0');
    for (const n of names) if (typeof n !== 'string') throw vm.typeError('attribute name must be a string');
    return new AttrGetter(names as string[]);
  }));
  attrgetterType.dict.set('__call__', native('__call__', (a, kw) => {
    const g = a[0] as AttrGetter;
    noKw('attrgetter', kw);
    if (a.length !== 2) throw vm.typeError(`attrgetter expected 1 argument, got ${a.length - 1}`);
    const get = (n: string): Py => n.split('.').reduce((o: Py, part) => vm.getAttr(o, part), a[1]!);
    return g.names.length === 1 ? get(g.names[0]!) : new PyTuple(g.names.map(get));
  }));
  methodcallerType.dict.set('__new__', native('__new__', (a, kw) => {
    if (a.length < 2) throw vm.typeError('methodcaller needs at least one argument, the method name');
    const name = a[1];
    if (typeof name !== 'string') throw vm.typeError('method name must be a string');
    return new MethodCaller(name, a.slice(2), new Map(kw ?? []));
  }));
  methodcallerType.dict.set('__call__', native('__call__', (a, kw) => {
    const m = a[0] as MethodCaller;
    noKw('methodcaller', kw);
    if (a.length !== 2) throw vm.typeError(`methodcaller expected 1 argument, got ${a.length - 1}`);
    return vm.call(vm.getAttr(a[1]!, m.name), m.args, m.kw.size > 0 ? new Map(m.kw) : null);
  }));
}

/** PyNumber_Index: an int as itself (bool as int), an object through __index__. */
function index(vm: VM, v: Py): Py {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyInstance) {
    const r = vm.callSpecial(v, '__index__', []);
    if (r !== undefined) {
      if (typeof r !== 'number' && typeof r !== 'bigint' && typeof r !== 'boolean')
        throw vm.typeError(`__index__ returned non-int (type ${typeOf(r).tpName})`);
      return typeof r === 'boolean' ? (r ? 1 : 0) : r;
    }
  }
  throw vm.typeError(`'${typeOf(v).tpName}' object cannot be interpreted as an integer`);
}

function isSequence(vm: VM, v: Py): boolean {
  return typeof v === 'string' || v instanceof PyTuple || vm.hasSpecial(v, '__getitem__');
}

export function operatorModule(vm: VM): PyModule {
  installCallables(vm);
  const entries: [string, Py][] = [];
  const fn = (name: string, n: number, body: (a: Py[]) => Py, dunder: string | null = name.replace(/_$/, '')): void => {
    const f = native(name, (a, kw) => {
      argCount(vm, name, a, kw, n);
      return body(a);
    });
    entries.push([name, f]);
    if (dunder !== null) entries.push([`__${dunder}__`, f]);
  };
  for (const [name, op] of BINARY) {
    fn(name, 2, (a) => vm.binaryOp(op, a[0]!, a[1]!, false));
    const iname = `i${name.replace(/_$/, '')}`;
    fn(iname, 2, (a) => vm.binaryOp(op, a[0]!, a[1]!, true));
  }
  for (const [name, op] of COMPARE) fn(name, 2, (a) => vm.compare(op, a[0]!, a[1]!));
  fn('not_', 1, (a) => !vm.truthy(a[0]!), 'not');
  fn('truth', 1, (a) => vm.truthy(a[0]!), null);
  fn('is_', 2, (a) => vm.compare(8, a[0]!, a[1]!), null);
  fn('is_not', 2, (a) => vm.compare(9, a[0]!, a[1]!), null);
  fn('neg', 1, (a) => vm.unary('-', a[0]!));
  fn('pos', 1, (a) => vm.unary('+', a[0]!));
  fn('inv', 1, (a) => vm.unary('~', a[0]!));
  fn('invert', 1, (a) => vm.unary('~', a[0]!));
  fn('abs', 1, (a) => vm.call(vm.builtins.get('abs')!, [a[0]!]));
  fn('index', 1, (a) => index(vm, a[0]!));
  const concat = (inplace: boolean) => (a: Py[]): Py => {
    if (!isSequence(vm, a[0]!)) throw vm.typeError(`'${typeOf(a[0]!).tpName}' object can't be concatenated`);
    return vm.binaryOp(0, a[0]!, a[1]!, inplace);
  };
  fn('concat', 2, concat(false));
  fn('iconcat', 2, concat(true));
  fn('contains', 2, (a) => vm.contains(a[0]!, a[1]!));
  fn('getitem', 2, (a) => vm.getItem(a[0]!, a[1]!));
  fn('setitem', 3, (a) => {
    vm.setItem(a[0]!, a[1]!, a[2]!);
    return null;
  });
  fn('delitem', 2, (a) => {
    vm.delItem(a[0]!, a[1]!);
    return null;
  });
  fn('countOf', 2, (a) => {
    let n = 0;
    for (const x of vm.iterate(a[0]!)) if (x === a[1] || vm.eq(x, a[1]!)) n++;
    return n;
  }, null);
  fn('indexOf', 2, (a) => {
    let i = 0;
    for (const x of vm.iterate(a[0]!)) {
      if (x === a[1] || vm.eq(x, a[1]!)) return i;
      i++;
    }
    throw vm.error('ValueError', 'sequence.index(x): x not in sequence');
  }, null);
  entries.push(['length_hint', native('length_hint', (a, kw) => {
    if (kw !== null && kw.size > 0) throw vm.typeError('length_hint() takes no keyword arguments');
    if (a.length < 1 || a.length > 2) throw vm.typeError(`length_hint expected at most 2 arguments, got ${a.length}`);
    const dflt = a[1] ?? 0;
    if (typeof dflt !== 'number' && typeof dflt !== 'bigint')
      throw vm.typeError(`'${typeOf(dflt).tpName}' object cannot be interpreted as an integer`);
    const o = a[0]!;
    try {
      return vm.call(vm.builtins.get('len')!, [o]);
    } catch (e) {
      if (!vm.excMatches(vm.toPyException(e), 'TypeError')) throw e;
    }
    if (!(o instanceof PyInstance)) {
      // Built-in iterators answer from their C state (list_iterator's remaining length, ...); generators have no hint.
      if (o instanceof PyGenerator) return dflt;
      throw new UnsupportedSignal(`operator.length_hint() of a ${typeOf(o).tpName}`, vm.currentLine());
    }
    const hint = vm.callSpecial(o, '__length_hint__', []);
    if (hint === undefined || hint === NOT_IMPLEMENTED) return dflt;
    if (typeof hint !== 'number' && typeof hint !== 'bigint') throw vm.typeError(`__length_hint__ must be an integer, not ${typeOf(hint).tpName}`);
    if (Number(hint) < 0) throw vm.error('ValueError', '__length_hint__() should return >= 0');
    return hint;
  })]);
  const call = native('call', (a, kw) => {
    if (a.length < 1) throw vm.typeError('call() missing 1 required positional argument');
    return vm.call(a[0]!, a.slice(1), kw);
  });
  entries.push(['call', call], ['__call__', call]);
  entries.push(['itemgetter', itemgetterType], ['attrgetter', attrgetterType], ['methodcaller', methodcallerType]);
  return module('operator', entries);
}
