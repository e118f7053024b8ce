// collections' dict and tuple types with native instances: Counter and OrderedDict (dicts underneath, their
// methods and operators CPython's Python code, see COLLECTIONS_SOURCE in collections.ts) and the classes namedtuple()
// makes (tuples underneath, with CPython's argument errors and reprs). Their types set pyDunders so that the VM
// dispatches ==, <, +, |, -x ... to the Python methods.

import { native, type Kw } from '../args.js';
import { PyFunction, typeOf, type VM } from '../interp.js';
import { PyDict, PyProperty, PyTuple, PyType, type Py } from '../values.js';
import { DictView } from '../objects/dict.js';

function dictBackedType(vm: VM, name: string): PyType {
  const t = new PyType(name, [vm.builtins.get('dict') as PyType]);
  t.computeMro();
  t.builtin = true;
  t.module = 'collections';
  t.pyDunders = true;
  return t;
}

/** Calls the type's Python __repr__ (so that a subclass's own __repr__ wins as well). */
function pythonRepr(vm: VM, o: Py): string | undefined {
  const r = typeOf(o).lookup('__repr__');
  if (r instanceof PyFunction) return vm.str(vm.call(r, [o]));
  return undefined;
}

export class CounterDict extends PyDict {
  pyIgnoreMissingDelete = true;
  constructor(public cls: PyType) {
    super();
  }
  get pyType(): PyType {
    return this.cls;
  }
  pyMissing(): Py {
    return 0;
  }
  pyRepr(vm: VM): string {
    return pythonRepr(vm, this) ?? 'Counter()';
  }
}

export class OrderedDictObj extends PyDict {
  constructor(public cls: PyType) {
    super();
  }
  get pyType(): PyType {
    return this.cls;
  }
  pyRepr(vm: VM): string {
    return pythonRepr(vm, this) ?? 'OrderedDict()';
  }
}

const ODICT_VIEW_NAMES = ['odict_keys', 'odict_values', 'odict_items'] as const;
const odictViewTypes: PyType[] = [];

/** OrderedDict's keys(), values() and items(): dict views that name themselves odict_*. */
class OdictView extends DictView {
  override get pyType(): PyType {
    return odictViewTypes[this.mode]!;
  }
  override pyRepr(vm: VM): string {
    const items = vm.toArray(this);
    return `${ODICT_VIEW_NAMES[this.mode]}([${items.map((x) => vm.repr(x)).join(', ')}])`;
  }
}

/** An instance of a class made by namedtuple(): a tuple whose type names its fields. */
export class NamedTupleObj extends PyTuple {
  constructor(public cls: PyType, items: Py[]) {
    super(items);
  }
  get pyType(): PyType {
    return this.cls;
  }
  pyRepr(vm: VM): string {
    const own = pythonRepr(vm, this);
    if (own !== undefined) return own;
    const fields = (this.cls.lookup('_fields') as PyTuple).items as string[];
    return `${this.cls.name}(${fields.map((f, i) => `${f}=${vm.repr(this.items[i]!)}`).join(', ')})`;
  }
}

/** Runs the class's Python __init__ on a new native instance (the VM returns what a native __new__ makes as is). */
function initialize(vm: VM, t: PyType, obj: Py, args: Py[], kw: Kw): Py {
  const init = t.lookup('__init__');
  if (init instanceof PyFunction) vm.call(init, [obj, ...args], kw);
  return obj;
}

export function counterType(vm: VM): PyType {
  const t = dictBackedType(vm, 'Counter');
  t.dict.set('__new__', native('__new__', (a, kw) => initialize(vm, a[0] as PyType, new CounterDict(a[0] as PyType), a.slice(1), kw)));
  return t;
}

