// bytes, bytearray, memoryview (and complex): the types exist, so isinstance/issubclass, their reprs and
// `except`/dispatch tables over them behave as in CPython, although the runtime has no values of them
// yet. Constructing one (bytes(), b'' literals, 1j) is refused as `unsupported`, and so is any attribute
// of theirs other than the type's own (bytes.fromhex), rather than an AttributeError CPython would not raise. A full bytes
// implementation belongs in this file.

import { native } from '../args.js';
import { UnsupportedSignal, objectType, type VM } from '../interp.js';
import { PyType } from '../values.js';

function valuelessType(name: string): PyType {
  const t = new PyType(name, [objectType]);
  t.builtin = true;
  t.layout = name;
  t.partial = true;
  return t;
}

export const bytesType = valuelessType('bytes');
export const bytearrayType = valuelessType('bytearray');
export const memoryviewType = valuelessType('memoryview');
export const complexType = valuelessType('complex');

export function installBytesTypes(vm: VM): void {
  for (const t of [bytesType, bytearrayType, memoryviewType, complexType]) {
    t.dict.set('__new__', native('__new__', () => {
      throw new UnsupportedSignal(`${t.name}()`, vm.currentLine());
    }));
    vm.builtins.set(t.name, t);
  }
}
