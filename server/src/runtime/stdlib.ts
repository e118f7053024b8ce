// The importable modules: itertools, inspect, io, collections (deque, defaultdict), typing, types,
// operator and the exact parts of math are native (as in CPython, so they add no generator events of
// their own); contextlib and functools are written in Python (PRELUDE, shaped after CPython's own
// contextlib.py) and run by the VM itself, so `@contextmanager` throws into and closes the user's
// generator exactly the way CPython's implementation does. Any other import is `unsupported`.

import { DefaultDict, defaultdictTypeRef, FnIterator, installFileMethods, len, native, stringIOType } from './builtins.js';
import { compileModule, type CodeObject } from './compiler.js';
import {
  functionType, generatorType, moduleType, UnsupportedSignal,
  excTypes, Frame, GEN_CLOSED, GEN_CREATED, GEN_RUNNING, GEN_SUSPENDED, PyFunction, PyGenerator, typeOf, VM,
} from './interp.js';
import { parsePython } from '../parser.js';
import {
  PyBoundMethod, PyDict, PyException, PyFloat, PyInstance, PyIterator, PyList, PyModule, PyNative, PyObject, PyProperty, PyTuple, PyType, STOP, normInt,
  type Py,
} from './values.js';

type Kw = Map<string, Py> | null;

export const PRELUDE_FILENAME = '<yieldlens-stdlib>';

const PRELUDE = `
class partial:
    def __new__(cls, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        self = object.__new__(cls)
        self.func = func
        self.args = args
        self.keywords = keywords
        return self
    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)
    def __repr__(self):
        args = [repr(self.func)]
        args.extend(repr(x) for x in self.args)
        args.extend(f"{k}={v!r}" for (k, v) in self.keywords.items())
        return f"functools.partial({', '.join(args)})"

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')
WRAPPER_UPDATES = ('__dict__',)

def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    wrapper.__wrapped__ = wrapped
    return wrapper

def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)

_initial_missing = object()

def reduce(function, sequence, initial=_initial_missing):
    it = iter(sequence)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value

class _GeneratorContextManager:
    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds

    def _recreate_cm(self):
        return self.__class__(self.func, self.args, self.kwds)

    def __call__(self, func):
        @wraps(func)
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return inner

    def __enter__(self):
        del self.args, self.kwds, self.func
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            else:
                try:
                    raise RuntimeError("generator didn't stop")
                finally:
                    self.gen.close()
        else:
            if value is None:
                value = typ()
            try:
                self.gen.throw(value)
            except StopIteration as exc:
                return exc is not value
            except RuntimeError as exc:
                if exc is value:
                    return False
                if isinstance(value, StopIteration) and exc.__cause__ is value:
                    return False
                raise
            except BaseException as exc:
                if exc is not value:
                    raise
                return False
            try:
                raise RuntimeError("generator didn't stop after throw()")
            finally:
                self.gen.close()

def contextmanager(func):
    @wraps(func)
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return helper

class closing:
    def __init__(self, thing):
        self.thing = thing
    def __enter__(self):
        return self.thing
    def __exit__(self, *exc_info):
        self.thing.close()

class suppress:
    def __init__(self, *exceptions):
        self._exceptions = exceptions
    def __enter__(self):
        pass
    def __exit__(self, exctype, excinst, exctb):
        if exctype is None:
            return
        if issubclass(exctype, self._exceptions):
            return True
        return False

class nullcontext:
    def __init__(self, enter_result=None):
        self.enter_result = enter_result
    def __enter__(self):
        return self.enter_result
    def __exit__(self, *excinfo):
        pass

class ExitStack:
    def __init__(self):
        self._exit_callbacks = []
    def pop_all(self):
        new_stack = ExitStack()
        new_stack._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new_stack
    def enter_context(self, cm):
        cls = type(cm)
        result = cls.__enter__(cm)
        exit = cls.__exit__
        self._exit_callbacks.append(lambda *args: exit(cm, *args))
        return result
    def push(self, exit):
        self._exit_callbacks.append(exit)
        return exit
    def callback(self, callback, /, *args, **kwds):
        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)
        self._exit_callbacks.append(_exit_wrapper)
        return callback
    def close(self):
        self.__exit__(None, None, None)
    def __enter__(self):
        return self
    def __exit__(self, *exc_details):
        received_exc = exc_details[0] is not None
        suppressed_exc = False
        pending_raise = False
        while self._exit_callbacks:
            cb = self._exit_callbacks.pop()
            try:
                if cb(*exc_details):
                    suppressed_exc = True
                    pending_raise = False
                    exc_details = (None, None, None)
            except BaseException as e:
                exc_details = (type(e), e, None)
                pending_raise = True
        if pending_raise:
            raise exc_details[1]
        return received_exc and suppressed_exc
`;

