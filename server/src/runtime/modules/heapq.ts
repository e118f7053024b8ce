// heapq: the C functions of _heapq natively (heappush, heappop, heapify, heapreplace, heappushpop and the _max
// variants, with the same sift algorithm and so the same comparisons in the same order, and C's messages); merge,
// nsmallest and nlargest are CPython's heapq.py, run by the VM.

import { native, type Kw } from '../args.js';
import { typeOf, type VM } from '../interp.js';
import { PyList, PyNative, STOP, type Py, type PyModule } from '../values.js';
import { pythonModule } from './support.js';

const LT = 0;

/** heap[pos] moves towards the root while smaller than its parent (CPython's siftdown). */
function siftDown(vm: VM, heap: Py[], start: number, pos: number, max: boolean): void {
  const newitem = heap[pos];
  while (pos > start) {
    const parentpos = (pos - 1) >> 1;
    const parent = heap[parentpos];
    const less = max ? vm.truthy(vm.compare(LT, parent, newitem)) : vm.truthy(vm.compare(LT, newitem, parent));
    if (!less) break;
    heap[pos] = parent;
    pos = parentpos;
  }
  heap[pos] = newitem;
}

/** The smaller child moves up until a leaf is reached, then siftDown (CPython's siftup, Floyd's bottom-up). */
function siftUp(vm: VM, heap: Py[], pos: number, max: boolean): void {
  const endpos = heap.length;
  const startpos = pos;
  const newitem = heap[pos];
  let childpos = 2 * pos + 1;
  while (childpos < endpos) {
    const rightpos = childpos + 1;
    if (rightpos < endpos) {
      const less = max ? vm.truthy(vm.compare(LT, heap[rightpos], heap[childpos])) : vm.truthy(vm.compare(LT, heap[childpos], heap[rightpos]));
      if (!less) childpos = rightpos;
    }
    heap[pos] = heap[childpos];
    pos = childpos;
    childpos = 2 * pos + 1;
  }
  heap[pos] = newitem;
  siftDown(vm, heap, startpos, pos, max);
}

function heapArg(vm: VM, name: string, args: Py[], n: number, label: string): Py[] {
  if (args.length !== n) {
    if (n === 1) throw vm.typeError(`${name}() takes exactly one argument (${args.length} given)`);
    throw vm.typeError(`${name} expected ${n} arguments, got ${args.length}`);
  }
  const h = args[0];
  if (!(h instanceof PyList)) throw vm.typeError(`${name}() ${label} must be list, not ${h === null ? 'None' : typeOf(h).tpName}`);
  return h.items;
}

function noKw(vm: VM, name: string, kw: Kw): void {
  if (kw !== null && kw.size > 0) throw vm.typeError(`${name}() takes no keyword arguments`);
}

function heapNatives(vm: VM): [string, Py][] {
  const fn = (name: string, n: number, body: (heap: Py[], args: Py[]) => Py): [string, Py] => [name, native(name, (a, kw) => {
    noKw(vm, name, kw);
    return body(heapArg(vm, name, a, n, n === 1 ? 'argument' : 'argument 1'), a);
  })];
  const pop = (heap: Py[], max: boolean): Py => {
    if (heap.length === 0) throw vm.error('IndexError', 'index out of range');
    const last = heap.pop();
    if (heap.length === 0) return last;
    const ret = heap[0];
    heap[0] = last;
    siftUp(vm, heap, 0, max);
    return ret;
  };
  const replace = (heap: Py[], item: Py, max: boolean): Py => {
    if (heap.length === 0) throw vm.error('IndexError', 'index out of range');
    const ret = heap[0];
    heap[0] = item;
    siftUp(vm, heap, 0, max);
    return ret;
  };
  const heapify = (heap: Py[], max: boolean): Py => {
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftUp(vm, heap, i, max);
    return null;
  };
  // Stands in for `it.__next__` in merge() while the built-in iterators lack their dunder attributes.
  const nextMethod = native('_next_method', (a) => {
    const it = a[0];
    const bound = vm.getAttrOrUndefined(it, '__next__');
    if (bound !== undefined) return bound;
    // Bound to the iterator, as a method-wrapper is: merge() reads its __self__.
    return new PyNative('__next__', () => {
      const x = vm.iterNext(it);
      if (x === STOP) throw vm.stopIteration(null);
      return x;
    }, it);
  });
  return [
    ['_next_method', nextMethod],
    fn('heappush', 2, (heap, a) => {
      heap.push(a[1]);
      siftDown(vm, heap, 0, heap.length - 1, false);
      return null;
    }),
    fn('heappop', 1, (heap) => pop(heap, false)),
    fn('heapreplace', 2, (heap, a) => replace(heap, a[1], false)),
    fn('heappushpop', 2, (heap, a) => {
      let item = a[1];
      if (heap.length > 0 && vm.truthy(vm.compare(LT, heap[0], item))) {
        const top = heap[0];
        heap[0] = item;
        item = top;
        siftUp(vm, heap, 0, false);
      }
      return item;
    }),
    fn('heapify', 1, (heap) => heapify(heap, false)),
    fn('_heappop_max', 1, (heap) => pop(heap, true)),
    fn('_heapreplace_max', 2, (heap, a) => replace(heap, a[1], true)),
    fn('_heapify_max', 1, (heap) => heapify(heap, true)),
  ];
}

