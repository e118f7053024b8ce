// itertools: every iterator is native (as in CPython, so it adds no generator events of its own) and
// consumes its inputs exactly as CPython's C implementation does, since the trace shows each resumption.

import { native } from '../args.js';
import { isNumeric, typeOf, type VM } from '../interp.js';
import { PyInstance, PyList, PyModule, PyNative, PyTuple, STOP, type Py } from '../values.js';
import { module, NamedIterator } from './support.js';

/** The counts itertools takes (tee's n, repeat's times, batched's n, r): plain ints only. */
function toInt(vm: VM, v: Py): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw vm.typeError(`'${typeOf(v).tpName}' object cannot be interpreted as an integer`);
}

export function itertoolsModule(vm: VM): PyModule {
  const next = (it: Py): Py => vm.iterNext(it);
  const count = native('count', (a, kw) => {
    // Not `??`: count(None) is an error about None, not count(0).
    let n: Py = a.length > 0 ? a[0] : kw?.has('start') ? kw.get('start') : 0;
    const step: Py = a.length > 1 ? a[1] : kw?.has('step') ? kw.get('step') : 1;
    // count_new: PyNumber_Check on both (a str is no number); instances are left to their own arithmetic.
    for (const v of [n, step]) if (!(v instanceof PyInstance) && !isNumeric(v)) throw vm.typeError('a number is required');
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
  // chain.from_iterable is an attribute of the chain callable (VM.specialAttr reads `attrs`).
  const chainObj = chain as PyNative & { attrs?: Map<string, Py> };
  const fromIterable = native('from_iterable', (a) => chainFrom(vm.getIter(a[0])), 'chain.from_iterable');
  const chainNs = new PyModule('chain');
  chainNs.dict.set('from_iterable', fromIterable);
  chainObj.attrs = chainNs.dict;
  const tee = native('tee', (a) => {
    const n = a.length > 1 ? toInt(vm, a[1]) : 2;
    if (n < 0) throw vm.error('ValueError', 'n must be >= 0');
    if (n === 0) return new PyTuple([]);
    // As CPython: a tee iterator is copied (sharing its buffer), so tee(t)[0] is t itself.
    const first = a[0] instanceof TeeIterator ? a[0] : new TeeIterator(vm, new TeeData(vm.getIter(a[0])), 0);
    installTeeCopy(vm, first);
    const out: Py[] = [first];
    for (let k = 1; k < n; k++) out.push(first.copy());
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
        // compress_next: the data first; an exhausted data iterator stops before the selectors are advanced.
        const v = next(d);
        if (v === STOP) return STOP;
        const k = next(s);
        if (k === STOP) return STOP;
        if (vm.truthy(k)) return v;
      }
    });
  });
  const zipLongest = native('zip_longest', (a, kw) => {
    if (kw !== null && [...kw.keys()].some((k) => k !== 'fillvalue')) throw vm.typeError('zip_longest() got an unexpected keyword argument');
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
    if (rep < 0) throw vm.error('ValueError', 'repeat argument cannot be negative');
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
    if (r < 0) throw vm.error('ValueError', 'r must be non-negative');
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
  const withReplacement = combos('combinations_with_replacement', (pool, r) => {
    if (r < 0) throw vm.error('ValueError', 'r must be non-negative');
    const out: Py[][] = [];
    // Indices never decrease along a combination: CPython's emission order.
    const rec = (start: number, cur: Py[]): void => {
      if (cur.length === r) {
        out.push(cur.slice());
        vm.checkSize(out.length);
        return;
      }
      for (let i = start; i < pool.length; i++) {
        cur.push(pool[i]);
        rec(i, cur);
        cur.pop();
      }
    };
    if (pool.length > 0 || r === 0) rec(0, []);
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
    // CPython's groupby object: the current key and value (the value cleared once a grouper hands it out, so that
    // an exhausted grouper asked again does not advance the iterator), the target key, and the current grouper.
    const it = vm.getIter(a[0]);
    const keyfn = a.length > 1 ? a[1] : kw?.get('key') ?? null;
    let curVal: Py = undefined;
    let curKey: Py = undefined;
    let tgtKey: Py = undefined;
    let currentGrouper = 0;
    const step = (): boolean => {
      const v = next(it);
      if (v === STOP) return false;
      const k = keyfn === null ? v : vm.call(keyfn, [v]);
      curVal = v;
      curKey = k;
      return true;
    };
    return new NamedIterator('groupby', () => {
      currentGrouper++;
      // Skip to the next group.
      for (;;) {
        if (curKey === undefined) {
          // nothing read yet
        } else if (tgtKey === undefined) break;
        else if (!vm.eq(tgtKey, curKey)) break;
        if (!step()) return STOP;
      }
      tgtKey = curKey;
      const mine = currentGrouper;
      const key = tgtKey;
      const grouper = new NamedIterator('_grouper', () => {
        if (mine !== currentGrouper) return STOP;
        if (curVal === undefined && !step()) return STOP;
        if (!vm.eq(key, curKey)) return STOP;
        const value = curVal;
        curVal = undefined;
        return value;
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
    ['product', product], ['combinations', combinations], ['combinations_with_replacement', native('combinations_with_replacement', (a, kw) => {
      if (a.length < 2 && kw?.get('r') === undefined) throw vm.typeError("combinations_with_replacement() missing required argument 'r' (pos 2)");
      return vm.call(withReplacement, a, kw);
    })], ['permutations', permutations], ['groupby', groupby],
    ['batched', batched],
  ]);
  return m;
}

/** The buffer tee iterators share (CPython's teedataobject chain): values read from the source once. */
class TeeData {
  values: Py[] = [];
  /** Index in the source of values[0]: values every iterator has passed are dropped. */
  offset = 0;
  /** Set while the source is being read: reading it again from inside is an error, not a re-entry. */
  running = false;
  readonly iterators: TeeIterator[] = [];
  constructor(readonly source: Py) {}
  /** The value at source index i, reading the source if no iterator has got that far. */
  get(vm: VM, i: number): Py {
    if (i - this.offset < this.values.length) return this.values[i - this.offset];
    if (this.running) throw vm.error('RuntimeError', 'cannot re-enter the tee iterator');
    this.running = true;
    let v: Py;
    try {
      v = vm.iterNext(this.source);
    } finally {
      this.running = false;
    }
    if (v !== STOP) this.values.push(v);
    return v;
  }
  trim(): void {
    if (this.values.length < 1024) return;
    const min = Math.min(...this.iterators.map((t) => t.index));
    if (min - this.offset > 512) {
      this.values.splice(0, min - this.offset);
      this.offset = min;
    }
  }
}

class TeeIterator extends NamedIterator {
  constructor(vm: VM, readonly data: TeeData, public index: number) {
    super('_tee', () => {
      const v = data.get(vm, this.index);
      if (v === STOP) return STOP;
      this.index++;
      data.trim();
      return v;
    });
    data.iterators.push(this);
    this.vmRef = vm;
  }
  private vmRef: VM;
  /** What it holds: the source and the values buffered for the slowest tee. */
  traverse(): Py[] {
    return [this.data.source, ...this.data.values];
  }
  /** __copy__: a new tee iterator at the same position over the same buffer. */
  copy(): TeeIterator {
    return new TeeIterator(this.vmRef, this.data, this.index);
  }
}

/** _tee.__copy__, on the type the tee iterators share. */
function installTeeCopy(vm: VM, t: TeeIterator): void {
  const type = typeOf(t);
  if (!type.dict.has('__copy__')) type.dict.set('__copy__', native('__copy__', (a) => (a[0] as TeeIterator).copy(), '_tee.__copy__'));
}
