// inspect: the generator introspection functions (getgeneratorstate, getgeneratorlocals, isgenerator...)
// read the VM's generator objects directly.

import { native } from '../args.js';
import { GEN_CLOSED, GEN_CREATED, GEN_RUNNING, GEN_SUSPENDED, PyFunction, PyGenerator, type VM } from '../interp.js';
import { PyDict, PyType, type PyModule } from '../values.js';
import { module } from './support.js';

export function inspectModule(vm: VM): PyModule {
  return module('inspect', [
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
  ]);
}
