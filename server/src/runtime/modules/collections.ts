// collections: deque (with maxlen, as generator windows use it) and defaultdict natively; Counter, OrderedDict and
// the namedtuple classes over native dicts and tuples (collections-types.ts) with CPython 3.13's Python methods;
// ChainMap after collections/__init__.py. The Python part is COLLECTIONS_SOURCE, run by the VM.

import { native, toInt } from '../args.js';
import { isIntLike, NOT_IMPLEMENTED, typeOf, type Frame, type VM } from '../interp.js';
import { repeatCount } from '../objects/sequence.js';
import { PyDict, PyInstance, PyIterator, PyList, PyObject, PyProperty, PyTuple, PyType, STOP, type Py, type PyModule } from '../values.js';
import { pythonModule } from './support.js';
import { counterType, namedTupleClass, namedTupleOf, orderedDictType } from './collections-types.js';

/**
 * collections.deque: a list with cheap ends and an optional maxlen. `state` counts the mutations CPython's
 * deque counts (every append, pop, extend item, rotate, insert, remove, clear, del, repeat): an iterator
 * that sees it change raises "deque mutated during iteration"; reverse() and item assignment leave it.
 */
export class DequeObj extends PyObject {
  state = 0;
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
  /** The list index of deque index `k` (deque_item, deque_ass_item, deque_del_item). */
  position(vm: VM, k: Py): number {
    if (!isIntLike(k)) throw vm.typeError(`sequence index must be integer, not '${typeOf(k).tpName}'`);
    const n = toInt(vm, k);
    const i = n < 0 ? n + this.items.length : n;
    if (i < 0 || i >= this.items.length) throw vm.error('IndexError', 'deque index out of range');
    return i;
  }
  pyGetItem(vm: VM, k: Py): Py {
    return this.items[this.position(vm, k)];
  }
  pySetItem(vm: VM, k: Py, v: Py): void {
    this.items[this.position(vm, k)] = v;
  }
  pyDelItem(vm: VM, k: Py): void {
    this.items.splice(this.position(vm, k), 1);
    this.state++;
  }
  /** deque_repeat and deque_inplace_repeat: `q * n`, `n * q`, `q *= n`; a maxlen keeps the last items. */
  pyBinary(vm: VM, op: string, other: Py, inplace: boolean): Py | undefined {
    if (op === '+' && !inplace) {
      if (!(other instanceof DequeObj)) throw vm.typeError(`can only concatenate deque (not "${typeOf(other).tpName}") to deque`);
      const joined = new DequeObj(this.items.slice(), this.maxlen);
      for (const x of other.items.slice()) joined.append(x);
      return joined;
    }
    if (op === '+') {
      // deque_inplace_concat is extend: any iterable, the deque itself copied first.
      for (const x of other === this ? this.items.slice() : vm.iterate(other)) if (this.maxlen !== 0) this.append(x);
      return this;
    }
    if (op !== '*') return undefined;
    if (!isIntLike(other)) {
      if (other instanceof PyInstance) return undefined;
      throw vm.typeError(`can't multiply sequence by non-int of type '${typeOf(other).tpName}'`);
    }
    const n = repeatCount(vm, other, this.items.length);
    if (inplace && n === 1) return this;
    const items: Py[] = [];
    for (let i = 0; i < n; i++) items.push(...this.items);
    const target = inplace ? this : new DequeObj([], this.maxlen);
    target.items = items;
    target.trim(false);
    if (inplace) this.state++;
    return target;
  }
  /** deque_richcompare: two deques compare as lists of their items; anything else is not comparable. */
  pyEq(vm: VM, other: Py): boolean {
    if (!(other instanceof DequeObj)) return this === other;
    if (this === other) return true;
    if (this.items.length !== other.items.length) return false;
    return vm.eq(new PyList(this.items.slice()), new PyList(other.items.slice()));
  }
  pyCompare(vm: VM, op: number, other: Py): Py | undefined {
    if (!(other instanceof DequeObj)) return undefined;
    return vm.compare(op, new PyList(this.items.slice()), new PyList(other.items.slice()));
  }
  pyContains(vm: VM, x: Py): boolean {
    return this.find(vm, x, 0, this.items.length) >= 0;
  }
  /** The first position in [start, stop) whose item equals x, or -1; an `__eq__` that mutates the deque fails. */
  find(vm: VM, x: Py, start: number, stop: number): number {
    const state = this.state;
    for (let i = start; i < Math.min(stop, this.items.length); i++) {
      const item = this.items[i];
      const same = item === x || vm.eq(item, x);
      if (this.state !== state) throw vm.error('RuntimeError', 'deque mutated during iteration');
      if (same) return i;
    }
    return -1;
  }
  append(x: Py): void {
    this.items.push(x);
    this.trim(false);
    this.state++;
  }
  appendLeft(x: Py): void {
    this.items.unshift(x);
    this.trim(true);
    this.state++;
  }
  trim(left: boolean): void {
    if (this.maxlen === null) return;
    while (this.items.length > this.maxlen) {
      if (left) this.items.pop();
      else this.items.shift();
    }
  }
}

