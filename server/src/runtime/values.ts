// The object model of the mini-runtime: how Python values are represented in JavaScript. Small ints are
// JS numbers (BigInt beyond 2^53), str is a JS string, bool is a JS boolean, None is `null`, floats are
// boxed in PyFloat so that `1` and `1.0` stay distinct; everything else is an instance of a class below.
// Attribute tables are Maps, never JS properties, so Python code cannot reach JavaScript prototypes.

import { DOTTED_TP_NAMES } from './objects/tp-names.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Py = any;

/** Returned by iterator `next` methods instead of raising StopIteration on the hot path. */
export const STOP: { readonly stop: true } = Object.freeze({ stop: true as const });

let addressCounter = 0;
/** A stable fake address for reprs (`0x7f...`); real CPython addresses differ, so tests mask them. */
export function fakeAddress(): number {
  addressCounter += 1;
  return 0x7f0000000000 + addressCounter * 0x40;
}
export function resetAddresses(): void {
  addressCounter = 0;
}

// Addresses live in a side table: a numeric field on every object would change representation
// (Smi to double) the first time one is assigned and deoptimise the interpreter loop.
// The formatted text is kept: a long trace's report reprs the same iterator thousands of times.
const addresses = new WeakMap<object, string>();
export class PyObject {
  get address(): string {
    let a = addresses.get(this);
    if (a === undefined) {
      a = '0x' + fakeAddress().toString(16);
      addresses.set(this, a);
    }
    return a;
  }
}

/** The Ellipsis singleton (`...`); its type, `ellipsis`, is in interp.ts. */
export class PyEllipsis extends PyObject {
  pyRepr(): string {
    return 'Ellipsis';
  }
}
export const ELLIPSIS = new PyEllipsis();

export class PyFloat {
  constructor(public readonly v: number) {}
}

