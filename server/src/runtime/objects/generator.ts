// The methods of generator objects: send, __next__, throw, close and the gi_* descriptors. The protocol
// itself (PEP 479, yield-from delegation, close()'s return value) is the VM's genResume/genThrow/genClose.

import { def, native } from '../args.js';
import { baseExceptionType, generatorType, PyGenerator, typeOf, type VM } from '../interp.js';
import { PyException, PyNative, PyProperty, PyTraceback, PyTuple, PyType, STOP, type Py } from '../values.js';

/**
 * The exception that throw(typ[, val[, tb]]) raises in the frame (gen_throw's normalisation), shared by
 * generators, coroutines and the awaitables of async generators. `name` is the method, for messages.
 */
export function thrownException(vm: VM, args: Py[], name: string): PyException {
  let typ = args[0];
  const val = args.length > 1 ? args[1] : null;
  // A traceback (`g.throw(*sys.exc_info())`) or None; the runtime's tracebacks carry nothing a trace shows.
  if (args.length > 2 && args[2] !== null && !(args[2] instanceof PyTraceback)) throw vm.typeError(`${name}() third argument must be a traceback object`);
  let exc: PyException;
  if (typ instanceof PyType) {
    if (!typ.isSubtypeOf(baseExceptionType)) throw vm.typeError(`exceptions must be classes or instances deriving from BaseException, not type`);
    if (val instanceof PyException && val.cls.isSubtypeOf(typ)) exc = val;
    else exc = vm.call(typ, val === null ? [] : val instanceof PyTuple ? val.items : [val]);
  } else if (typ instanceof PyException) {
    if (val !== null) throw vm.typeError('instance exception may not have a separate value');
    exc = typ;
    typ = typ.cls;
  } else throw vm.typeError(`exceptions must be classes or instances deriving from BaseException, not ${typeOf(typ).tpName}`);
  exc.contextSet = true;
  return exc;
}

export function installGeneratorType(vm: VM): void {
  const self = (a: Py[], name: string): PyGenerator => {
    if (!(a[0] instanceof PyGenerator)) throw vm.typeError(`descriptor '${name}' for 'generator' objects doesn't apply to a '${typeOf(a[0]).tpName}' object`);
    return a[0];
  };
  def(generatorType, 'send', (a) => {
    const g = self(a, 'send');
    if (a.length !== 2) throw vm.typeError(`generator.send() takes exactly one argument (${a.length - 1} given)`);
    return vm.genSend(g, a[1], 'send');
  });
  vm.genSendNative = generatorType.dict.get('send') as PyNative;
  def(generatorType, '__next__', (a) => vm.genSend(self(a, '__next__'), null, 'next'));
  def(generatorType, '__iter__', (a) => self(a, '__iter__'));
  def(generatorType, 'throw', (a) => {
    const g = self(a, 'throw');
    if (a.length < 2 || a.length > 4) throw vm.typeError(`throw expected at least 1 argument, got ${a.length - 1}`);
    const exc = thrownException(vm, a.slice(1), 'throw');
    const r = vm.genThrow(g, exc);
    if (r === STOP) throw vm.stopIteration(vm.lastReturn);
    return r;
  });
  def(generatorType, 'close', (a) => vm.genClose(self(a, 'close')));
  // gi_* are read-only data descriptors of the type (so dir() lists them and assignment fails).
  for (const name of ['gi_code', 'gi_frame', 'gi_running', 'gi_suspended', 'gi_yieldfrom']) {
    generatorType.dict.set(name, new PyProperty(native(name, (a) => vm.specialAttr(a[0], name)), null, null));
  }
}