/** A deque's iterator: reads the live deque by position, and fails once the deque's state moved. */
class DequeIterator extends PyIterator {
  private index = 0;
  private counter: number;
  private readonly state: number;
  constructor(private readonly vm: VM, private readonly deque: DequeObj, private readonly reverse: boolean) {
    super();
    this.state = deque.state;
    this.counter = deque.items.length;
  }
  get typeName(): string {
    return this.reverse ? '_deque_reverse_iterator' : '_deque_iterator';
  }
  next(): Py {
    if (this.deque.state !== this.state) {
      this.counter = 0;
      throw this.vm.error('RuntimeError', 'deque mutated during iteration');
    }
    if (this.counter === 0) return STOP;
    const items = this.deque.items;
    const item = this.reverse ? items[items.length - 1 - this.index] : items[this.index];
    this.index++;
    this.counter--;
    return item;
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
  /** A deque method; `one` and `none` check the argument count as CPython's METH_O and METH_NOARGS do. */
  const d = (name: string, fn: (q: DequeObj, a: Py[]) => Py, args?: 'one' | 'none'): void => {
    dequeType.dict.set(name, native(name, (a) => {
      const given = a.length - 1;
      if (args === 'one' && given !== 1) throw vm.typeError(`deque.${name}() takes exactly one argument (${given} given)`);
      if (args === 'none' && given !== 0) throw vm.typeError(`deque.${name}() takes no arguments (${given} given)`);
      return fn(a[0] as DequeObj, a.slice(1));
    }, `deque.${name}`));
  };
  /** METH_FASTCALL's counts: `insert expected 2 arguments, got 1`. */
  const counted = (name: string, a: Py[], least: number, most: number): void => {
    const plural = (n: number): string => `${n} argument${n === 1 ? '' : 's'}`;
    if (least === most && a.length !== least) throw vm.typeError(`${name} expected ${plural(least)}, got ${a.length}`);
    if (a.length < least) throw vm.typeError(`${name} expected at least ${plural(least)}, got ${a.length}`);
    if (a.length > most) throw vm.typeError(`${name} expected at most ${plural(most)}, got ${a.length}`);
  };
  const maxlenOf = (v: Py): number | null => {
    if (v === null || v === undefined) return null;
    if (!isIntLike(v)) throw vm.typeError('an integer is required');
    const n = toInt(vm, v);
    if (n < 0) throw vm.error('ValueError', 'maxlen must be non-negative');
    return n;
  };
  /** deque_extend / deque_extendleft: the deque itself is copied first; with maxlen 0 the items are only consumed. */
  const extend = (q: DequeObj, source: Py, left: boolean): void => {
    const items = source === q ? q.items.slice() : null;
    for (const x of items ?? vm.iterate(source)) {
      if (q.maxlen === 0) continue;
      if (left) q.appendLeft(x);
      else q.append(x);
    }
  };
  /** deque_init: a second __init__ empties the deque first. */
  const init = (q: DequeObj, a: Py[], kw: Map<string, Py> | null): void => {
    // PyArg_ParseTupleAndKeywords("|OO:deque"): the count first, then each keyword.
    const given = a.length + (kw?.size ?? 0);
    if (given > 2) throw vm.typeError(`deque() takes at most 2 arguments (${given} given)`);
    for (const k of kw?.keys() ?? []) {
      const position = ['iterable', 'maxlen'].indexOf(k);
      if (position < 0) throw vm.typeError(`deque() got an unexpected keyword argument '${k}'`);
      if (position < a.length) throw vm.typeError(`argument for deque() given by name ('${k}') and position (${position + 1})`);
    }
    const source = a.length > 0 ? a[0] : kw?.get('iterable') ?? null;
    q.maxlen = maxlenOf(a.length > 1 ? a[1] : kw?.get('maxlen') ?? null);
    if (q.items.length > 0) {
      q.items.length = 0;
      q.state++;
    }
    if (source !== null) extend(q, source, false);
  };
  dequeType.dict.set('__new__', native('__new__', (a, kw) => {
    const q = new DequeObj([], null);
    init(q, a.slice(1), kw);
    return q;
  }));
  dequeType.dict.set('__init__', native('__init__', (a, kw) => {
    init(a[0] as DequeObj, a.slice(1), kw);
    return null;
  }, 'deque.__init__'));
  const popped = (q: DequeObj, item: Py): Py => {
    q.state++;
    return item;
  };
  d('append', (q, a) => {
    q.append(a[0]);
    return null;
  }, 'one');
  d('appendleft', (q, a) => {
    q.appendLeft(a[0]);
    return null;
  }, 'one');
  d('pop', (q) => {
    if (q.items.length === 0) throw vm.error('IndexError', 'pop from an empty deque');
    return popped(q, q.items.pop());
  }, 'none');
  d('popleft', (q) => {
    if (q.items.length === 0) throw vm.error('IndexError', 'pop from an empty deque');
    return popped(q, q.items.shift());
  }, 'none');
  d('extend', (q, a) => {
    extend(q, a[0], false);
    return null;
  }, 'one');
  d('extendleft', (q, a) => {
    extend(q, a[0], true);
    return null;
  }, 'one');
  d('__iadd__', (q, a) => {
    extend(q, a[0], false);
    return q;
  }, 'one');
  d('clear', (q) => {
    if (q.items.length > 0) {
      q.items.length = 0;
      q.state++;
    }
    return null;
  }, 'none');
  d('copy', (q) => new DequeObj(q.items.slice(), q.maxlen), 'none');
  d('__copy__', (q) => new DequeObj(q.items.slice(), q.maxlen), 'none');
  d('rotate', (q, a) => {
    counted('rotate', a, 0, 1);
    let k = a.length > 0 ? toInt(vm, a[0]) : 1;
    const n = q.items.length;
    if (n <= 1) return null;
    k = ((k % n) + n) % n;
    q.items = q.items.slice(n - k).concat(q.items.slice(0, n - k));
    q.state++;
    return null;
  });
  d('reverse', (q) => {
    q.items.reverse();
    return null;
  }, 'none');
  d('count', (q, a) => {
    const state = q.state;
    let n = 0;
    for (let i = 0; i < q.items.length; i++) {
      const item = q.items[i];
      const same = item === a[0] || vm.eq(item, a[0]);
      if (q.state !== state) throw vm.error('RuntimeError', 'deque mutated during iteration');
      if (same) n++;
    }
    return n;
  }, 'one');
  d('index', (q, a) => {
    counted('index', a, 1, 3);
    const n = q.items.length;
    const bound = (v: Py, fallback: number): number => {
      if (v === undefined) return fallback;
      const i = toInt(vm, v);
      return i < 0 ? Math.max(0, i + n) : Math.min(i, n);
    };
    const i = q.find(vm, a[0], bound(a[1], 0), bound(a[2], n));
    if (i < 0) throw vm.error('ValueError', `${vm.repr(a[0])} is not in deque`);
    return i;
  });
  d('insert', (q, a) => {
    counted('insert', a, 2, 2);
    let i = toInt(vm, a[0]);
    const n = q.items.length;
    if (q.maxlen !== null && n >= q.maxlen) throw vm.error('IndexError', 'deque already at its maximum size');
    if (i < 0) i = Math.max(0, i + n);
    if (i > n) i = n;
    q.items.splice(i, 0, a[1]);
    q.state++;
    return null;
  });
  d('remove', (q, a) => {
    const i = q.find(vm, a[0], 0, q.items.length);
    if (i < 0) throw vm.error('ValueError', `${vm.repr(a[0])} is not in deque`);
    q.items.splice(i, 1);
    q.state++;
    return null;
  }, 'one');
  d('__len__', (q) => q.items.length, 'none');
  d('__iter__', (q) => new DequeIterator(vm, q, false), 'none');
  d('__reversed__', (q) => new DequeIterator(vm, q, true), 'none');
  d('__contains__', (q, a) => q.pyContains(vm, a[0]));
  d('__getitem__', (q, a) => q.pyGetItem(vm, a[0]));
  d('__setitem__', (q, a) => {
    q.pySetItem(vm, a[0], a[1]);
    return null;
  });
  d('__delitem__', (q, a) => {
    q.pyDelItem(vm, a[0]);
    return null;
  }, 'one');
  dequeType.dict.set('__hash__', null);
  // The operators as attributes (`hasattr(d, '__add__')`, `deque.__mul__(d, 2)`); the VM's operators use the hooks.
  const binary = (name: string, op: string, inplace: boolean): void => d(name, (q, a) => q.pyBinary(vm, op, a[0], inplace) ?? NOT_IMPLEMENTED, 'one');
  binary('__add__', '+', false);
  binary('__mul__', '*', false);
  binary('__rmul__', '*', false);
  binary('__imul__', '*', true);
  ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'].forEach((name, op) => {
    d(name, (q, a) => {
      if (!(a[0] instanceof DequeObj)) return NOT_IMPLEMENTED;
      return op === 2 ? q.pyEq(vm, a[0]) : op === 3 ? !q.pyEq(vm, a[0]) : q.pyCompare(vm, op, a[0]);
    }, 'one');
  });
  // The types' own __repr__ as attributes (pprint dispatches on type(obj).__repr__).
  dequeType.dict.set('__repr__', native('__repr__', (a) => (a[0] as DequeObj).pyRepr(vm), 'deque.__repr__'));
  defaultdictType.dict.set('__repr__', native('__repr__', (a) => (a[0] as DefaultDict).pyRepr(vm), 'defaultdict.__repr__'));
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
  const install = native('_install_methods', (a) => {
    const target = a[0] as PyType;
    const source = a[1] as PyType;
    const skip = ['__dict__', '__module__', '__qualname__', '__weakref__', '__doc__'];
    for (const [k, v] of source.dict) if (!skip.includes(k)) target.dict.set(k, v);
    return null;
  });
  const ntClass = native('_nt_class', (a) => {
    const [typename, fields, defaults, moduleName] = a as [string, PyTuple, PyDict, Py];
    const d = new Map<string, Py>();
    for (const [hk, v] of defaults.vals) d.set(defaults.keys.get(hk) as string, v);
    return namedTupleClass(vm, typename, fields.items as string[], d, typeof moduleName === 'string' ? moduleName : '__main__');
  });
  const ntMake = native('_nt_make', (a) => namedTupleOf(a[0] as PyType, vm.toArray(a[1]!)));
  const callerModule = native('_caller_module', () => {
    // The module whose code called namedtuple(), as sys._getframemodulename(1) finds it.
    const f: Frame | null = vm.frame?.back ?? null;
    const name = f?.globals.get('__name__');
    return typeof name === 'string' ? name : '__main__';
  });
  return pythonModule(vm, 'collections', COLLECTIONS_SOURCE, [
    ['deque', dequeType], ['defaultdict', defaultdictType], ['Counter', counterType(vm)], ['OrderedDict', orderedDictType(vm)],
    ['_install_methods', install], ['_nt_class', ntClass], ['_nt_make', ntMake], ['_caller_module', callerModule],
  ]);
}