export function orderedDictType(vm: VM): PyType {
  const t = dictBackedType(vm, 'OrderedDict');
  t.dict.set('__new__', native('__new__', (a, kw) => initialize(vm, a[0] as PyType, new OrderedDictObj(a[0] as PyType), a.slice(1), kw)));
  const sample = new DictView(vm, new PyDict(), 0);
  for (let mode = 0; mode < 3; mode++) {
    const base = typeOf(new DictView(vm, sample.d, mode as 0 | 1 | 2));
    const vt = new PyType(ODICT_VIEW_NAMES[mode]!, [base]);
    vt.computeMro();
    vt.builtin = true;
    vt.layout = 'view';
    odictViewTypes[mode] = vt;
    const name = ['keys', 'values', 'items'][mode]!;
    t.dict.set(name, native(name, (a) => new OdictView(vm, a[0] as PyDict, mode as 0 | 1 | 2), `OrderedDict.${name}`));
  }
  return t;
}

function ordinal(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0]!;
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return `${q.slice(0, -1).join(', ')}, and ${q[q.length - 1]}`;
}

/** Binds Point(x, y=...) arguments as the generated __new__(_cls, x, y) would, with its messages. */
function bindFields(vm: VM, t: PyType, fields: string[], defaults: Map<string, Py>, args: Py[], kw: Kw): Py[] {
  const fname = `${t.name}.__new__()`;
  const n = fields.length;
  const required = n - defaults.size;
  if (args.length > n) {
    const given = args.length + 1;
    if (defaults.size === 0) throw vm.typeError(`${fname} takes ${n + 1} positional argument${n + 1 === 1 ? '' : 's'} but ${given} were given`);
    throw vm.typeError(`${fname} takes from ${required + 1} to ${n + 1} positional arguments but ${given} were given`);
  }
  const values: (Py | undefined)[] = [...args];
  for (const [k, v] of kw ?? []) {
    const i = fields.indexOf(k);
    if (i < 0) throw vm.typeError(`${fname} got an unexpected keyword argument '${k}'`);
    if (i < args.length) throw vm.typeError(`${fname} got multiple values for argument '${k}'`);
    values[i] = v;
  }
  const missing: string[] = [];
  for (let i = 0; i < n; i++) {
    if (values[i] !== undefined) continue;
    const d = defaults.get(fields[i]!);
    if (d !== undefined) values[i] = d;
    else missing.push(fields[i]!);
  }
  if (missing.length > 0)
    throw vm.typeError(`${fname} missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${ordinal(missing)}`);
  return values as Py[];
}

/** The class namedtuple() returns, once its names are validated (in Python, as collections/__init__.py does). */
export function namedTupleClass(vm: VM, typename: string, fields: string[], defaults: Map<string, Py>, moduleName: string): PyType {
  const t = new PyType(typename, [vm.builtins.get('tuple') as PyType]);
  t.computeMro();
  t.layout = 'namedtuple';
  t.module = moduleName;
  t.pyDunders = true;
  t.dict.set('__new__', native('__new__', (a, kw) => {
    const cls = a[0] as PyType;
    return new NamedTupleObj(cls, bindFields(vm, t, fields, defaults, a.slice(1), kw));
  }, `${typename}.__new__`));
  t.dict.set('__slots__', new PyTuple([]));
  t.dict.set('_fields', new PyTuple(fields));
  const fd = new PyDict();
  for (const [k, v] of defaults) vm.dictSet(fd, k, v);
  t.dict.set('_field_defaults', fd);
  t.dict.set('__match_args__', new PyTuple(fields));
  t.dict.set('__doc__', `${typename}(${fields.join(', ')})`);
  fields.forEach((f, i) => {
    t.dict.set(f, new PyProperty(native(f, (a) => {
      const self = a[0];
      if (!(self instanceof PyTuple)) throw vm.typeError(`descriptor for index '${i}' for tuple subclasses doesn't apply to '${typeOf(self).tpName}' object`);
      if (i >= self.items.length) throw vm.error('IndexError', 'tuple index out of range');
      return self.items[i]!;
    }), null, null));
  });
  return t;
}

/** A NamedTupleObj of class `cls` over exactly these items (the _make path). */
export function namedTupleOf(cls: PyType, items: Py[]): NamedTupleObj {
  return new NamedTupleObj(cls, items);
}