export class PyType extends PyObject {
  mro: PyType[] = [];
  readonly dict = new Map<string, Py>();
  /** Builtin types refuse attribute assignment and have native instance layouts. */
  builtin = false;
  /** A builtin type only partly modelled (bytes): an attribute it lacks is `unsupported`, not an AttributeError. */
  partial = false;
  /** Set for a class with `__slots__` (objects/descriptors.ts): whether they list '__dict__'. */
  slotsListDict: boolean | undefined = undefined;
  /** The JS layout instances use: 'object' | 'exception' | a builtin type name. */
  layout = 'object';
  /** Native instances (a dict or tuple underneath) whose operators are Python functions in the type's dict:
   * Counter, OrderedDict, namedtuple classes. The VM dispatches their dunders as for instances of classes. */
  pyDunders = false;
  module = 'builtins';
  qualname: string;
  constructor(public name: string, public bases: PyType[], qualname?: string) {
    super();
    this.qualname = qualname ?? name;
    this.computeMro();
  }
  /**
   * The name CPython's messages use (tp_name): `__name__`, except for the C types a module defines
   * ('itertools.count', 'collections.deque', '_io.TextIOWrapper'; scripts/tp-names.py lists them).
   */
  get tpName(): string {
    const dotted = `${this.module}.${this.qualname}`;
    return DOTTED_TP_NAMES.has(dotted) ? dotted : this.name;
  }
  computeMro(): void {
    // C3 linearisation, as in CPython's mro_internal.
    const seqs: PyType[][] = this.bases.map((b) => b.mro.slice());
    seqs.push(this.bases.slice());
    const out: PyType[] = [this];
    for (;;) {
      const nonEmpty = seqs.filter((s) => s.length > 0);
      if (nonEmpty.length === 0) break;
      let candidate: PyType | undefined;
      for (const s of nonEmpty) {
        const head = s[0]!;
        if (!nonEmpty.some((t) => t.indexOf(head) > 0)) {
          candidate = head;
          break;
        }
      }
      if (candidate === undefined) throw new MroError();
      out.push(candidate);
      for (const s of nonEmpty) if (s[0] === candidate) s.shift();
    }
    this.mro = out;
    for (const b of out) if (b.layout !== 'object') { this.layout = b.layout; break; }
    if (out.some((b) => b.pyDunders)) this.pyDunders = true;
  }
  lookup(name: string): Py | undefined {
    const mro = this.mro;
    for (let i = 0; i < mro.length; i++) {
      const v = mro[i]!.dict.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }
  /** A base standing for a metaclass the runtime does not model (collections.abc's ABCMeta root): left out of __mro__ and __bases__. */
  hiddenBase = false;
  /** Set on abc.ABC: decides issubclass(sub, abc) for the abstract classes below it (registration, __subclasshook__). */
  abcCheck?: (sub: PyType, abc: PyType) => boolean;
  isSubtypeOf(other: PyType): boolean {
    if (this === other || this.mro.includes(other)) return true;
    if (other.mro.length > 1) {
      const root = other.mro.find((t) => t.abcCheck !== undefined);
      if (root !== undefined) return root.abcCheck!(this, other);
    }
    return false;
  }
}
export class MroError extends Error {}

export class PyInstance extends PyObject {
  readonly dict = new Map<string, Py>();
  constructor(public cls: PyType) {
    super();
  }
}

export class PyException extends PyInstance {
  args: Py[] = [];
  context: PyException | null = null;
  cause: PyException | null = null;
  suppressContext = false;
  /** Set once the exception has been given its __context__ (at its first raise). */
  contextSet = false;
  /** Line where it was raised, in the innermost frame of the user's code, and that frame's file. */
  line = 0;
  file = '';
  tracebackSet = false;
  /** Traceback entries (frame, line) in the order they were added: innermost first. */
  tb: [object, number][] = [];
  /** Set by a bare `raise`/RERAISE: the frame it unwinds next adds no traceback entry. */
  reraise = false;
  /**
   * The line an inlined comprehension's frame was at when the exception left it (0: none pending): CPython
   * runs list, set and dict comprehensions in the enclosing frame, so they add no traceback entry of their
   * own and the enclosing frame's entry has their line.
   */
  compLine = 0;
}

/** A traceback entry as Python sees it (tb_frame, tb_lineno, tb_next). */
export class PyTraceback extends PyObject {
  constructor(public frame: object, public lineno: number, public next: PyTraceback | null) {
    super();
  }
}

export class PyList extends PyObject {
  constructor(public items: Py[]) {
    super();
  }
}
export class PyTuple extends PyObject {
  constructor(public readonly items: Py[]) {
    super();
  }
}
export const EMPTY_TUPLE = new PyTuple([]);

/**
 * The members of a dict or set whose hashing and equality run Python code (an instance with its own `__hash__`,
 * a tuple holding one): each is its own JS key, filed here under its Python hash, in insertion order, so that a
 * lookup compares (with `__eq__`) only the entries of this table whose stored hash is equal, as CPython's probing
 * does. Entries deleted from the table stay listed until the next lookup skips them.
 */
export class ComplexKeys {
  readonly byHash = new Map<string, Py[]>();
  readonly hashOf = new Map<Py, Py>();
  clone(): ComplexKeys {
    const out = new ComplexKeys();
    for (const [h, keys] of this.byHash) out.byHash.set(h, [...keys]);
    for (const [k, h] of this.hashOf) out.hashOf.set(k, h);
    return out;
  }
}

/** What the VM's table lookups need of a dict's or a set's map (see `VM.lookupKey`). */
export interface KeyTable extends Map<Py, Py> {
  complex: ComplexKeys | undefined;
  /** Bumped by every deletion and clear: with the size, it identifies the set of keys. */
  version: number;
  /** A key was deleted since the table was last empty: CPython's probe order may then reuse a dummy slot. */
  deletions: boolean;
  /** The key object stored under a JS key. */
  original(hk: Py): Py;
  /** Cache of the Python hashes of the built-in keys, valid while `version` and `size` are unchanged. */
  builtinHashes: { version: number; size: number; byHash: Map<string, Py[]> } | undefined;
}

/** A dict's values by JS key; it tracks deletions and the user-hashed keys (see `ComplexKeys`). */
export class DictTable extends Map<Py, Py> implements KeyTable {
  complex: ComplexKeys | undefined = undefined;
  version = 0;
  deletions = false;
  builtinHashes: KeyTable['builtinHashes'] = undefined;
  constructor(private readonly originals: Map<Py, Py>) {
    super();
  }
  original(hk: Py): Py {
    return this.originals.get(hk);
  }
  override delete(hk: Py): boolean {
    if (!super.delete(hk)) return false;
    this.version++;
    this.deletions = true;
    this.complex?.hashOf.delete(hk);
    return true;
  }
  override clear(): void {
    super.clear();
    this.version++;
    this.deletions = false;
    this.complex = undefined;
  }
}

export class PyDict extends PyObject {
  /** Original key objects, by hash key; insertion order is shared with `vals`. */
  readonly keys = new Map<Py, Py>();
  readonly vals = new DictTable(this.keys);
  get size(): number {
    return this.vals.size;
  }
}
export class PySet extends PyObject {
  readonly map: SetMap = new SetMap();
  constructor(public frozen: boolean) {
    super();
  }
}

/**
 * A set's members (hash key -> value, like a Map) plus an emulation of CPython's set hash table
 * (open addressing, linear probes, dummies, the same resize rule), so that iteration and repr follow
 * CPython's slot order. The emulation only holds while every member has a CPython hash we can compute
 * (ints, and strs as a PYTHONHASHSEED=0 CPython hashes them); otherwise insertion order is used.
 */
export class SetMap extends Map<Py, Py> implements KeyTable {
  complex: ComplexKeys | undefined = undefined;
  version = 0;
  deletions = false;
  builtinHashes: KeyTable['builtinHashes'] = undefined;
  original(hk: Py): Py {
    return super.get(hk);
  }
  private slots: Py[] = new Array<Py>(8).fill(undefined);
  private slotHash: bigint[] = new Array<bigint>(8).fill(0n);
  private slotKey: Py[] = new Array<Py>(8).fill(undefined);
  private where = new Map<Py, number>();
  private fill = 0;
  private finger = 0;
  /** False once a member without a known CPython hash arrives. */
  private exact = true;
  /** Counts additions and removals, so that an iterator sees a change that kept the size (set_iterator). */
  mutations = 0;
  override set(hk: Py, v: Py): this {
    // A set keeps the member it has: adding an equal one (1.0 to {1}) changes nothing.
    if (super.has(hk)) return this;
    this.mutations++;
    if (!super.has(hk) && this.exact) {
      // A member whose __hash__ is Python code was filed with the hash it returned before it is stored.
      const filed = this.complex?.hashOf.get(hk);
      const h = filed !== undefined ? BigInt(filed as number | bigint) : cpythonHash(v);
      if (h === null) this.exact = false;
      else this.insert(hk, v, h);
    }
    return super.set(hk, v);
  }
  override delete(hk: Py): boolean {
    if (super.has(hk)) {
      this.mutations++;
      this.version++;
      this.deletions = true;
      this.complex?.hashOf.delete(hk);
    }
    const at = this.where.get(hk);
    if (at !== undefined) {
      this.slots[at] = DUMMY;
      this.slotKey[at] = undefined;
      this.where.delete(hk);
    }
    return super.delete(hk);
  }
  override clear(): void {
    if (this.size > 0) this.mutations++;
    super.clear();
    this.version++;
    this.deletions = false;
    this.complex = undefined;
    this.reset(8);
    this.fill = 0;
    this.finger = 0;
    this.exact = true;
  }
  private reset(size: number): void {
    this.slots = new Array<Py>(size).fill(undefined);
    this.slotHash = new Array<bigint>(size).fill(0n);
    this.slotKey = new Array<Py>(size).fill(undefined);
    this.where = new Map();
  }
  /** set_add_entry for a new key: first dummy on the probe path, else the first empty slot. */
  private insert(hk: Py, v: Py, h: bigint): void {
    const mask = BigInt(this.slots.length - 1);
    const uh = h & M64;
    let perturb = uh;
    let i = uh & mask;
    let free = -1;
    for (;;) {
      const probes = i + 9n <= mask ? 9 : 0;
      let j = Number(i);
      for (let p = 0; p <= probes; p++, j++) {
        const cur = this.slots[j];
        if (cur === undefined) {
          if (free >= 0) {
            this.place(free, hk, v, h);
            return;
          }
          this.place(j, hk, v, h);
          this.fill++;
          if (this.fill * 5 >= (this.slots.length - 1) * 3) {
            const used = this.where.size;
            this.resize(used > 50000 ? used * 2 : used * 4);
          }
          return;
        }
        if (cur === DUMMY && free < 0) free = j;
      }
      perturb >>= 5n;
      i = (i * 5n + 1n + perturb) & mask;
    }
  }
  private place(j: number, hk: Py, v: Py, h: bigint): void {
    this.slots[j] = v;
    this.slotHash[j] = h;
    this.slotKey[j] = hk;
    this.where.set(hk, j);
  }
  /** set_table_resize: active entries re-inserted in slot order into a fresh table (dummies dropped). */
  private resize(minused: number): void {
    let size = 8;
    while (size <= minused) size <<= 1;
    const old: [Py, Py, bigint][] = [];
    for (let j = 0; j < this.slots.length; j++) {
      const v = this.slots[j];
      if (v !== undefined && v !== DUMMY) old.push([this.slotKey[j], v, this.slotHash[j]!]);
    }
    this.reset(size);
    for (const [hk, v, h] of old) this.insertClean(hk, v, h);
    this.fill = old.length;
  }
  private insertClean(hk: Py, v: Py, h: bigint): void {
    const mask = BigInt(this.slots.length - 1);
    const uh = h & M64;
    let perturb = uh;
    let i = uh & mask;
    for (;;) {
      let j = Number(i);
      if (this.slots[j] === undefined) return this.place(j, hk, v, h);
      if (i + 9n <= mask) {
        for (let p = 0; p < 9; p++) {
          j++;
          if (this.slots[j] === undefined) return this.place(j, hk, v, h);
        }
      }
      perturb >>= 5n;
      i = (i * 5n + 1n + perturb) & mask;
    }
  }
  /**
   * The one resize set_merge and set_update_internal (for an exact dict) do up front, before `incoming`
   * members are added to a set that already has some: the table size decides the order they land in.
   */
  presize(incoming: number): void {
    if (this.exact && (this.fill + incoming) * 5 >= (this.slots.length - 1) * 3) this.resize((this.size + incoming) * 2);
  }
  /** set_merge into this set from `src`: one resize up front, then src's members in slot order. */
  mergeInto(src: SetMap): void {
    // Only into an empty set may user-hashed members be copied as they are (VM.mergeSet sees to it).
    if (src.complex !== undefined && this.size === 0) this.complex = src.complex.clone();
    const order = src.memberEntries();
    if (!this.exact || !src.exact || this.size !== 0) {
      if (src.exact) this.presize(src.size);
      for (const [hk, v] of order) if (!this.has(hk)) this.set(hk, v);
      if (!src.exact) this.exact = false;
      return;
    }
    const n = order.length;
    if (n * 5 >= (this.slots.length - 1) * 3) {
      let size = 8;
      while (size <= n * 2) size <<= 1;
      this.reset(size);
    }
    if (this.slots.length === src.slots.length && src.fill === src.where.size) {
      // Same size and no dummies: CPython copies the table as is.
      for (let j = 0; j < src.slots.length; j++) {
        const v = src.slots[j];
        if (v !== undefined) this.place(j, src.slotKey[j], v, src.slotHash[j]!);
      }
    } else {
      for (const [hk, v] of order) {
        const at = src.where.get(hk)!;
        this.insertClean(hk, v, src.slotHash[at]!);
      }
    }
    this.fill = n;
    for (const [hk, v] of order) super.set(hk, v);
  }
  /**
   * The members of hash `h` in the order set_lookkey meets them on its probe sequence (null while the slot order is
   * not known): the order in which a lookup compares them.
   */
  probeOrder(h: bigint): Py[] | null {
    if (!this.exact) return null;
    const out: Py[] = [];
    const mask = BigInt(this.slots.length - 1);
    const uh = h & M64;
    let perturb = uh;
    let i = uh & mask;
    for (;;) {
      const probes = i + 9n <= mask ? 9 : 0;
      let j = Number(i);
      for (let p = 0; p <= probes; p++, j++) {
        const cur = this.slots[j];
        if (cur === undefined) return out;
        if (cur !== DUMMY && this.slotHash[j] === h) out.push(this.slotKey[j]);
      }
      perturb >>= 5n;
      i = (i * 5n + 1n + perturb) & mask;
    }
  }
  /** Whether the slot order is CPython's (every member has a hash that does not depend on an address). */
  get ordered(): boolean {
    return this.exact;
  }
  /** Marks the slot order unknown: the set was built from a set whose order is unknown. */
  forgetOrder(): void {
    this.exact = false;
  }
  /** Members for set algebra: slot order when known, else insertion order (the result's order is then unknown too). */
  memberEntries(): [Py, Py][] {
    return this.exact ? this.orderedEntries() : [...super.entries()];
  }
  /**
   * Members in CPython's iteration order (slot order). Without the emulation (a member hashed by its address)
   * that order is unknowable: more than one member is refused rather than guessed.
   */
  orderedEntries(orderMayBeUnknown = false): [Py, Py][] {
    if (!this.exact) {
      if (this.size > 1 && !orderMayBeUnknown) throw new UnknownOrderError();
      return [...super.entries()];
    }
    const out: [Py, Py][] = [];
    for (let j = 0; j < this.slots.length; j++) {
      const v = this.slots[j];
      if (v !== undefined && v !== DUMMY) out.push([this.slotKey[j], v]);
    }
    return out;
  }
  /** `orderMayBeUnknown`: the caller's result does not depend on the order (the runtime's own library code). */
  orderedValues(orderMayBeUnknown = false): Py[] {
    return this.orderedEntries(orderMayBeUnknown).map((e) => e[1]);
  }
  /** set.pop(): CPython scans from a moving finger. */
  popEntry(): [Py, Py] | undefined {
    if (this.size === 0) return undefined;
    if (!this.exact) {
      if (this.size > 1) throw new UnknownOrderError();
      const first = super.entries().next().value as [Py, Py];
      this.delete(first[0]);
      return first;
    }
    let j = this.finger & (this.slots.length - 1);
    while (this.slots[j] === undefined || this.slots[j] === DUMMY) {
      j++;
      if (j >= this.slots.length) j = 0;
    }
    const entry: [Py, Py] = [this.slotKey[j], this.slots[j]];
    this.finger = j + 1;
    this.delete(entry[0]);
    return entry;
  }
}
const DUMMY = Object.freeze({ dummy: true });
export class PyRange extends PyObject {
  constructor(public start: number, public stop: number, public step: number) {
    super();
  }
  get length(): number {
    const { start, stop, step } = this;
    if (step > 0) return start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
    return start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  }
}
export class PySlice extends PyObject {
  constructor(public start: Py, public stop: Py, public step: Py) {
    super();
  }
}
export class PyCell {
  constructor(public value: Py) {}
}

export type NativeFn = (args: Py[], kwargs: Map<string, Py> | null) => Py;
export class PyNative extends PyObject {
  /** `self` for methods of builtin objects, prepended to the arguments. */
  constructor(public name: string, public fn: NativeFn, public self: Py = undefined, public qualname = name) {
    super();
  }
  /** This callable bound to `self` (a method of a built-in object). */
  bind(self: Py): PyNative {
    return new PyNative(this.name, this.fn, self, this.qualname);
  }
}
export class PyBoundMethod extends PyObject {
  constructor(public self: Py, public func: Py) {
    super();
  }
}
export class PyStaticMethod extends PyObject {
  constructor(public func: Py) {
    super();
  }
}
export class PyClassMethod extends PyObject {
  constructor(public func: Py) {
    super();
  }
}
export class PyProperty extends PyObject {
  constructor(public fget: Py, public fset: Py, public fdel: Py) {
    super();
  }
}
export class PyModule extends PyObject {
  constructor(public name: string, readonly dict: Map<string, Py> = new Map<string, Py>()) {
    super();
  }
}

/**
 * bytes and bytearray values (objects/bytes.ts holds their types and methods; the VM reaches them through
 * the py* methods installed there). Their bytes, as a Latin-1 string, are what hashing keys on.
 */
export class PyBytes extends PyObject {
  static pyTypeOf: PyType | null = null;
  constructor(readonly data: Uint8Array) {
    super();
  }
  get pyType(): PyType | undefined {
    return PyBytes.pyTypeOf ?? undefined;
  }
}
export class PyByteArray extends PyObject {
  static pyTypeOf: PyType | null = null;
  /** Buffer exports held (bytearray.join holds its own while it iterates): a resize then raises BufferError. */
  exports = 0;
  constructor(public data: number[]) {
    super();
  }
  get pyType(): PyType | undefined {
    return PyByteArray.pyTypeOf ?? undefined;
  }
}

/** The bytes as a string of the code points 0-255 (what CPython hashes a bytes object and its Latin-1 str over). */
export function latin1(data: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < data.length; i++) out += String.fromCharCode(data[i]!);
  return out;
}