// CPython 3.13 Lib/heapq.py: merge, nsmallest, nlargest (docstrings shortened).
const HEAPQ_SOURCE = String.raw`
__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']

def merge(*iterables, key=None, reverse=False):
    '''Merge multiple sorted inputs into a single sorted output.

    Similar to sorted(itertools.chain(*iterables)) but returns a generator,
    does not pull the data into memory all at once, and assumes that each of
    the input streams is already sorted (smallest to largest).

    >>> list(merge([1,3,5,7], [0,2,4,8], [5,10,15,20], [], [25]))
    [0, 1, 2, 3, 4, 5, 5, 7, 8, 10, 15, 20, 25]

    If *key* is not None, applies a key function to each element to determine
    its sort order.

    >>> list(merge(['dog', 'horse'], ['cat', 'fish', 'kangaroo'], key=len))
    ['dog', 'cat', 'fish', 'horse', 'kangaroo']

    '''

    h = []
    h_append = h.append

    if reverse:
        _heapify = _heapify_max
        _heappop = _heappop_max
        _heapreplace = _heapreplace_max
        direction = -1
    else:
        _heapify = heapify
        _heappop = heappop
        _heapreplace = heapreplace
        direction = 1

    if key is None:
        for order, it in enumerate(map(iter, iterables)):
            try:
                next = _next_method(it)
                h_append([next(), order * direction, next])
            except StopIteration:
                pass
        _heapify(h)
        while len(h) > 1:
            try:
                while True:
                    value, order, next = s = h[0]
                    yield value
                    s[0] = next()           # raises StopIteration when exhausted
                    _heapreplace(h, s)      # restore heap condition
            except StopIteration:
                _heappop(h)                 # remove empty iterator
        if h:
            # fast case when only a single iterator remains
            value, order, next = h[0]
            yield value
            yield from next.__self__
        return

    for order, it in enumerate(map(iter, iterables)):
        try:
            next = _next_method(it)
            value = next()
            h_append([key(value), order * direction, value, next])
        except StopIteration:
            pass
    _heapify(h)
    while len(h) > 1:
        try:
            while True:
                key_value, order, value, next = s = h[0]
                yield value
                value = next()
                s[0] = key(value)
                s[2] = value
                _heapreplace(h, s)
        except StopIteration:
            _heappop(h)
    if h:
        key_value, order, value, next = h[0]
        yield value
        yield from next.__self__


def nsmallest(n, iterable, key=None):
    """Find the n smallest elements in a dataset.

    Equivalent to:  sorted(iterable, key=key)[:n]
    """

    # Short-cut for n==1 is to use min()
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        result = min(it, default=sentinel, key=key)
        return [] if result is sentinel else [result]

    # When n>=size, it's faster to use sorted()
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]

    # When key is none, use simpler decoration
    if key is None:
        it = iter(iterable)
        # put the range(n) first so that zip() doesn't
        # consume one too many elements from the iterator
        result = [(elem, i) for i, elem in zip(range(n), it)]
        if not result:
            return result
        _heapify_max(result)
        top = result[0][0]
        order = n
        _heapreplace = _heapreplace_max
        for elem in it:
            if elem < top:
                _heapreplace(result, (elem, order))
                top, _order = result[0]
                order += 1
        result.sort()
        return [elem for (elem, order) in result]

    # General case, slowest method
    it = iter(iterable)
    result = [(key(elem), i, elem) for i, elem in zip(range(n), it)]
    if not result:
        return result
    _heapify_max(result)
    top = result[0][0]
    order = n
    _heapreplace = _heapreplace_max
    for elem in it:
        k = key(elem)
        if k < top:
            _heapreplace(result, (k, order, elem))
            top, _order, _elem = result[0]
            order += 1
    result.sort()
    return [elem for (k, order, elem) in result]

def nlargest(n, iterable, key=None):
    """Find the n largest elements in a dataset.

    Equivalent to:  sorted(iterable, key=key, reverse=True)[:n]
    """

    # Short-cut for n==1 is to use max()
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        result = max(it, default=sentinel, key=key)
        return [] if result is sentinel else [result]

    # When n>=size, it's faster to use sorted()
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]

    # When key is none, use simpler decoration
    if key is None:
        it = iter(iterable)
        result = [(elem, i) for i, elem in zip(range(0, -n, -1), it)]
        if not result:
            return result
        heapify(result)
        top = result[0][0]
        order = -n
        _heapreplace = heapreplace
        for elem in it:
            if top < elem:
                _heapreplace(result, (elem, order))
                top, _order = result[0]
                order -= 1
        result.sort(reverse=True)
        return [elem for (elem, order) in result]

    # General case, slowest method
    it = iter(iterable)
    result = [(key(elem), i, elem) for i, elem in zip(range(0, -n, -1), it)]
    if not result:
        return result
    heapify(result)
    top = result[0][0]
    order = -n
    _heapreplace = heapreplace
    for elem in it:
        k = key(elem)
        if top < k:
            _heapreplace(result, (k, order, elem))
            top, _order, _elem = result[0]
            order -= 1
    result.sort(reverse=True)
    return [elem for (k, order, elem) in result]

# If available, use C implementation
`;

export function heapqModule(vm: VM): PyModule {
  return pythonModule(vm, 'heapq', HEAPQ_SOURCE, heapNatives(vm));
}
