// BaseExceptionGroup and ExceptionGroup (PEP 654): construction with CPython's checks (a BaseExceptionGroup
// of Exceptions is an ExceptionGroup), str() counting sub-exceptions, message/exceptions, and derive, subgroup
// and split as Objects/exceptions.c does them. asyncio's TaskGroup raises these. (`except*` is compiled elsewhere.)

import { native } from '../args.js';
import { baseExceptionType, excTypes, typeOf, type VM } from '../interp.js';
import { PyException, PyList, PyProperty, PyTuple, PyType, type Py } from '../values.js';

/** The sub-exceptions of a group, as a tuple, kept beside the exception's args (which hold the sequence given). */
const subExceptions = new WeakMap<PyException, PyException[]>();

export const baseExceptionGroupType = new PyType('BaseExceptionGroup', [baseExceptionType]);
baseExceptionGroupType.builtin = true;
export const exceptionGroupType = new PyType('ExceptionGroup', [baseExceptionGroupType, excTypes.get('Exception')!]);
exceptionGroupType.builtin = true;
excTypes.set('BaseExceptionGroup', baseExceptionGroupType);
excTypes.set('ExceptionGroup', exceptionGroupType);

function isGroup(e: Py): e is PyException {
  return e instanceof PyException && e.cls.isSubtypeOf(baseExceptionGroupType);
}

export function installExceptionGroupTypes(vm: VM): void {
  const exceptionType = excTypes.get('Exception')!;
  const self = (a: Py[], name: string): PyException => {
    if (!isGroup(a[0])) throw vm.typeError(`descriptor '${name}' for 'BaseExceptionGroup' objects doesn't apply to a '${typeOf(a[0]).tpName}' object`);
    return a[0];
  };
  const make = (cls: PyType, message: Py, exceptions: Py): PyException => {
    if (typeof message !== 'string') throw vm.typeError(`BaseExceptionGroup.__new__() argument 1 must be str, not ${typeOf(message).tpName}`);
    if (!(exceptions instanceof PyList || exceptions instanceof PyTuple) && typeOf(exceptions).lookup('__getitem__') === undefined)
      throw vm.typeError('second argument (exceptions) must be a sequence');
    const items = vm.toArray(exceptions);
    if (items.length === 0) throw vm.error('ValueError', 'second argument (exceptions) must be a non-empty sequence');
    let nestsBase = false;
    items.forEach((x, i) => {
      if (!(x instanceof PyException)) throw vm.error('ValueError', `Item ${i} of second argument (exceptions) is not an exception`);
      if (!x.cls.isSubtypeOf(exceptionType)) nestsBase = true;
    });
    let t = cls;
    if (cls === baseExceptionGroupType) {
      if (!nestsBase) t = exceptionGroupType;
    } else if (cls.isSubtypeOf(exceptionType) && nestsBase) {
      throw vm.typeError('Cannot nest BaseExceptions in an ExceptionGroup');
    }
    const e = vm.newException(t, [message, exceptions]);
    subExceptions.set(e, items as PyException[]);
    return e;
  };
  baseExceptionGroupType.dict.set('__new__', native('__new__', (a) => {
    const cls = a[0] as PyType;
    if (a.length !== 3) throw vm.typeError(`BaseExceptionGroup.__new__() takes exactly 2 arguments (${a.length - 1} given)`);
    return make(cls, a[1], a[2]);
  }, 'BaseExceptionGroup.__new__'));
  baseExceptionGroupType.dict.set('__str__', native('__str__', (a) => {
    const e = self(a, '__str__');
    const n = subExceptions.get(e)?.length ?? 0;
    return `${vm.str(e.args[0])} (${n} sub-exception${n > 1 ? 's' : ''})`;
  }, 'BaseExceptionGroup.__str__'));
  baseExceptionGroupType.dict.set('message', new PyProperty(native('message', (a) => self(a, 'message').args[0]), null, null));
  baseExceptionGroupType.dict.set('exceptions', new PyProperty(native('exceptions', (a) => new PyTuple(subExceptions.get(self(a, 'exceptions')) ?? [])), null, null));
  const derive = (e: PyException, excs: Py): PyException => vm.callMethod(e, 'derive', [excs]);
  baseExceptionGroupType.dict.set('derive', native('derive', (a) => {
    const e = self(a, 'derive');
    return make(baseExceptionGroupType, e.args[0], a[1]);
  }, 'BaseExceptionGroup.derive'));

  /** exceptiongroup_split_check_match: a type, a tuple of types, or a predicate (not a class). */
  const matcherOf = (m: Py): ((x: PyException) => boolean) => {
    const isExcType = (t: Py): boolean => t instanceof PyType && t.isSubtypeOf(baseExceptionType);
    if (isExcType(m)) return (x) => x.cls.isSubtypeOf(m as PyType);
    if (m instanceof PyTuple && m.items.every(isExcType)) return (x) => m.items.some((t) => x.cls.isSubtypeOf(t as PyType));
    if (!(m instanceof PyType) && vm.truthy(vm.call(vm.builtins.get('callable'), [m]))) return (x) => vm.truthy(vm.call(m, [x]));
    throw vm.typeError('expected an exception type, a tuple of exception types, or a callable (other than a class)');
  };
  /** exceptiongroup_subset: a derived group of `excs` carrying the original's traceback, context, cause and notes. */
  const subset = (orig: PyException, excs: PyException[]): PyException | null => {
    if (excs.length === 0) return null;
    const eg = derive(orig, new PyList(excs));
    if (!isGroup(eg)) throw vm.typeError('derive must return an instance of BaseExceptionGroup');
    eg.tb = orig.tb.slice();
    eg.context = orig.context;
    eg.cause = orig.cause;
    eg.suppressContext = orig.suppressContext;
    const notes = orig.dict.get('__notes__');
    if (notes instanceof PyList || notes instanceof PyTuple) eg.dict.set('__notes__', new PyList(notes.items.slice()));
    return eg;
  };
  const split = (e: PyException, match: (x: PyException) => boolean, withRest: boolean): [PyException | null, PyException | null] => {
    if (match(e)) return [e, null];
    if (!isGroup(e)) return [null, withRest ? e : null];
    const matched: PyException[] = [];
    const rest: PyException[] = [];
    for (const x of subExceptions.get(e) ?? []) {
      const [m, r] = split(x, match, withRest);
      if (m !== null) matched.push(m);
      if (r !== null) rest.push(r);
    }
    return [subset(e, matched), withRest ? subset(e, rest) : null];
  };
  baseExceptionGroupType.dict.set('split', native('split', (a) => {
    const [m, r] = split(self(a, 'split'), matcherOf(a[1]), true);
    return new PyTuple([m, r]);
  }, 'BaseExceptionGroup.split'));
  baseExceptionGroupType.dict.set('subgroup', native('subgroup', (a) => split(self(a, 'subgroup'), matcherOf(a[1]), false)[0], 'BaseExceptionGroup.subgroup'));
}