/** A module of the user's project (imports.ts): its namespace is the globals its code ran in. */
export class PyUserModule extends PyModule {
  /** True while its code runs (a circular import sees it so). */
  initializing = true;
  constructor(name: string, readonly file: string, readonly isPackage: boolean, readonly globals: GlobalsMap) {
    super(name, globals);
  }
}

/**
 * The key side of an instance's live `__dict__`: str keys hash to themselves, so the instance's own
 * attribute map serves as the dict's values and every key is its own key object.
 */
class SelfKeys extends Map<Py, Py> {
  constructor(private readonly attributes: Map<Py, Py>) {
    super();
  }
  override get(k: Py): Py {
    return this.attributes.has(k) ? k : undefined;
  }
  override has(k: Py): boolean {
    return this.attributes.has(k);
  }
  override set(): this {
    return this;
  }
  override delete(): boolean {
    return true;
  }
  override clear(): void {}
  override get size(): number {
    return this.attributes.size;
  }
  override keys(): MapIterator<Py> {
    return this.attributes.keys();
  }
  override values(): MapIterator<Py> {
    return this.attributes.keys();
  }
  override *entries(): MapIterator<[Py, Py]> {
    for (const k of this.attributes.keys()) yield [k, k];
  }
  override [Symbol.iterator](): MapIterator<[Py, Py]> {
    return this.entries();
  }
  override forEach(callback: (value: Py, key: Py, map: Map<Py, Py>) => void): void {
    for (const k of this.attributes.keys()) callback(k, k, this);
  }
}

