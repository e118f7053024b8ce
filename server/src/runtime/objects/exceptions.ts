// The methods of BaseException (and so of every exception): __init__ keeps args, __repr__/__str__ as
// CPython prints them, with_traceback and add_note. The exception hierarchy itself is built in interp.ts
// (excTypes), because the VM raises these types directly.

import { native } from '../args.js';
import { baseExceptionType, systemExitCode, type VM } from '../interp.js';
import { PyException, PyList } from '../values.js';

export function installExceptionTypes(vm: VM): void {
  baseExceptionType.dict.set('__init__', native('__init__', (a) => {
    const e = a[0] as PyException;
    e.args = a.slice(1);
    if (vm.excMatches(e, 'SystemExit')) e.dict.set('code', systemExitCode(e.args));
    return null;
  }, 'BaseException.__init__'));
  baseExceptionType.dict.set('__repr__', native('__repr__', (a) => {
    const e = a[0] as PyException;
    return e.args.length === 1 ? `${e.cls.name}(${vm.repr(e.args[0])})` : `${e.cls.name}(${e.args.map((x) => vm.repr(x)).join(', ')})`;
  }, 'BaseException.__repr__'));
  baseExceptionType.dict.set('__str__', native('__str__', (a) => vm.excStr(a[0] as PyException), 'BaseException.__str__'));
  baseExceptionType.dict.set('with_traceback', native('with_traceback', (a) => {
    vm.setAttr(a[0], '__traceback__', a[1]);
    return a[0];
  }));
  baseExceptionType.dict.set('add_note', native('add_note', (a) => {
    const e = a[0] as PyException;
    let notes = e.dict.get('__notes__');
    if (notes === undefined) {
      notes = new PyList([]);
      e.dict.set('__notes__', notes);
    }
    (notes as PyList).items.push(a[1]);
    return null;
  }));
}