const COLLECTIONS_SOURCE = String.raw`
'''This module implements specialized container datatypes providing
alternatives to Python's general purpose built-in containers, dict,
list, set, and tuple.'''

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'UserDict', 'UserList', 'UserString', 'defaultdict', 'deque', 'namedtuple']

from itertools import chain as _chain, repeat as _repeat, starmap as _starmap
from operator import itemgetter as _itemgetter
from operator import eq as _eq
import heapq as _heapq
import _collections_abc

_KEYWORDS = frozenset(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
                       'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in',
                       'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield'])


def _is_mapping(obj):
    # isinstance(obj, collections.abc.Mapping), as CPython's collections asks (a dict answers without the ABC's check).
    return isinstance(obj, dict) or isinstance(obj, _collections_abc.Mapping)


def _count_elements(mapping, iterable):
    'Tally elements from the iterable.'
    mapping_get = mapping.get
    for elem in iterable:
        mapping[elem] = mapping_get(elem, 0) + 1


class _CounterMethods:
    '''Dict subclass for counting hashable items.  Sometimes called a bag
    or multiset.  Elements are stored as dictionary keys and their counts
    are stored as dictionary values.

    >>> c = Counter('abcdeabcdabcaba')  # count elements from a string

    >>> c.most_common(3)                # three most common elements
    [('a', 5), ('b', 4), ('c', 3)]
    >>> sorted(c)                       # list all unique elements
    ['a', 'b', 'c', 'd', 'e']
    >>> ''.join(sorted(c.elements()))   # list elements with repetitions
    'aaaaabbbbcccdde'
    >>> sum(c.values())                 # total of all counts
    15

    >>> c['a']                          # count of letter 'a'
    5
    >>> for elem in 'shazam':           # update counts from an iterable
    ...     c[elem] += 1                # by adding 1 to each element's count
    >>> c['a']                          # now there are seven 'a'
    7
    >>> del c['b']                      # remove all 'b'
    >>> c['b']                          # now there are zero 'b'
    0

    >>> d = Counter('simsalabim')       # make another counter
    >>> c.update(d)                     # add in the second counter
    >>> c['a']                          # now there are nine 'a'
    9

    >>> c.clear()                       # empty the counter
    >>> c
    Counter()

    Note:  If a count is set to zero or reduced to zero, it will remain
    in the counter until the entry is deleted or the counter is cleared:

    >>> c = Counter('aaabbc')
    >>> c['b'] -= 2                     # reduce the count of 'b' by two
    >>> c.most_common()                 # 'b' is still in, but its count is zero
    [('a', 3), ('c', 1), ('b', 0)]

    '''
    # References:
    #   http://en.wikipedia.org/wiki/Multiset
    #   http://www.gnu.org/software/smalltalk/manual-base/html_node/Bag.html
    #   http://www.demo2s.com/Tutorial/Cpp/0380__set-multiset/Catalog0380__set-multiset.htm
    #   http://code.activestate.com/recipes/259174/
    #   Knuth, TAOCP Vol. II section 4.6.3

    def __init__(self, iterable=None, /, **kwds):
        '''Create a new, empty Counter object.  And if given, count elements
        from an input iterable.  Or, initialize the count from another mapping
        of elements to their counts.

        >>> c = Counter()                           # a new, empty counter
        >>> c = Counter('gallahad')                 # a new counter from an iterable
        >>> c = Counter({'a': 4, 'b': 2})           # a new counter from a mapping
        >>> c = Counter(a=4, b=2)                   # a new counter from keyword args

        '''
        self.update(iterable, **kwds)


    def total(self):
        'Sum of the counts'
        return sum(self.values())

    def most_common(self, n=None):
        '''List the n most common elements and their counts from the most
        common to the least.  If n is None, then list all element counts.

        >>> Counter('abracadabra').most_common(3)
        [('a', 5), ('b', 2), ('r', 2)]

        '''
        # Emulate Bag.sortedByCount from Smalltalk
        if n is None:
            return sorted(self.items(), key=_itemgetter(1), reverse=True)

        # Lazy import to speedup Python startup time
        return _heapq.nlargest(n, self.items(), key=_itemgetter(1))

    def elements(self):
        '''Iterator over elements repeating each as many times as its count.

        >>> c = Counter('ABCABC')
        >>> sorted(c.elements())
        ['A', 'A', 'B', 'B', 'C', 'C']

        Knuth's example for prime factors of 1836:  2**2 * 3**3 * 17**1

        >>> import math
        >>> prime_factors = Counter({2: 2, 3: 3, 17: 1})
        >>> math.prod(prime_factors.elements())
        1836

        Note, if an element's count has been set to zero or is a negative
        number, elements() will ignore it.

        '''
        # Emulate Bag.do from Smalltalk and Multiset.begin from C++.
        return _chain.from_iterable(_starmap(_repeat, self.items()))

    # Override dict methods where necessary

    @classmethod
    def fromkeys(cls, iterable, v=None):
        # There is no equivalent method for counters because the semantics
        # would be ambiguous in cases such as Counter.fromkeys('aaabbc', v=2).
        # Initializing counters to zero values isn't necessary because zero
        # is already the default value for counter lookups.  Initializing
        # to one is easily accomplished with Counter(set(iterable)).  For
        # more exotic cases, create a dictionary first using a dictionary
        # comprehension or dict.fromkeys().
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        '''Like dict.update() but add counts instead of replacing them.

        Source can be an iterable, a dictionary, or another Counter instance.

        >>> c = Counter('which')
        >>> c.update('witch')           # add elements from another iterable
        >>> d = Counter('watch')
        >>> c.update(d)                 # add elements from another counter
        >>> c['h']                      # four 'h' in which, witch, and watch
        4

        '''
        # The regular dict.update() operation makes no sense here because the
        # replace behavior results in some of the original untouched counts
        # being mixed-in with all of the other counts for a mismash that
        # doesn't have a straight-forward interpretation in most counting
        # contexts.  Instead, we implement straight-addition.  Both the inputs
        # and outputs are allowed to contain zero and negative counts.

        if iterable is not None:
            if _is_mapping(iterable):
                if self:
                    self_get = self.get
                    for elem, count in iterable.items():
                        self[elem] = count + self_get(elem, 0)
                else:
                    # fast path when counter is empty
                    dict.update(self, iterable)
            else:
                _count_elements(self, iterable)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        '''Like dict.update() but subtracts counts instead of replacing them.
        Counts can be reduced below zero.  Both the inputs and outputs are
        allowed to contain zero and negative counts.

        Source can be an iterable, a dictionary, or another Counter instance.

        >>> c = Counter('which')
        >>> c.subtract('witch')             # subtract elements from another iterable
        >>> c.subtract(Counter('watch'))    # subtract elements from another counter
        >>> c['h']                          # 2 in which, minus 1 in witch, minus 1 in watch
        0
        >>> c['w']                          # 1 in which, minus 1 in witch, minus 1 in watch
        -1

        '''
        if iterable is not None:
            self_get = self.get
            if _is_mapping(iterable):
                for elem, count in iterable.items():
                    self[elem] = self_get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self_get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        'Return a shallow copy.'
        return self.__class__(self)


    def __delitem__(self, elem):
        'Like dict.__delitem__() but does not raise KeyError for missing values.'
        if elem in self:
            dict.pop(self, elem)

    def __repr__(self):
        if not self:
            return f'{self.__class__.__name__}()'
        try:
            # dict() preserves the ordering returned by most_common()
            d = dict(self.most_common())
        except TypeError:
            # handle case where values are not orderable
            d = dict(self)
        return f'{self.__class__.__name__}({d!r})'

    # Multiset-style mathematical operations discussed in:
    #       Knuth TAOCP Volume II section 4.6.3 exercise 19
    #       and at http://en.wikipedia.org/wiki/Multiset
    #
    # Outputs guaranteed to only include positive counts.
    #
    # To strip negative and zero counts, add-in an empty counter:
    #       c += Counter()
    #
    # Results are ordered according to when an element is first
    # encountered in the left operand and then by the order
    # encountered in the right operand.
    #
    # When the multiplicities are all zero or one, multiset operations
    # are guaranteed to be equivalent to the corresponding operations
    # for regular sets.
    #     Given counter multisets such as:
    #         cp = Counter(a=1, b=0, c=1)
    #         cq = Counter(c=1, d=0, e=1)
    #     The corresponding regular sets would be:
    #         sp = {'a', 'c'}
    #         sq = {'c', 'e'}
    #     All of the following relations would hold:
    #         set(cp + cq) == sp | sq
    #         set(cp - cq) == sp - sq
    #         set(cp | cq) == sp | sq
    #         set(cp & cq) == sp & sq
    #         (cp == cq) == (sp == sq)
    #         (cp != cq) == (sp != sq)
    #         (cp <= cq) == (sp <= sq)
    #         (cp < cq) == (sp < sq)
    #         (cp >= cq) == (sp >= sq)
    #         (cp > cq) == (sp > sq)

    def __eq__(self, other):
        'True if all counts agree. Missing counts are treated as zero.'
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        'True if any counts disagree. Missing counts are treated as zero.'
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        'True if all counts in self are a subset of those in other.'
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for c in (self, other) for e in c)

    def __lt__(self, other):
        'True if all counts in self are a proper subset of those in other.'
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        'True if all counts in self are a superset of those in other.'
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for c in (self, other) for e in c)

    def __gt__(self, other):
        'True if all counts in self are a proper superset of those in other.'
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    def __add__(self, other):
        '''Add counts from two counters.

        >>> Counter('abbb') + Counter('bcc')
        Counter({'b': 4, 'c': 2, 'a': 1})

        '''
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        ''' Subtract count, but keep only results with positive counts.

        >>> Counter('abbbc') - Counter('bccd')
        Counter({'b': 2, 'a': 1})

        '''
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        '''Union is the maximum of value in either of the input counters.

        >>> Counter('abbb') | Counter('bcc')
        Counter({'b': 3, 'c': 2, 'a': 1})

        '''
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        ''' Intersection is the minimum of corresponding counts.

        >>> Counter('abbb') & Counter('bcc')
        Counter({'b': 1})

        '''
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        'Adds an empty counter, effectively stripping negative and zero counts'
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        '''Subtracts from an empty counter.  Strips positive and zero counts,
        and flips the sign on negative counts.

        '''
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        '''Internal method to strip elements with a negative or zero count'''
        nonpositive = [elem for elem, count in self.items() if not count > 0]
        for elem in nonpositive:
            del self[elem]
        return self

    def __iadd__(self, other):
        '''Inplace add from another counter, keeping only positive counts.

        >>> c = Counter('abbb')
        >>> c += Counter('bcc')
        >>> c
        Counter({'b': 4, 'c': 2, 'a': 1})

        '''
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        '''Inplace subtract counter, but keep only results with positive counts.

        >>> c = Counter('abbbc')
        >>> c -= Counter('bccd')
        >>> c
        Counter({'b': 2, 'a': 1})

        '''
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        '''Inplace union is the maximum of value from either counter.

        >>> c = Counter('abbb')
        >>> c |= Counter('bcc')
        >>> c
        Counter({'b': 3, 'c': 2, 'a': 1})

        '''
        for elem, other_count in other.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        '''Inplace intersection is the minimum of corresponding counts.

        >>> c = Counter('abbb')
        >>> c &= Counter('bcc')
        >>> c
        Counter({'b': 1})

        '''
        for elem, count in self.items():
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()




_install_methods(Counter, _CounterMethods)
del _CounterMethods


class _OrderedDictMethods:
    def __init__(self, other=(), /, **kwds):
        dict.update(self, other, **kwds)

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        key = next(reversed(self)) if last else next(iter(self))
        value = dict.pop(self, key)
        return key, value

    def move_to_end(self, key, last=True):
        value = dict.pop(self, key)
        if last:
            dict.update(self, {key: value})
        else:
            rest = list(dict.items(self))
            dict.clear(self)
            dict.update(self, {key: value})
            dict.update(self, rest)

    def __repr__(self):
        'od.__repr__() <==> repr(od)'
        if not self:
            return '%s()' % (self.__class__.__name__,)
        return '%s(%r)' % (self.__class__.__name__, dict(dict.items(self)))

    def copy(self):
        'od.copy() -> a shallow copy of od'
        return self.__class__(self)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        self = cls()
        for key in iterable:
            self[key] = value
        return self

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict(dict.items(self)) == dict(dict.items(other)) and all(map(_eq, self, other))
        if isinstance(other, dict):
            return dict(dict.items(self)) == other
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.__class__(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.__class__(other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


_install_methods(OrderedDict, _OrderedDictMethods)
del _OrderedDictMethods


class _NamedTupleMethods:
    @classmethod
    def _make(cls, iterable):
        result = _nt_make(cls, iterable)
        if len(result) != len(cls._fields):
            raise TypeError(f'Expected {len(cls._fields)} arguments, got {len(result)}')
        return result

    def _replace(self, /, **kwds):
        result = self._make(map(kwds.pop, self._fields, self))
        if kwds:
            raise TypeError(f'Got unexpected field names: {list(kwds)!r}')
        return result

    def _asdict(self):
        'Return a new dict which maps field names to their values.'
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        'Return self as a plain tuple.  Used by copy and pickle.'
        return tuple(self)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Returns a new subclass of tuple with named fields."""
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = str(typename)

    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier()
                or name in _KEYWORDS
                or name.startswith('_')
                or name in seen):
                field_names[index] = f'_{index}'
            seen.add(name)

    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             f'identifiers: {name!r}')
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a '
                             f'keyword: {name!r}')

    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: '
                             f'{name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)

    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(reversed(list(zip(reversed(field_names),
                                                reversed(defaults)))))
    if module is None:
        module = _caller_module()
    result = _nt_class(typename, tuple(field_names), field_defaults, module)
    _install_methods(result, _NamedTupleMethods)
    return result


class ChainMap(_collections_abc.MutableMapping):
    ''' A ChainMap groups multiple dicts (or other mappings) together
    to create a single, updateable view.
    '''

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        d = {}
        for mapping in map(dict.fromkeys, reversed(self.maps)):
            d |= mapping
        return iter(d)

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        return f'{self.__class__.__name__}({", ".join(map(repr, self.maps))})'

    @classmethod
    def fromkeys(cls, iterable, value=None, /):
        return cls(dict.fromkeys(iterable, value))

    def copy(self):
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def popitem(self):
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.')

    def pop(self, key, *args):
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def clear(self):
        self.maps[0].clear()

    __hash__ = None

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        m = self.copy()
        m.maps[0].update(other)
        return m

    def __ror__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        m = dict(other)
        for child in reversed(self.maps):
            m.update(child)
        return self.__class__(m)


# UserDict, UserList and UserString below are CPython 3.13's (collections/__init__.py), on the same ABCs.

_MAXSIZE = 9223372036854775807

################################################################################
### UserDict
################################################################################

class UserDict(_collections_abc.MutableMapping):

    # Start by filling-out the abstract methods
    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        if dict is not None:
            self.update(dict)
        if kwargs:
            self.update(kwargs)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, key):
        if key in self.data:
            return self.data[key]
        if hasattr(self.__class__, "__missing__"):
            return self.__class__.__missing__(self, key)
        raise KeyError(key)

    def __setitem__(self, key, item):
        self.data[key] = item

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(self.data)

    # Modify __contains__ and get() to work like dict
    # does when __missing__ is present.
    def __contains__(self, key):
        return key in self.data

    def get(self, key, default=None):
        if key in self:
            return self[key]
        return default


    # Now, add the methods in dicts but not in MutableMapping
    def __repr__(self):
        return repr(self.data)

    def __or__(self, other):
        if isinstance(other, UserDict):
            return self.__class__(self.data | other.data)
        if isinstance(other, dict):
            return self.__class__(self.data | other)
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, UserDict):
            return self.__class__(other.data | self.data)
        if isinstance(other, dict):
            return self.__class__(other | self.data)
        return NotImplemented

    def __ior__(self, other):
        if isinstance(other, UserDict):
            self.data |= other.data
        else:
            self.data |= other
        return self

    def __copy__(self):
        inst = self.__class__.__new__(self.__class__)
        inst.__dict__.update(self.__dict__)
        # Create a copy and avoid triggering descriptors
        inst.__dict__["data"] = self.__dict__["data"].copy()
        return inst

    def copy(self):
        if self.__class__ is UserDict:
            return UserDict(self.data.copy())
        import copy
        data = self.data
        try:
            self.data = {}
            c = copy.copy(self)
        finally:
            self.data = data
        c.update(self)
        return c

    @classmethod
    def fromkeys(cls, iterable, value=None):
        d = cls()
        for key in iterable:
            d[key] = value
        return d


################################################################################
### UserList
################################################################################

class UserList(_collections_abc.MutableSequence):
    """A more or less complete user-defined wrapper around list objects."""

    def __init__(self, initlist=None):
        self.data = []
        if initlist is not None:
            # XXX should this accept an arbitrary sequence?
            if type(initlist) == type(self.data):
                self.data[:] = initlist
            elif isinstance(initlist, UserList):
                self.data[:] = initlist.data[:]
            else:
                self.data = list(initlist)

    def __repr__(self):
        return repr(self.data)

    def __lt__(self, other):
        return self.data < self.__cast(other)

    def __le__(self, other):
        return self.data <= self.__cast(other)

    def __eq__(self, other):
        return self.data == self.__cast(other)

    def __gt__(self, other):
        return self.data > self.__cast(other)

    def __ge__(self, other):
        return self.data >= self.__cast(other)

    def __cast(self, other):
        return other.data if isinstance(other, UserList) else other

    def __contains__(self, item):
        return item in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self.__class__(self.data[i])
        else:
            return self.data[i]

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def __add__(self, other):
        if isinstance(other, UserList):
            return self.__class__(self.data + other.data)
        elif isinstance(other, type(self.data)):
            return self.__class__(self.data + other)
        return self.__class__(self.data + list(other))

    def __radd__(self, other):
        if isinstance(other, UserList):
            return self.__class__(other.data + self.data)
        elif isinstance(other, type(self.data)):
            return self.__class__(other + self.data)
        return self.__class__(list(other) + self.data)

    def __iadd__(self, other):
        if isinstance(other, UserList):
            self.data += other.data
        elif isinstance(other, type(self.data)):
            self.data += other
        else:
            self.data += list(other)
        return self

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self.data *= n
        return self

    def __copy__(self):
        inst = self.__class__.__new__(self.__class__)
        inst.__dict__.update(self.__dict__)
        # Create a copy and avoid triggering descriptors
        inst.__dict__["data"] = self.__dict__["data"][:]
        return inst

    def append(self, item):
        self.data.append(item)

    def insert(self, i, item):
        self.data.insert(i, item)

    def pop(self, i=-1):
        return self.data.pop(i)

    def remove(self, item):
        self.data.remove(item)

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def count(self, item):
        return self.data.count(item)

    def index(self, item, *args):
        return self.data.index(item, *args)

    def reverse(self):
        self.data.reverse()

    def sort(self, /, *args, **kwds):
        self.data.sort(*args, **kwds)

    def extend(self, other):
        if isinstance(other, UserList):
            self.data.extend(other.data)
        else:
            self.data.extend(other)


################################################################################
### UserString
################################################################################

class UserString(_collections_abc.Sequence):

    def __init__(self, seq):
        if isinstance(seq, str):
            self.data = seq
        elif isinstance(seq, UserString):
            self.data = seq.data[:]
        else:
            self.data = str(seq)

    def __str__(self):
        return str(self.data)

    def __repr__(self):
        return repr(self.data)

    def __int__(self):
        return int(self.data)

    def __float__(self):
        return float(self.data)

    def __complex__(self):
        return complex(self.data)

    def __hash__(self):
        return hash(self.data)

    def __getnewargs__(self):
        return (self.data[:],)

    def __eq__(self, string):
        if isinstance(string, UserString):
            return self.data == string.data
        return self.data == string

    def __lt__(self, string):
        if isinstance(string, UserString):
            return self.data < string.data
        return self.data < string

    def __le__(self, string):
        if isinstance(string, UserString):
            return self.data <= string.data
        return self.data <= string

    def __gt__(self, string):
        if isinstance(string, UserString):
            return self.data > string.data
        return self.data > string

    def __ge__(self, string):
        if isinstance(string, UserString):
            return self.data >= string.data
        return self.data >= string

    def __contains__(self, char):
        if isinstance(char, UserString):
            char = char.data
        return char in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, index):
        return self.__class__(self.data[index])

    def __add__(self, other):
        if isinstance(other, UserString):
            return self.__class__(self.data + other.data)
        elif isinstance(other, str):
            return self.__class__(self.data + other)
        return self.__class__(self.data + str(other))

    def __radd__(self, other):
        if isinstance(other, str):
            return self.__class__(other + self.data)
        return self.__class__(str(other) + self.data)

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __mod__(self, args):
        return self.__class__(self.data % args)

    def __rmod__(self, template):
        return self.__class__(str(template) % self)

    # the following methods are defined in alphabetical order:
    def capitalize(self):
        return self.__class__(self.data.capitalize())

    def casefold(self):
        return self.__class__(self.data.casefold())

    def center(self, width, *args):
        return self.__class__(self.data.center(width, *args))

    def count(self, sub, start=0, end=_MAXSIZE):
        if isinstance(sub, UserString):
            sub = sub.data
        return self.data.count(sub, start, end)

    def removeprefix(self, prefix, /):
        if isinstance(prefix, UserString):
            prefix = prefix.data
        return self.__class__(self.data.removeprefix(prefix))

    def removesuffix(self, suffix, /):
        if isinstance(suffix, UserString):
            suffix = suffix.data
        return self.__class__(self.data.removesuffix(suffix))

    def encode(self, encoding='utf-8', errors='strict'):
        encoding = 'utf-8' if encoding is None else encoding
        errors = 'strict' if errors is None else errors
        return self.data.encode(encoding, errors)

    def endswith(self, suffix, start=0, end=_MAXSIZE):
        return self.data.endswith(suffix, start, end)

    def expandtabs(self, tabsize=8):
        return self.__class__(self.data.expandtabs(tabsize))

    def find(self, sub, start=0, end=_MAXSIZE):
        if isinstance(sub, UserString):
            sub = sub.data
        return self.data.find(sub, start, end)

    def format(self, /, *args, **kwds):
        return self.data.format(*args, **kwds)

    def format_map(self, mapping):
        return self.data.format_map(mapping)

    def index(self, sub, start=0, end=_MAXSIZE):
        return self.data.index(sub, start, end)

    def isalpha(self):
        return self.data.isalpha()

    def isalnum(self):
        return self.data.isalnum()

    def isascii(self):
        return self.data.isascii()

    def isdecimal(self):
        return self.data.isdecimal()

    def isdigit(self):
        return self.data.isdigit()

    def isidentifier(self):
        return self.data.isidentifier()

    def islower(self):
        return self.data.islower()

    def isnumeric(self):
        return self.data.isnumeric()

    def isprintable(self):
        return self.data.isprintable()

    def isspace(self):
        return self.data.isspace()

    def istitle(self):
        return self.data.istitle()

    def isupper(self):
        return self.data.isupper()

    def join(self, seq):
        return self.data.join(seq)

    def ljust(self, width, *args):
        return self.__class__(self.data.ljust(width, *args))

    def lower(self):
        return self.__class__(self.data.lower())

    def lstrip(self, chars=None):
        return self.__class__(self.data.lstrip(chars))

    maketrans = str.maketrans

    def partition(self, sep):
        return self.data.partition(sep)

    def replace(self, old, new, maxsplit=-1):
        if isinstance(old, UserString):
            old = old.data
        if isinstance(new, UserString):
            new = new.data
        return self.__class__(self.data.replace(old, new, maxsplit))

    def rfind(self, sub, start=0, end=_MAXSIZE):
        if isinstance(sub, UserString):
            sub = sub.data
        return self.data.rfind(sub, start, end)

    def rindex(self, sub, start=0, end=_MAXSIZE):
        return self.data.rindex(sub, start, end)

    def rjust(self, width, *args):
        return self.__class__(self.data.rjust(width, *args))

    def rpartition(self, sep):
        return self.data.rpartition(sep)

    def rstrip(self, chars=None):
        return self.__class__(self.data.rstrip(chars))

    def split(self, sep=None, maxsplit=-1):
        return self.data.split(sep, maxsplit)

    def rsplit(self, sep=None, maxsplit=-1):
        return self.data.rsplit(sep, maxsplit)

    def splitlines(self, keepends=False):
        return self.data.splitlines(keepends)

    def startswith(self, prefix, start=0, end=_MAXSIZE):
        return self.data.startswith(prefix, start, end)

    def strip(self, chars=None):
        return self.__class__(self.data.strip(chars))

    def swapcase(self):
        return self.__class__(self.data.swapcase())

    def title(self):
        return self.__class__(self.data.title())

    def translate(self, *args):
        return self.__class__(self.data.translate(*args))

    def upper(self):
        return self.__class__(self.data.upper())

    def zfill(self, width):
        return self.__class__(self.data.zfill(width))


_collections_abc.MutableSequence.register(deque)
`;