/** An instance's `__dict__`: a dict whose storage is the instance's attribute map, so that both see every change. */
export class InstanceDict extends PyDict {
  constructor(attributes: Map<string, Py>) {
    super();
    const shared = attributes as Map<Py, Py>;
    Object.defineProperty(this, 'vals', { value: shared });
    Object.defineProperty(this, 'keys', { value: new SelfKeys(shared) });
  }
}

const instanceDicts = new WeakMap<PyInstance, PyDict>();

/** `o.__dict__`, the same live dict each time. */
export function liveInstanceDict(o: PyInstance): PyDict {
  let d = instanceDicts.get(o);
  if (d === undefined) {
    d = new InstanceDict(o.dict);
    instanceDicts.set(o, d);
  }
  return d;
}

/** Whether instances of `t` have a __dict__: unless every user class in its MRO has __slots__ without '__dict__'. */
export function hasInstanceDict(t: PyType): boolean {
  for (const base of t.mro) {
    if (base.builtin) {
      if (base.layout === 'exception') return true;
      continue;
    }
    if (base.slotsListDict === undefined || base.slotsListDict) return true;
  }
  return false;
}

/** The descriptor methods of a user object's class (__get__, __set__, __delete__), or null when it has none. */
export function descriptorOf(v: PyInstance): { get: Py | undefined; set: Py | undefined; del: Py | undefined } | null {
  const cls = v.cls;
  const get = cls.lookup('__get__');
  const set = cls.lookup('__set__');
  const del = cls.lookup('__delete__');
  if (get === undefined && set === undefined && del === undefined) return null;
  return { get, set, del };
}
export class PySuper extends PyObject {
  constructor(public thisType: PyType, public obj: Py) {
    super();
  }
}