let preludeCode: CodeObject | null = null;

function preludeModule(vm: VM): Map<string, Py> {
  const cached = vm.modules.get('<prelude>');
  if (cached !== undefined) return cached.dict;
  if (preludeCode === null) preludeCode = compileModule(parsePython(PRELUDE).rootNode, PRELUDE_FILENAME);
  const m = new PyModule('<prelude>');
  m.dict.set('__name__', 'contextlib');
  vm.modules.set('<prelude>', m);
  vm.runFrame(new Frame(preludeCode, m.dict, [], null, null, null), null);
  return m.dict;
}

function module(name: string, entries: [string, Py][]): PyModule {
  const m = new PyModule(name);
  m.dict.set('__name__', name);
  for (const [k, v] of entries) m.dict.set(k, v);
  return m;
}

class NamedIterator extends FnIterator {
  constructor(name: string, fn: () => Py, private modName = 'itertools') {
    super(name, fn);
  }
  pyRepr(): string {
    return `<${this.modName}.${this.typeName} object at ${this.address}>`;
  }
}

function toInt(vm: VM, v: Py): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw vm.typeError(`'${typeOf(v).name}' object cannot be interpreted as an integer`);
}

export function installStdlib(vm: VM): void {
  installFileMethods(vm);
  const f = vm.moduleFactories;
  f.set('itertools', (vm) => itertools(vm));
  f.set('inspect', (vm) => module('inspect', [
    ['GEN_CREATED', GEN_CREATED], ['GEN_RUNNING', GEN_RUNNING], ['GEN_SUSPENDED', GEN_SUSPENDED], ['GEN_CLOSED', GEN_CLOSED],
    ['getgeneratorstate', native('getgeneratorstate', (a) => {
      const g = a[0];
      // inspect.py reads gi_running/gi_suspended/gi_frame, so a non-generator fails on the attribute.
      if (!(g instanceof PyGenerator)) {
        vm.getAttr(g, 'gi_running');
        throw vm.typeError(`${vm.repr(g)} is not a Python generator`);
      }
      return g.state;
    })],
    ['getgeneratorlocals', native('getgeneratorlocals', (a) => {
      const g = a[0];
      if (!(g instanceof PyGenerator)) throw vm.typeError(`${vm.repr(g)} is not a Python generator`);
      return g.frame !== null ? vm.frameLocals(g.frame) : new PyDict();
    })],
    ['isgenerator', native('isgenerator', (a) => a[0] instanceof PyGenerator)],
    ['isgeneratorfunction', native('isgeneratorfunction', (a) => a[0] instanceof PyFunction && a[0].code.isGenerator)],
    ['isfunction', native('isfunction', (a) => a[0] instanceof PyFunction)],
    ['isclass', native('isclass', (a) => a[0] instanceof PyType)],
  ]));
  f.set('io', () => module('io', [['StringIO', stringIOType]]));
  f.set('collections', (vm) => collections(vm));
  f.set('typing', () => typingModule());
  f.set('types', (vm) => module('types', [
    ['GeneratorType', generatorType], ['FunctionType', functionType], ['LambdaType', functionType],
    ['BuiltinFunctionType', vm.builtins.get('len') !== undefined ? typeOf(vm.builtins.get('len')) : functionType],
    ['MethodType', methodTypeOf(vm)], ['ModuleType', moduleType],
  ]));
  f.set('math', (vm) => mathModule(vm));
  f.set('operator', (vm) => operatorModule(vm));
  f.set('functools', (vm) => {
    const p = preludeModule(vm);
    return module('functools', ['partial', 'wraps', 'update_wrapper', 'reduce', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES'].map((n) => [n, p.get(n)]));
  });
  f.set('contextlib', (vm) => {
    const p = preludeModule(vm);
    return module('contextlib', ['contextmanager', 'closing', 'suppress', 'nullcontext', 'ExitStack', '_GeneratorContextManager'].map((n) => [n, p.get(n)]));
  });
  // `sys` stays unsupported: most of it describes the host (path, argv, modules, stdout).
}

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

function collections(vm: VM): PyModule {
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
  defaultdictType.dict.set('default_factory', new PyProperty(native('default_factory', (a) => (a[0] as DefaultDict).factory), null, null));
  defaultdictTypeRef.t = defaultdictType;
  return module('collections', [['deque', dequeType], ['defaultdict', defaultdictType]]);
}
export { defaultdictType };

/** typing: names only, for imports and annotations (subscripting gives the same object back). */
class TypingAlias extends PyObject {
  constructor(public name: string) {
    super();
  }
  pyRepr(): string {
    return `typing.${this.name}`;
  }
  pyGetItem(): Py {
    return this;
  }
}
const typingAliasType = new PyType('_SpecialGenericAlias', []);
typingAliasType.builtin = true;
typingAliasType.module = 'typing';
typingAliasType.dict.set('__call__', native('__call__', () => null));
function typingModule(): PyModule {
  const names = ['Any', 'Callable', 'Dict', 'FrozenSet', 'Generator', 'Iterable', 'Iterator', 'List', 'Optional',
    'Set', 'Tuple', 'Type', 'Union', 'Sequence', 'Mapping', 'MutableMapping', 'MutableSequence', 'AsyncIterator',
    'AsyncGenerator', 'ContextManager', 'NoReturn', 'Literal', 'Final', 'ClassVar', 'TextIO', 'IO', 'Deque',
    'DefaultDict', 'Counter', 'Hashable', 'Sized', 'Collection', 'Reversible', 'SupportsInt', 'Never', 'Self'];
  const m = module('typing', names.map((n) => [n, new TypingAlias(n)]));
  m.dict.set('TYPE_CHECKING', false);
  m.dict.set('TypeVar', native('TypeVar', (a) => new TypingAlias(String(a[0]))));
  m.dict.set('cast', native('cast', (a) => a[1]));
  m.dict.set('overload', native('overload', (a) => a[0]));
  return m;
}

function methodTypeOf(vm: VM): PyType {
  return typeOf(new PyBoundMethod(null, vm.builtins.get('len')));
}

/** math: only the functions whose results are exact in both libms (no sin/exp/log: their last bits differ). */
function mathModule(vm: VM): PyModule {
  const num = (v: Py, fname: string): number => {
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v === 'bigint') return Number(v);
    if (v instanceof PyFloat) return v.v;
    throw vm.typeError(`must be real number, not ${typeOf(v).name}`);
    void fname;
  };
  const toIntResult = (x: number): Py => (Number.isSafeInteger(x) ? x : normInt(BigInt(x)));
  const intArg = (v: Py, fname: string): bigint => {
    if (typeof v === 'number' || typeof v === 'boolean') return BigInt(Number(v));
    if (typeof v === 'bigint') return v;
    throw vm.typeError(`'${typeOf(v).name}' object cannot be interpreted as an integer`);
    void fname;
  };
  const gcd = (a: bigint, b: bigint): bigint => {
    a = a < 0n ? -a : a;
    b = b < 0n ? -b : b;
    while (b !== 0n) [a, b] = [b, a % b];
    return a;
  };
  const fact = (n: bigint): bigint => {
    let r = 1n;
    for (let i = 2n; i <= n; i++) r *= i;
    return r;
  };
  return module('math', [
    ['pi', new PyFloat(Math.PI)], ['e', new PyFloat(Math.E)], ['tau', new PyFloat(2 * Math.PI)],
    ['inf', new PyFloat(Infinity)], ['nan', new PyFloat(NaN)],
    ['sqrt', native('sqrt', (a) => {
      const x = num(a[0], 'sqrt');
      if (x < 0) throw vm.error('ValueError', 'math domain error');
      return new PyFloat(Math.sqrt(x));
    })],
    ['floor', native('floor', (a) => (isIntArg(a[0]) ? a[0] : toIntResult(Math.floor(num(a[0], 'floor')))))],
    ['ceil', native('ceil', (a) => (isIntArg(a[0]) ? a[0] : toIntResult(Math.ceil(num(a[0], 'ceil')))))],
    ['trunc', native('trunc', (a) => (isIntArg(a[0]) ? a[0] : toIntResult(Math.trunc(num(a[0], 'trunc')))))],
    ['fabs', native('fabs', (a) => new PyFloat(Math.abs(num(a[0], 'fabs'))))],
    ['isfinite', native('isfinite', (a) => Number.isFinite(num(a[0], 'isfinite')))],
    ['isinf', native('isinf', (a) => Math.abs(num(a[0], 'isinf')) === Infinity)],
    ['isnan', native('isnan', (a) => Number.isNaN(num(a[0], 'isnan')))],
    ['gcd', native('gcd', (a) => normInt(a.map((x) => intArg(x, 'gcd')).reduce((x, y) => gcd(x, y), 0n)))],
    ['isqrt', native('isqrt', (a) => {
      const n = intArg(a[0], 'isqrt');
      if (n < 0n) throw vm.error('ValueError', 'isqrt() argument must be nonnegative');
      if (n < 2n) return normInt(n);
      let x = BigInt(Math.floor(Math.sqrt(Number(n))));
      while (x * x > n) x--;
      while ((x + 1n) * (x + 1n) <= n) x++;
      return normInt(x);
    })],
    ['factorial', native('factorial', (a) => {
      const n = intArg(a[0], 'factorial');
      if (n < 0n) throw vm.error('ValueError', 'factorial() not defined for negative values');
      if (n > 5000n) throw new UnsupportedSignal('factorial of a huge number', vm.currentLine());
      return normInt(fact(n));
    })],
    ['comb', native('comb', (a) => {
      const n = intArg(a[0], 'comb');
      const k = intArg(a[1], 'comb');
      if (k < 0n || n < 0n) throw vm.error('ValueError', 'n must be a non-negative integer');
      if (k > n) return 0;
      let r = 1n;
      for (let i = 0n; i < k; i++) r = (r * (n - i)) / (i + 1n);
      return normInt(r);
    })],
    ['prod', native('prod', (a, kw) => {
      let acc: Py = kw?.get('start') ?? 1;
      for (const x of vm.iterate(a[0])) acc = vm.binaryOp(2, acc, x, false);
      return acc;
    })],
    ['copysign', native('copysign', (a) => {
      const x = Math.abs(num(a[0], 'copysign'));
      const y = num(a[1], 'copysign');
      return new PyFloat(y < 0 || Object.is(y, -0) ? -x : x);
    })],
  ]);
}
function isIntArg(v: Py): boolean {
  return typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
}

function operatorModule(vm: VM): PyModule {
  const bin = (name: string, op: number) => native(name, (a) => vm.binaryOp(op, a[0], a[1], false));
  const cmp = (name: string, op: number) => native(name, (a) => vm.compare(op, a[0], a[1]));
  const itemgetter = native('itemgetter', (keys) => native('itemgetter', (a) => (keys.length === 1 ? vm.getItem(a[0], keys[0]) : new PyTuple(keys.map((k) => vm.getItem(a[0], k))))));
  const attrgetter = native('attrgetter', (names) => native('attrgetter', (a) => {
    const get = (n: string): Py => n.split('.').reduce((o: Py, part) => vm.getAttr(o, part), a[0]);
    return names.length === 1 ? get(names[0]) : new PyTuple(names.map(get));
  }));
  return module('operator', [
    ['add', bin('add', 0)], ['sub', bin('sub', 1)], ['mul', bin('mul', 2)], ['truediv', bin('truediv', 3)],
    ['floordiv', bin('floordiv', 4)], ['mod', bin('mod', 5)], ['pow', bin('pow', 6)],
    ['and_', bin('and_', 9)], ['or_', bin('or_', 10)], ['xor', bin('xor', 11)],
    ['lt', cmp('lt', 0)], ['le', cmp('le', 1)], ['eq', cmp('eq', 2)], ['ne', cmp('ne', 3)], ['gt', cmp('gt', 4)], ['ge', cmp('ge', 5)],
    ['neg', native('neg', (a) => vm.unary('-', a[0]))], ['not_', native('not_', (a) => !vm.truthy(a[0]))],
    ['truth', native('truth', (a) => vm.truthy(a[0]))],
    ['itemgetter', itemgetter], ['attrgetter', attrgetter],
  ]);
}


function itertools(vm: VM): PyModule {
  const next = (it: Py): Py => vm.iterNext(it);
  const count = native('count', (a, kw) => {
    let n: Py = a.length > 0 ? a[0] : kw?.get('start') ?? 0;
    const step: Py = a.length > 1 ? a[1] : kw?.get('step') ?? 1;
    const it = new NamedIterator('count', () => {
      const r = n;
      n = vm.binaryOp(0, n, step, false);
      return r;
    });
    it.reprStable = false;
    (it as unknown as { pyRepr: () => string }).pyRepr = () => step === 1 ? `count(${vm.repr(n)})` : `count(${vm.repr(n)}, ${vm.repr(step)})`;
    return it;
  });
  const islice = native('islice', (a) => {
    if (a.length < 2) throw vm.typeError(`islice expected at least 2 arguments, got ${a.length}`);
    const it = vm.getIter(a[0]);
    let start = 0;
    let stop: number | null;
    let step = 1;
    const idx = (v: Py, what: string): number | null => {
      if (v === null) return null;
      if (typeof v !== 'number' || v < 0) throw vm.error('ValueError', `${what} argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.`);
      return v;
    };
    if (a.length === 2) stop = idx(a[1], 'Stop');
    else {
      start = idx(a[1], 'Indices') ?? 0;
      stop = idx(a[2], 'Stop');
      if (a.length > 3) {
        const s = a[3] === null ? 1 : a[3];
        if (typeof s !== 'number' || s <= 0) throw vm.error('ValueError', 'Step for islice() must be a positive integer or None.');
        step = s;
      }
    }
    let nextIdx = start;
    let i = 0;
    let done = false;
    return new NamedIterator('islice', () => {
      if (done) return STOP;
      if (stop !== null && nextIdx >= stop) {
        done = true;
        // CPython consumes up to `stop` only; it does not advance past it.
        while (i < stop) {
          if (next(it) === STOP) break;
          i++;
        }
        return STOP;
      }
      while (i < nextIdx) {
        if (next(it) === STOP) {
          done = true;
          return STOP;
        }
        i++;
      }
      const v = next(it);
      if (v === STOP) {
        done = true;
        return STOP;
      }
      i++;
      nextIdx += step;
      return v;
    });
  });
  const chainFrom = (sources: Py): Py => {
    let cur: Py = null;
    return new NamedIterator('chain', () => {
      for (;;) {
        if (cur === null) {
          const src = next(sources);
          if (src === STOP) return STOP;
          cur = vm.getIter(src);
        }
        const v = next(cur);
        if (v !== STOP) return v;
        cur = null;
      }
    });
  };
  const chain = native('chain', (a) => chainFrom(vm.getIter(new PyList(a))));
  const chainType = new PyType('chain', []);
  chainType.builtin = true;
  const chainObj = chain as PyNative & { attrs?: Map<string, Py> };
  void chainType;
  const fromIterable = native('from_iterable', (a) => chainFrom(vm.getIter(a[0])), 'chain.from_iterable');
  const chainNs = new PyModule('chain');
  chainNs.dict.set('from_iterable', fromIterable);
  chainObj.attrs = chainNs.dict;
  const tee = native('tee', (a) => {
    const n = a.length > 1 ? toInt(vm, a[1]) : 2;
    const it = vm.getIter(a[0]);
    const buffers: Py[][] = [];
    const out: Py[] = [];
    for (let k = 0; k < n; k++) {
      const buf: Py[] = [];
      buffers.push(buf);
      out.push(new NamedIterator('_tee', () => {
        if (buf.length === 0) {
          const v = next(it);
          if (v === STOP) return STOP;
          for (const b of buffers) b.push(v);
        }
        return buf.shift();
      }));
    }
    return new PyTuple(out);
  });
  const cycle = native('cycle', (a) => {
    const it = vm.getIter(a[0]);
    const saved: Py[] = [];
    let exhausted = false;
    let i = 0;
    return new NamedIterator('cycle', () => {
      if (!exhausted) {
        const v = next(it);
        if (v !== STOP) {
          saved.push(v);
          return v;
        }
        exhausted = true;
      }
      if (saved.length === 0) return STOP;
      const v = saved[i % saved.length];
      i++;
      return v;
    });
  });
  const repeat = native('repeat', (a, kw) => {
    const obj = a[0];
    let times: number | null = a.length > 1 ? toInt(vm, a[1]) : kw?.get('times') !== undefined ? toInt(vm, kw.get('times')) : null;
    const it = new NamedIterator('repeat', () => {
      if (times !== null) {
        if (times <= 0) return STOP;
        times--;
      }
      return obj;
    });
    it.reprStable = false;
    (it as unknown as { pyRepr: () => string }).pyRepr = () => times === null ? `repeat(${vm.repr(obj)})` : `repeat(${vm.repr(obj)}, ${times})`;
    return it;
  });
  const takewhile = native('takewhile', (a) => {
    const [pred, src] = a;
    const it = vm.getIter(src);
    let done = false;
    return new NamedIterator('takewhile', () => {
      if (done) return STOP;
      const v = next(it);
      if (v === STOP) return STOP;
      if (vm.truthy(vm.call(pred, [v]))) return v;
      done = true;
      return STOP;
    });
  });
  const dropwhile = native('dropwhile', (a) => {
    const [pred, src] = a;
    const it = vm.getIter(src);
    let dropping = true;
    return new NamedIterator('dropwhile', () => {
      for (;;) {
        const v = next(it);
        if (v === STOP) return STOP;
        if (dropping && vm.truthy(vm.call(pred, [v]))) continue;
        dropping = false;
        return v;
      }
    });
  });
  const filterfalse = native('filterfalse', (a) => {
    const [pred, src] = a;
    const it = vm.getIter(src);
    return new NamedIterator('filterfalse', () => {
      for (;;) {
        const v = next(it);
        if (v === STOP) return STOP;
        if (!(pred === null ? vm.truthy(v) : vm.truthy(vm.call(pred, [v])))) return v;
      }
    });
  });
  const accumulate = native('accumulate', (a, kw) => {
    const it = vm.getIter(a[0]);
    const func = a.length > 1 ? a[1] : kw?.get('func') ?? null;
    const initial = kw?.get('initial');
    let total: Py = undefined;
    let first = true;
    return new NamedIterator('accumulate', () => {
      if (first && initial !== undefined && initial !== null) {
        first = false;
        total = initial;
        return total;
      }
      first = false;
      const v = next(it);
      if (v === STOP) return STOP;
      total = total === undefined ? v : func === null ? vm.binaryOp(0, total, v, false) : vm.call(func, [total, v]);
      return total;
    });
  });
  const starmap = native('starmap', (a) => {
    const [fn, src] = a;
    const it = vm.getIter(src);
    return new NamedIterator('starmap', () => {
      const v = next(it);
      if (v === STOP) return STOP;
      return vm.call(fn, vm.toArray(v));
    });
  });
  const compress = native('compress', (a) => {
    const d = vm.getIter(a[0]);
    const s = vm.getIter(a[1]);
    return new NamedIterator('compress', () => {
      for (;;) {
        const v = next(d);
        const k = next(s);
        if (v === STOP || k === STOP) return STOP;
        if (vm.truthy(k)) return v;
      }
    });
  });
  const zipLongest = native('zip_longest', (a, kw) => {
    const fill = kw?.get('fillvalue') ?? null;
    const its: (Py | null)[] = a.map((x) => vm.getIter(x));
    let active = its.length;
    return new NamedIterator('zip_longest', () => {
      if (active === 0) return STOP;
      const out: Py[] = [];
      for (let i = 0; i < its.length; i++) {
        const it = its[i];
        if (it === null) {
          out.push(fill);
          continue;
        }
        const v = next(it);
        if (v === STOP) {
          its[i] = null;
          active--;
          if (active === 0) return STOP;
          out.push(fill);
        } else out.push(v);
      }
      return new PyTuple(out);
    });
  });
  const pairwise = native('pairwise', (a) => {
    const it = vm.getIter(a[0]);
    let prev: Py = undefined;
    return new NamedIterator('pairwise', () => {
      if (prev === undefined) {
        prev = next(it);
        if (prev === STOP) return STOP;
      }
      if (prev === STOP) return STOP;
      const v = next(it);
      if (v === STOP) {
        prev = STOP;
        return STOP;
      }
      const r = new PyTuple([prev, v]);
      prev = v;
      return r;
    });
  });
  const product = native('product', (a, kw) => {
    const rep = kw?.get('repeat') !== undefined ? toInt(vm, kw.get('repeat')) : 1;
    const pools: Py[][] = [];
    const base = a.map((x) => vm.toArray(x));
    for (let r = 0; r < rep; r++) pools.push(...base);
    let result: Py[][] = [[]];
    for (const pool of pools) {
      const nr: Py[][] = [];
      for (const x of result) for (const y of pool) nr.push([...x, y]);
      result = nr;
      vm.checkSize(result.length);
    }
    let i = 0;
    return new NamedIterator('product', () => (i < result.length ? new PyTuple(result[i++]!) : STOP));
  });
  const combos = (name: string, gen: (pool: Py[], r: number) => Py[][]) => native(name, (a, kw) => {
    const pool = vm.toArray(a[0]);
    const r = a.length > 1 && a[1] !== null ? toInt(vm, a[1]) : kw?.get('r') !== undefined && kw.get('r') !== null ? toInt(vm, kw.get('r')) : pool.length;
    const res = gen(pool, r);
    let i = 0;
    return new NamedIterator(name, () => (i < res.length ? new PyTuple(res[i++]!) : STOP));
  });
  const combinations = combos('combinations', (pool, r) => {
    const out: Py[][] = [];
    const rec = (start: number, cur: Py[]): void => {
      if (cur.length === r) {
        out.push(cur.slice());
        return;
      }
      for (let i = start; i < pool.length; i++) {
        cur.push(pool[i]);
        rec(i + 1, cur);
        cur.pop();
      }
    };
    if (r <= pool.length) rec(0, []);
    return out;
  });
  const permutations = combos('permutations', (pool, r) => {
    const out: Py[][] = [];
    const used = pool.map(() => false);
    const rec = (cur: Py[]): void => {
      if (cur.length === r) {
        out.push(cur.slice());
        return;
      }
      for (let i = 0; i < pool.length; i++) {
        if (used[i]) continue;
        used[i] = true;
        cur.push(pool[i]);
        rec(cur);
        cur.pop();
        used[i] = false;
      }
    };
    if (r <= pool.length) rec([]);
    return out;
  });
  const groupby = native('groupby', (a, kw) => {
    const it = vm.getIter(a[0]);
    const keyfn = a.length > 1 ? a[1] : kw?.get('key') ?? null;
    let curVal: Py = undefined;
    let curKey: Py = undefined;
    let exhausted = false;
    let groupId = 0;
    const advance = (): boolean => {
      const v = next(it);
      if (v === STOP) {
        exhausted = true;
        return false;
      }
      curVal = v;
      curKey = keyfn === null ? v : vm.call(keyfn, [v]);
      return true;
    };
    let tgtKey: Py = undefined;
    return new NamedIterator('groupby', () => {
      groupId++;
      if (curKey === undefined) {
        if (exhausted || !advance()) return STOP;
      } else if (tgtKey !== undefined) {
        // Skip what is left of the previous group.
        while (!exhausted && vm.eq(curKey, tgtKey)) if (!advance()) return STOP;
        if (exhausted) return STOP;
      }
      tgtKey = curKey;
      const myId = groupId;
      const key = curKey;
      let first = true;
      const grouper = new NamedIterator('_grouper', () => {
        if (myId !== groupId || exhausted) return STOP;
        if (first) {
          first = false;
          return curVal;
        }
        if (!advance()) return STOP;
        if (!vm.eq(curKey, key)) return STOP;
        return curVal;
      });
      return new PyTuple([key, grouper]);
    });
  });
  const batched = native('batched', (a) => {
    const it = vm.getIter(a[0]);
    const n = toInt(vm, a[1]);
    if (n < 1) throw vm.error('ValueError', 'n must be at least one');
    return new NamedIterator('batched', () => {
      const out: Py[] = [];
      while (out.length < n) {
        const v = next(it);
        if (v === STOP) break;
        out.push(v);
      }
      return out.length === 0 ? STOP : new PyTuple(out);
    });
  });
  const m = module('itertools', [
    ['count', count], ['islice', islice], ['chain', chain], ['tee', tee], ['cycle', cycle], ['repeat', repeat],
    ['takewhile', takewhile], ['dropwhile', dropwhile], ['filterfalse', filterfalse], ['accumulate', accumulate],
    ['starmap', starmap], ['compress', compress], ['zip_longest', zipLongest], ['pairwise', pairwise],
    ['product', product], ['combinations', combinations], ['permutations', permutations], ['groupby', groupby],
    ['batched', batched],
  ]);
  return m;
}

/** Attribute lookups on a few native callables that carry attributes (chain.from_iterable). */
export function nativeAttr(o: Py, name: string): Py | undefined {
  const attrs = (o as { attrs?: Map<string, Py> }).attrs;
  return attrs?.get(name);
}

export { excTypes, PyException, PyIterator, PyObject, PyTuple, len };
