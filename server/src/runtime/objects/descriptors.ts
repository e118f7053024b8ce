// User-defined descriptors (objects whose class defines __get__, __set__ or __delete__) and `__slots__`,
// as CPython's PyObject_GenericGetAttr/SetAttr treat them: a data descriptor on the type wins over the
// instance's __dict__, a non-data descriptor only when the instance has no such key. Slots are member
// descriptors (`<member 'x' of 'A' objects>`) whose values live beside the instance dict, and a class
// whose every level has __slots__ (without '__dict__') has instances without a __dict__.

import { native } from '../args.js';
import { objectType, typeOf, type VM } from '../interp.js';
import { PyDict, PyInstance, PyType, type Py } from '../values.js';

/** Slot values, per instance, apart from its __dict__ (CPython keeps them in the object's own memory). */
const slotValues = new WeakMap<PyInstance, Map<string, Py>>();

function slotsOf(o: PyInstance): Map<string, Py> {
  let values = slotValues.get(o);
  if (values === undefined) {
    values = new Map();
    slotValues.set(o, values);
  }
  return values;
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
class InstanceDict extends PyDict {
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

/** The type of slots' descriptors; made on first use (interp.ts's types exist only once it has loaded). */
let memberType: PyType | null = null;
function memberDescriptorType(): PyType {
  if (memberType === null) {
    memberType = new PyType('member_descriptor', [objectType]);
    memberType.builtin = true;
  }
  return memberType;
}

/** A `__slots__` entry of a class. */
export class MemberDescriptor extends PyInstance {
  constructor(readonly name: string, readonly owner: PyType) {
    super(memberDescriptorType());
  }
}

export function installDescriptorTypes(vm: VM): void {
  const t = memberDescriptorType();
  const check = (self: Py, obj: Py): MemberDescriptor => {
    const member = self as MemberDescriptor;
    if (!typeOf(obj).isSubtypeOf(member.owner))
      throw vm.typeError(`descriptor '${member.name}' for '${member.owner.name}' objects doesn't apply to a '${typeOf(obj).name}' object`);
    return member;
  };
  t.dict.set('__get__', native('__get__', (a) => {
    const [self, obj] = a;
    if (obj === null || obj === undefined) return self ?? null;
    const member = check(self, obj);
    const value = slotsOf(obj as PyInstance).get(member.name);
    if (value === undefined) throw vm.error('AttributeError', `'${typeOf(obj).name}' object has no attribute '${member.name}'`);
    return value;
  }));
  t.dict.set('__set__', native('__set__', (a) => {
    const member = check(a[0], a[1]);
    slotsOf(a[1] as PyInstance).set(member.name, a[2] ?? null);
    return null;
  }));
  t.dict.set('__delete__', native('__delete__', (a) => {
    const member = check(a[0], a[1]);
    // CPython's message for deleting an unset slot is the bare name.
    if (!slotsOf(a[1] as PyInstance).delete(member.name)) throw vm.error('AttributeError', member.name);
    return null;
  }));
  t.dict.set('__repr__', native('__repr__', (a) => {
    const member = a[0] as MemberDescriptor;
    return `<member '${member.name}' of '${member.owner.name}' objects>`;
  }));
}

/** The descriptor methods of a class attribute's type, for a user object (a function, property, … is handled elsewhere). */
export function descriptorOf(v: Py | undefined): { get: Py | undefined; set: Py | undefined; del: Py | undefined } | null {
  if (!(v instanceof PyInstance)) return null;
  const cls = v.cls;
  const get = cls.lookup('__get__');
  const set = cls.lookup('__set__');
  const del = cls.lookup('__delete__');
  if (get === undefined && set === undefined && del === undefined) return null;
  return { get, set, del };
}

/**
 * `__slots__` of a class body: member descriptors for its names, and whether its instances keep a
 * __dict__ (some class in the MRO has no __slots__, or lists '__dict__'). CPython's errors for a slot
 * that is also a class variable or is not a str.
 */
export function applySlots(vm: VM, t: PyType, slots: Py): void {
  const names = typeof slots === 'string' ? [slots] : vm.toArray(slots);
  const own: string[] = [];
  for (const name of names) {
    if (typeof name !== 'string') throw vm.typeError(`__slots__ items must be strings, not '${typeOf(name).name}'`);
    if (name === '__dict__' || name === '__weakref__') continue;
    if (t.dict.has(name)) throw vm.error('ValueError', `'${name}' in __slots__ conflicts with class variable`);
    own.push(name);
  }
  for (const name of own) t.dict.set(name, new MemberDescriptor(name, t));
  slottedTypes.set(t, names.includes('__dict__'));
}

/** Classes with __slots__, and whether their own __slots__ list '__dict__'. */
const slottedTypes = new WeakMap<PyType, boolean>();

/** Whether instances of `t` have a __dict__: unless every user class in its MRO has __slots__ without '__dict__'. */
export function hasInstanceDict(t: PyType): boolean {
  for (const base of t.mro) {
    if (base.builtin) {
      if (base.layout === 'exception') return true;
      continue;
    }
    const listsDict = slottedTypes.get(base);
    if (listsDict === undefined || listsDict) return true;
  }
  return false;
}