/** Base of every builtin iterator: `next` returns the next item or STOP. */
export abstract class PyIterator extends PyObject {
  abstract next(): Py;
  abstract get typeName(): string;
}
/**
 * Whether an object's repr can never change (`<list_iterator object at 0x...>`): the tracer then
 * keeps the object and repr's it at the end instead of at every event. A prototype flag, so the
 * check is one property load.
 */
declare module './values.js' {
  interface PyObject {
    reprStable: boolean;
  }
}
(PyObject.prototype as { reprStable: boolean }).reprStable = false;
(PyIterator.prototype as { reprStable: boolean }).reprStable = true;
(PyFloat.prototype as unknown as { reprStable: boolean }).reprStable = true;
(PyRange.prototype as { reprStable: boolean }).reprStable = true;
(PyNative.prototype as { reprStable: boolean }).reprStable = true;
(PyType.prototype as { reprStable: boolean }).reprStable = true;

/** The unique hash keys of tuples, frozensets and floats, interned by their structural encoding. */
const internedKeys = new Map<string, object>();
function intern(encoding: string): object {
  let key = internedKeys.get(encoding);
  if (key === undefined) {
    key = Object.freeze({ encoding });
    internedKeys.set(encoding, key);
  }
  return key;
}
export function clearInternedKeys(): void {
  internedKeys.clear();
}

