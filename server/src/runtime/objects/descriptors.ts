// User-defined descriptors (objects whose class defines __get__, __set__ or __delete__) and `__slots__`,
// as CPython's PyObject_GenericGetAttr/SetAttr treat them: a data descriptor on the type wins over the
// instance's __dict__, a non-data descriptor only when the instance has no such key. Slots are member
// descriptors (`<member 'x' of 'A' objects>`) whose values live beside the instance dict, and a class
// whose every level has __slots__ (without '__dict__') has instances without a __dict__.

import { native } from '../args.js';
import { objectType, typeOf, type VM } from '../interp.js';
import { PyInstance, PyType, type Py } from '../values.js';

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
      throw vm.typeError(`descriptor '${member.name}' for '${member.owner.name}' objects doesn't apply to a '${typeOf(obj).tpName}' object`);
    return member;
  };
  t.dict.set('__get__', native('__get__', (a) => {
    const [self, obj] = a;
    if (obj === null || obj === undefined) return self ?? null;
    const member = check(self, obj);
    const value = slotsOf(obj as PyInstance).get(member.name);
    if (value === undefined) throw vm.error('AttributeError', `'${typeOf(obj).tpName}' object has no attribute '${member.name}'`);
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

/**
 * `__slots__` of a class body: member descriptors for its names, and whether its instances keep a
 * __dict__ (some class in the MRO has no __slots__, or lists '__dict__'). CPython's errors for a slot
 * that is also a class variable or is not a str.
 */
export function applySlots(vm: VM, t: PyType, slots: Py): void {
  const names = typeof slots === 'string' ? [slots] : vm.toArray(slots);
  // type_new_slots_impl: the variable-sized built-ins (int, bytes, tuple) take no slots of their own.
  const varSized = t.mro.find((b) => b.builtin && (b.layout === 'int' || b.layout === 'bytes' || b.layout === 'tuple'));
  if (names.length > 0 && varSized !== undefined) throw vm.typeError(`nonempty __slots__ not supported for subtype of '${varSized.name}'`);
  // type_new_visit_slots: identifiers only, and __dict__ / __weakref__ once, where a base does not give them already.
  const baseHasDict = t.mro.slice(1).some((b) => (b.builtin ? b.layout === 'exception' : b.slotsListDict === undefined || b.slotsListDict));
  // A class without __slots__ gives its instances a __weakref__; the built-in bases modelled here give none.
  const baseHasWeakref = t.mro.slice(1).some((b) => !b.builtin && b.slotsListDict === undefined);
  let addDict = 0;
  let addWeak = 0;
  const own: string[] = [];
  for (const name of names) {
    if (typeof name !== 'string') throw vm.typeError(`__slots__ items must be strings, not '${typeOf(name).tpName}'`);
    if (!vm.truthy(vm.call(vm.getAttr(name, 'isidentifier'), []))) throw vm.typeError('__slots__ must be identifiers');
    if (name === '__dict__') {
      if (baseHasDict || addDict++ > 0) throw vm.typeError('__dict__ slot disallowed: we already got one');
      continue;
    }
    if (name === '__weakref__') {
      if (baseHasWeakref || addWeak++ > 0) throw vm.typeError('__weakref__ slot disallowed: we already got one');
      continue;
    }
    if (t.dict.has(name)) throw vm.error('ValueError', `'${name}' in __slots__ conflicts with class variable`);
    own.push(name);
  }
  for (const name of own) t.dict.set(name, new MemberDescriptor(name, t));
  t.slotsListDict = names.includes('__dict__');
}