/**
 * The order of a set whose members CPython orders by their addresses (objects, NaN, frozensets): thrown where
 * the order would show, turned into `unsupported` by the VM.
 */
export class UnknownOrderError extends Error {
  constructor() {
    super('iteration order of a set CPython orders by addresses (objects, NaN) or by how its compiler rebuilt a set display of constants');
  }
}
export class UnhashableError extends Error {
  constructor(public typeName: string) {
    super(typeName);
  }
}

/**
 * The JS Map key standing for a Python dict key: equal Python keys (1, 1.0, True) map to one key.
 * Objects with identity hashing are their own key.
 */
export function hashKey(v: Py): Py {
  switch (typeof v) {
    case 'string':
    case 'number':
      return v;
    case 'boolean':
      return v ? 1 : 0;
    case 'bigint':
      return v;
    case 'object':
      if (v === null) return null;
      if (v instanceof PyFloat) {
        const f = v.v;
        // hash(nan) is its id() since 3.10: each NaN object is a key of its own, found only as itself.
        if (Number.isNaN(f)) return v;
        if (Number.isInteger(f) && Number.isSafeInteger(f)) return f;
        if (Number.isInteger(f) && Number.isFinite(f)) return BigInt(f);
        return intern('f' + String(f));
      }
      if (v instanceof PyTuple) return intern(encodeKey(v));
      if (v instanceof PySet) {
        if (!v.frozen) throw new UnhashableError('set');
        return intern(encodeKey(v));
      }
      if (v instanceof PyList) throw new UnhashableError(v instanceof PyListSub ? v.cls.tpName : 'list');
      if (v instanceof PyDict) throw new UnhashableError((v as { pyType?: PyType }).pyType?.tpName ?? 'dict');
      if (v instanceof PyBytes) return intern('b' + latin1(v.data));
      if (v instanceof PyByteArray) throw new UnhashableError('bytearray');
      return v;
    default:
      return v;
  }
}

const objectIds = new WeakMap<object, number>();
let objectIdCounter = 0;
function encodeKey(v: Py): string {
  switch (typeof v) {
    case 'string':
      return 's' + v.length + ':' + v;
    case 'number':
      return 'i' + v;
    case 'bigint':
      return 'i' + v.toString();
    case 'boolean':
      return v ? 'i1' : 'i0';
    case 'object': {
      if (v === null) return 'N';
      if (v instanceof PyFloat && !Number.isNaN(v.v)) {
        const k = hashKey(v);
        return typeof k === 'object' ? 'f' + v.v : 'i' + k;
      }
      if (v instanceof PyTuple) return '(' + v.items.map(encodeKey).join(',') + ')';
      if (v instanceof PySet) {
        if (!v.frozen) throw new UnhashableError('set');
        return '{' + [...v.map.values()].map(encodeKey).sort().join(',') + '}';
      }
      if (v instanceof PyList) throw new UnhashableError(v instanceof PyListSub ? v.cls.tpName : 'list');
      if (v instanceof PyDict) throw new UnhashableError((v as { pyType?: PyType }).pyType?.tpName ?? 'dict');
      if (v instanceof PyBytes) return 'b' + v.data.length + ':' + latin1(v.data);
      if (v instanceof PyByteArray) throw new UnhashableError('bytearray');
      let id = objectIds.get(v);
      if (id === undefined) {
        objectIdCounter += 1;
        id = objectIdCounter;
        objectIds.set(v, id);
      }
      return 'o' + id;
    }
    default:
      return 'x';
  }
}

/** CPython's float repr: shortest round-tripping digits, exponent outside [1e-4, 1e16). */
export function floatRepr(f: number): string {
  if (Number.isNaN(f)) return 'nan';
  if (f === Infinity) return 'inf';
  if (f === -Infinity) return '-inf';
  if (f === 0) return Object.is(f, -0) ? '-0.0' : '0.0';
  const abs = f < 0 ? -f : f;
  if (abs >= 1e-4 && abs < 1e16) {
    // Where CPython writes fixed notation, so does JavaScript (below 1e21, from 1e-6), with the same
    // shortest round-trip digits; only a whole number lacks the ".0".
    const s = String(f);
    return s.includes('.') ? s : s + '.0';
  }
  const exp = f.toExponential(); // shortest digits, e.g. "1.2345e+17"
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(exp);
  if (m === null) return String(f);
  const sign = m[1]!;
  const digits = m[2]! + (m[3] ?? '');
  const e = parseInt(m[4]!, 10);
  if (e >= -5 && e < 16) {
    // Fixed notation; CPython switches to exponent when exp < -4 (i.e. 0.0001 fixed, 0.00001 sci).
    if (e < -4) return sciRepr(sign, digits, e);
    if (e >= 0) {
      if (digits.length <= e + 1) return sign + digits + '0'.repeat(e + 1 - digits.length) + '.0';
      return sign + digits.slice(0, e + 1) + '.' + digits.slice(e + 1);
    }
    return sign + '0.' + '0'.repeat(-e - 1) + digits;
  }
  return sciRepr(sign, digits, e);
}
function sciRepr(sign: string, digits: string, e: number): string {
  const mant = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
  const es = Math.abs(e) < 10 ? '0' + Math.abs(e) : String(Math.abs(e));
  return sign + mant + 'e' + (e < 0 ? '-' : '+') + es;
}

/** Normalises an integer result: numbers while safe, BigInt beyond. */
export function normInt(b: bigint): Py {
  if (b >= -9007199254740991n && b <= 9007199254740991n) return Number(b);
  return b;
}

const M64 = (1n << 64n) - 1n;
const rotl = (x: bigint, b: bigint): bigint => ((x << b) | (x >> (64n - b))) & M64;
/**
 * CPython's str hash (SipHash-1-3) with the key PYTHONHASHSEED=0 gives: all zeros. Real CPython
 * randomises the key per process, so only a seed-0 CPython orders sets of strings like this.
 */
export function strHash(str: string): bigint {
  const cps = Array.from(str, (c) => c.codePointAt(0)!);
  const max = cps.reduce((m, c) => Math.max(m, c), 0);
  const width = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
  const bytes: number[] = [];
  for (const c of cps) for (let k = 0; k < width; k++) bytes.push((c >> (8 * k)) & 0xff);
  if (bytes.length === 0) return 0n;
  let v0 = 0x736f6d6570736575n;
  let v1 = 0x646f72616e646f6dn;
  let v2 = 0x6c7967656e657261n;
  let v3 = 0x7465646279746573n;
  const round = (): void => {
    v0 = (v0 + v1) & M64; v2 = (v2 + v3) & M64;
    v1 = rotl(v1, 13n) ^ v0; v3 = rotl(v3, 16n) ^ v2;
    v0 = rotl(v0, 32n);
    v2 = (v2 + v1) & M64; v0 = (v0 + v3) & M64;
    v1 = rotl(v1, 17n) ^ v2; v3 = rotl(v3, 21n) ^ v0;
    v2 = rotl(v2, 32n);
  };
  let i = 0;
  for (; i + 8 <= bytes.length; i += 8) {
    let mi = 0n;
    for (let k = 7; k >= 0; k--) mi = (mi << 8n) | BigInt(bytes[i + k]!);
    v3 ^= mi;
    round();
    v0 ^= mi;
  }
  let t = 0n;
  for (let k = bytes.length - 1; k >= i; k--) t = (t << 8n) | BigInt(bytes[k]!);
  const b = ((BigInt(bytes.length) << 56n) & M64) | t;
  v3 ^= b;
  round();
  v0 ^= b;
  v2 ^= 0xffn;
  round();
  round();
  round();
  let h = BigInt.asIntN(64, (v0 ^ v1) ^ (v2 ^ v3));
  if (h === -1n) h = -2n;
  return h;
}

const HASH_MODULUS = (1n << 61n) - 1n;
/** CPython 3.12+'s constant hash(None). */
export const NONE_HASH = 0xfca86420n;

/**
 * CPython's hash() of a value whose hash does not depend on its address: ints, bools, floats (NaN hashes by
 * address), strs (as a PYTHONHASHSEED=0 CPython hashes them), None, and tuples of those. Null otherwise.
 */
export function cpythonHash(v: Py): bigint | null {
  if (typeof v === 'string') return strHash(v);
  if (v === null) return NONE_HASH;
  if (v instanceof PyFloat) return floatHash(v.v);
  if (v instanceof PyTuple) return tupleHashOf(v.items);
  // hash(b'ab') == hash('ab'): both hash the same one-byte-per-character buffer.
  if (v instanceof PyBytes) return strHash(latin1(v.data));
  return intHash(v);
}

/** _Py_HashDouble: a finite float m·2^e hashes as the rational it is, modulo 2^61 - 1; NaN by address. */
function floatHash(x: number): bigint | null {
  if (Number.isNaN(x)) return null;
  if (!Number.isFinite(x)) return x > 0 ? 314159n : -314159n;
  if (x === 0) return 0n;
  const [mant, exp] = decompose(Math.abs(x));
  // 2^61 ≡ 1 (mod 2^61 - 1), so 2^e is 2^(e mod 61).
  const shift = BigInt(((exp % 61) + 61) % 61);
  let h = ((mant % HASH_MODULUS) << shift) % HASH_MODULUS;
  if (x < 0) h = -h;
  return h === -1n ? -2n : h;
}

/** tuplehash: xxHash-style lanes over the items' hashes, in 64-bit unsigned arithmetic. */
function tupleHashOf(items: readonly Py[]): bigint | null {
  const P1 = 11400714785074694791n;
  const P2 = 14029467366897019727n;
  const P5 = 2870177450012600261n;
  let acc = P5;
  for (const item of items) {
    const h = cpythonHash(item);
    if (h === null) return null;
    acc = (acc + BigInt.asUintN(64, h) * P2) & M64;
    acc = ((acc << 31n) | (acc >> 33n)) & M64;
    acc = (acc * P1) & M64;
  }
  acc = (acc + (BigInt(items.length) ^ (P5 ^ 3527539n))) & M64;
  if (acc === M64) return 1546275796n;
  return BigInt.asIntN(64, acc);
}

/** CPython's hash() of an int-like key, or null when the value is not an int, bool or integral float. */
function intHash(v: Py): bigint | null {
  let n: bigint;
  if (typeof v === 'number') n = BigInt(v);
  else if (typeof v === 'boolean') n = v ? 1n : 0n;
  else if (typeof v === 'bigint') n = v;
  else if (v instanceof PyFloat && Number.isInteger(v.v)) n = BigInt(v.v);
  else return null;
  const P = (1n << 61n) - 1n;
  let h = (n < 0n ? -n : n) % P;
  if (n < 0n) h = -h;
  if (h === -1n) h = -2n;
  return h;
}

/** Rounds m·2^e·10^k to an integer, ties to even: CPython's correctly rounded float formatting. */
function scaledRound(m: bigint, e: number, k: number): bigint {
  let num = m;
  let den = 1n;
  if (e >= 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  if (k >= 0) num *= 10n ** BigInt(k);
  else den *= 10n ** BigInt(-k);
  const q = num / den;
  const r = num % den;
  if (2n * r > den || (2n * r === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}
function decompose(x: number): [bigint, number] {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const exp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (exp === 0) return [mant, -1074];
  mant |= 1n << 52n;
  return [mant, exp - 1075];
}
/** `x.toFixed(prec)` with CPython's exact round-half-even (x ≥ 0, finite). */
export function exactFixed(x: number, prec: number): string {
  if (x === 0) return prec > 0 ? '0.' + '0'.repeat(prec) : '0';
  const [m, e] = decompose(x);
  const q = scaledRound(m, e, prec).toString();
  if (prec === 0) return q;
  const padded = q.padStart(prec + 1, '0');
  return padded.slice(0, -prec) + '.' + padded.slice(-prec);
}
/** Mantissa digits and exponent of x (≥ 0, finite) rounded to `digits` significant digits, half-even. */
export function exactDigits(x: number, digits: number): [string, number] {
  if (x === 0) return ['0'.repeat(digits), 0];
  const [m, e] = decompose(x);
  let E = Math.floor(Math.log10(x));
  for (let attempt = 0; attempt < 3; attempt++) {
    const q = scaledRound(m, e, digits - 1 - E);
    const s = q.toString();
    if (s.length === digits) return [s, E];
    if (s.length > digits) E += 1;
    else E -= 1;
  }
  const q = scaledRound(m, e, digits - 1 - E).toString();
  return [q.slice(0, digits), E];
}

/** A module-global binding; `v` is undefined once the name is deleted (the cell is then detached). */
export interface GlobalCell {
  v: Py;
}

/**
 * A module's globals: a Map whose entries are GlobalCells, so compiled code can cache the cell of a
 * name and load/store it without hashing. The Map interface still sees plain values, in insertion order.
 */
export class GlobalsMap extends Map<string, Py> {
  /** The live cell of a bound name, or undefined. */
  cell(k: string): GlobalCell | undefined {
    return super.get(k) as GlobalCell | undefined;
  }
  override get(k: string): Py {
    const c = super.get(k) as GlobalCell | undefined;
    return c === undefined ? undefined : c.v;
  }
  override set(k: string, v: Py): this {
    const c = super.get(k) as GlobalCell | undefined;
    if (c !== undefined) c.v = v;
    else super.set(k, { v });
    return this;
  }
  override delete(k: string): boolean {
    const c = super.get(k) as GlobalCell | undefined;
    if (c === undefined) return false;
    // Detached: a cached reference to it now misses and looks the name up again.
    c.v = undefined;
    return super.delete(k);
  }
  override clear(): void {
    for (const c of super.values()) (c as GlobalCell).v = undefined;
    super.clear();
  }
  override forEach(cb: (value: Py, key: string, map: Map<string, Py>) => void, thisArg?: unknown): void {
    for (const [k, c] of super.entries()) cb.call(thisArg, (c as GlobalCell).v, k, this);
  }
  override *values(): MapIterator<Py> {
    for (const c of super.values()) yield (c as GlobalCell).v;
  }
  override *entries(): MapIterator<[string, Py]> {
    for (const [k, c] of super.entries()) yield [k, (c as GlobalCell).v];
  }
  override [Symbol.iterator](): MapIterator<[string, Py]> {
    return this.entries();
  }
}

/**
 * A weak reference (weakref.ref) or proxy (weakref.proxy); modules/weakref.ts gives it its type and the VM
 * forwards a proxy's attributes. The reachability walk does not follow it: it keeps nothing alive.
 */
export class PyWeakRef extends PyObject {
  pyType: PyType | undefined = undefined;
  constructor(readonly referent: PyObject, readonly isProxy: boolean) {
    super();
  }
  traverse(): Py[] {
    return [];
  }
}

/**
 * An instance of a Python subclass of dict or list: the builtin's native storage (so that the builtin's own
 * methods, which CPython runs on the storage directly, see it) plus the instance's attributes. The VM dispatches
 * operators, subscripts, len(), iteration and `in` to the class's Python overrides (see subOverride in interp.ts).
 */
export class PyDictSub extends PyDict {
  readonly dict = new Map<string, Py>();
  constructor(public cls: PyType) {
    super();
  }
  get pyType(): PyType {
    return this.cls;
  }
}
export class PyListSub extends PyList {
  readonly dict = new Map<string, Py>();
  constructor(public cls: PyType) {
    super([]);
  }
  get pyType(): PyType {
    return this.cls;
  }
}
