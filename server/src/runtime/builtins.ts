// The builtins module: the built-in functions (print, len, iter, next, isinstance, sorted, map, zip, ...)
// and the installation of everything a fresh VM starts with: the operator hooks, the built-in names, and
// the methods of every built-in type (one file per type under objects/, as CPython keeps Objects/).
// Every message mirrors CPython 3.13's wording because traces show them verbatim.

import { arity, kwArg, native, noKw, toInt, type Kw } from './args.js';
import { openFile, installFileMethods, StringIOObj } from './filesystem.js';
import { formatValue } from './format.js';
import {
  boolType, classmethodType, dictType, ellipsisType, excTypes, floatType, frozensetType, intType, isIntLike, isNumeric, ListIterator, listType,
  NOT_IMPLEMENTED, notImplementedType, objectType, refuseNotImplementedTruth, propertyType, PyAwaitIterator, PyFunction, PyGenerator, rangeType, setType, sliceType, staticmethodType,
  strType, superType, tupleType, typeOf, typeType, UnsupportedSignal, type VM,
  subOverride,
} from './interp.js';
import { binaryOp, delItem, getItem, len, setItem } from './objects/abstract.js';
import { installBytesTypes } from './objects/bytes.js';
import { lengthOf, matchClass, matchKeys, matchMapping, matchRest, matchSequence } from './match.js';
import { installDescriptorTypes } from './objects/descriptors.js';
import { unionMembersForIsinstance } from './objects/genericalias.js';
import { DictView, installDictType, installDictViewMethods } from './objects/dict.js';
import { installExceptionGroupTypes } from './objects/exceptiongroup.js';
import { installExceptionTypes } from './objects/exceptions.js';
import { installFloatType } from './objects/float.js';
import { installBuiltinFunctionType, installFunctionTypes } from './objects/function.js';
import { installAsyncGeneratorType } from './objects/asyncgen.js';
import { AnextAwaitable, installAnextAwaitableType } from './objects/anext.js';
import { installCoroutineType } from './objects/coroutine.js';
import { installGeneratorType } from './objects/generator.js';
import { asBig, installIntType, intOf, intPowMod } from './objects/int.js';
import { FnIterator } from './objects/iterators.js';
import { installListType, sortList } from './objects/list.js';
import { installNoneType, installObjectType } from './objects/object.js';
import { installRangeType } from './objects/range.js';
import { installSetTypes } from './objects/set.js';
import { installSliceType } from './objects/slice.js';
import { builtinAttrNames, builtinTypeDoc, installSlotWrappers, lookupAttr, nativeDoc, unmodelledOwner } from './objects/slots.js';
import { installStrType } from './objects/str.js';
import { installTupleType, tupleHash } from './objects/tuple.js';
import { buildClass, installSuperType, installTypeType } from './objects/type.js';
import {
  PyBoundMethod, PyDict, PyDictSub, PyListSub, PyException, PyFloat, PyInstance, PyIterator, PyList, PyModule, PyNative, PyObject, PyRange, PyTuple, PyType, STOP,
  PyByteArray, PyBytes, ELLIPSIS, exactFixed, latin1, normInt, strHash, type Py,
  cpythonHash, PyWeakRef,
} from './values.js';

/**
 * (whole + fraction) rounded to a multiple of `unit`, ties to even: `whole` an exact integer, `fraction` in [0, 1)
 * the part of |x| beyond it (a tie needs fraction 0). Exact, unlike Math.round on a scaled double.
 */
// `negative` is the sign of the number rounded: a whole part of 0 (round(-0.9)) has none of its own.
function roundHalfEven(whole: bigint, fraction: number, unit: bigint, negative = whole < 0n): bigint {
  const magnitude = negative ? -whole : whole;
  let q = magnitude / unit;
  const rest = magnitude % unit;
  const twice = 2n * rest;
  if (unit === 1n) {
    if (fraction > 0.5 || (fraction === 0.5 && (q & 1n) === 1n)) q += 1n;
  } else if (twice > unit || (twice === unit && (fraction > 0 || (q & 1n) === 1n))) q += 1n;
  const result = q * unit;
  return negative ? -result : result;
}

/**
 * Binds a call as an Argument Clinic signature binds it (positional-or-keyword parameters `names`, the first
 * `required` of them required), with CPython's messages; an absent optional parameter is undefined.
 */
function clinicArgs(vm: VM, fname: string, args: Py[], kw: Kw, names: readonly string[], required: number): (Py | undefined)[] {
  const given = args.length + (kw?.size ?? 0);
  if (given > names.length) throw vm.typeError(`${fname}() takes at most ${names.length} argument${names.length === 1 ? '' : 's'} (${given} given)`);
  const bound: (Py | undefined)[] = names.map((name, i) => (i < args.length ? args[i] : kw?.get(name)));
  for (let i = 0; i < required; i++) if (bound[i] === undefined) throw vm.typeError(`${fname}() missing required argument '${names[i]}' (pos ${i + 1})`);
  for (const k of kw?.keys() ?? []) {
    const i = names.indexOf(k);
    if (i < 0) throw vm.typeError(`${fname}() got an unexpected keyword argument '${k}'`);
    if (i < args.length) throw vm.typeError(`argument for ${fname}() given by name ('${k}') and position (${i + 1})`);
  }
  return bound;
}

export function installBuiltins(vm: VM): void {
  vm.binaryHook = binaryOp;
  vm.matchOps = { sequence: matchSequence, mapping: matchMapping, length: lengthOf, keys: matchKeys, cls: matchClass, rest: matchRest };
  vm.getItemHook = getItem;
  vm.setItemHook = setItem;
  vm.delItemHook = delItem;
  vm.formatHook = formatValue;
  vm.iterHook = (v) => {
    if (v instanceof DictView) return v.iter();
    if (v instanceof StringIOObj) {
      if (v.closed) throw vm.error('ValueError', 'I/O operation on closed file.');
      return v;
    }
    return undefined;
  };
  const b = vm.builtins;
  // The built-in functions that take keywords (each checks its own names); every other rejects them, as a
  // METH_O / METH_FASTCALL function without keywords does.
  const keywordBuiltins = new Set(['print', 'pow', 'round', 'sum', 'min', 'max', 'sorted', 'enumerate', 'zip', 'open', '__build_class__', 'iter',
    'eval', 'exec', 'compile', '__import__', 'breakpoint', 'help', 'exit', 'quit']);
  const fn = (name: string, f: (args: Py[], kw: Kw) => Py): void => {
    b.set(name, native(name, keywordBuiltins.has(name) ? f : (args, kw) => {
      if (kw !== null && kw.size > 0) throw vm.typeError(`${name}() takes no keyword arguments`);
      return f(args, kw);
    }));
  };
  for (const t of [objectType, typeType, intType, boolType, floatType, strType, listType, tupleType, dictType,
    setType, frozensetType, rangeType, propertyType, staticmethodType, classmethodType, superType, sliceType]) {
    b.set(t.name, t);
  }
  for (const [name, t] of excTypes) b.set(name, t);
  b.set('NotImplemented', NOT_IMPLEMENTED);
  b.set('Ellipsis', ELLIPSIS);
  // CPython's mutable built-ins set tp_hash to PyObject_HashNotImplemented: their __hash__ is None.
  for (const t of [listType, dictType, setType]) t.dict.set('__hash__', null);
  notImplementedType.dict.set('__new__', native('__new__', (a, kw) => {
    if (a.length > 1 || (kw !== null && kw.size > 0)) throw vm.typeError('NotImplementedType takes no arguments');
    return NOT_IMPLEMENTED;
  }));
  // CPython's NotImplementedType defines __bool__ (True, with a DeprecationWarning on stderr): refused.
  notImplementedType.dict.set('__bool__', native('__bool__', () => refuseNotImplementedTruth(vm.currentLine())));
  // type(...)() is the singleton again, as in CPython (ellipsis_new takes no arguments).
  ellipsisType.dict.set('__new__', native('__new__', (a, kw) => {
    if (a.length > 1 || (kw !== null && kw.size > 0)) throw vm.typeError('EllipsisType takes no arguments');
    return ELLIPSIS;
  }));

  b.set('__name__', '__main__');

  fn('print', (args, kw) => {
    let sep = kwArg(kw, 'sep', null);
    let end = kwArg(kw, 'end', null);
    const file = kwArg(kw, 'file', null);
    if (kw !== null) for (const k of kw.keys()) if (!['sep', 'end', 'file', 'flush'].includes(k)) throw vm.typeError(`print() got an unexpected keyword argument '${k}'`);
    if (sep !== null && typeof sep !== 'string') throw vm.typeError(`sep must be None or a string, not ${typeOf(sep).tpName}`);
    if (end !== null && typeof end !== 'string') throw vm.typeError(`end must be None or a string, not ${typeOf(end).tpName}`);
    sep ??= ' ';
    end ??= '\n';
    // print writes each piece through file.write as it goes (CPython's builtin_print): str() of an argument runs
    // after the earlier pieces were written, and a write that transforms or records its text sees them one by one.
    let target: Py | undefined = file ?? undefined;
    if (file === null) {
      // sys.stdout replaced (contextlib.redirect_stdout, or by assignment), or its write shadowed on the instance.
      const stdout = vm.modules.get('sys')?.dict.get('stdout');
      if (stdout === null) return null;
      const own = (stdout as { instanceAttrs?: Map<string, Py> } | undefined)?.instanceAttrs;
      const shadowed = own !== undefined && (own.has('write') || own.has('flush'));
      if (stdout !== undefined && (stdout !== vm.capturedStdout || shadowed)) target = stdout;
    }
    const write = target === undefined ? (s: string): void => vm.write(s) : (s: string): void => void vm.callMethod(target, 'write', [s]);
    args.forEach((a, i) => {
      if (i > 0) write(sep as string);
      write(vm.str(a));
    });
    write(end);
    if (target !== undefined && vm.truthy(kwArg(kw, 'flush', false))) vm.callMethod(target, 'flush', []);
    return null;
  });
  fn('repr', (args) => {
    arity(vm, 'repr', args, 1, 1);
    return vm.repr(args[0]);
  });
  fn('ascii', (args) => {
    arity(vm, 'ascii', args, 1, 1);
    let out = '';
    for (const ch of vm.repr(args[0])) {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) out += ch;
      else if (c < 0x100) out += '\\x' + c.toString(16).padStart(2, '0');
      else if (c < 0x10000) out += '\\u' + c.toString(16).padStart(4, '0');
      else out += '\\U' + c.toString(16).padStart(8, '0');
    }
    return out;
  });
  fn('format', (args) => {
    arity(vm, 'format', args, 1, 2);
    const spec = args.length > 1 ? args[1] : '';
    if (typeof spec !== 'string') throw vm.typeError(`format() argument 2 must be str, not ${spec === null ? 'None' : typeOf(spec).tpName}`);
    return vm.format(args[0], spec);
  });
  fn('len', (args) => {
    arity(vm, 'len', args, 1, 1);
    return len(vm, args[0]);
  });
  fn('iter', (args, kw) => {
    noKw(vm, 'iter', kw);
    arity(vm, 'iter', args, 1, 2);
    if (args.length === 2) {
      const [callable, sentinel] = args;
      if (!vm.truthy(vm.call(vm.builtins.get('callable')!, [callable]))) throw vm.typeError('iter(v, w): v must be callable');
      // calliter_iternext: once the sentinel came back or the callable raised StopIteration, the
      // iterator drops the callable and never calls it again.
      let done = false;
      return new FnIterator('callable_iterator', () => {
        if (done) return STOP;
        let v: Py;
        try {
          v = vm.call(callable, []);
        } catch (e) {
          if (e instanceof PyException && vm.excMatches(e, 'StopIteration')) done = true;
          throw e;
        }
        if (!vm.eq(v, sentinel)) return v;
        done = true;
        return STOP;
      });
    }
    return vm.getIter(args[0]);
  });
  fn('next', (args) => {
    arity(vm, 'next', args, 1, 2);
    let it = args[0];
    // proxy_iternext: the proxy's object, which must be an iterator.
    if (it instanceof PyWeakRef && it.isProxy) {
      it = vm.weakReferent(it);
      if (!vm.isIterator(it)) throw vm.typeError(`Weakref proxy referenced a non-iterator '${typeOf(it).tpName}' object`);
    }
    if (!vm.isIterator(it)) throw vm.typeError(`'${typeOf(it).tpName}' object is not an iterator`);
    let v: Py;
    if (it instanceof PyGenerator) {
      v = vm.genResume(it, null, null, 'next');
      if (v === STOP) {
        if (args.length === 2) return args[1];
        throw vm.stopIteration(vm.lastReturn);
      }
      return v;
    }
    if (it instanceof PyAwaitIterator) {
      // An awaitable's iterator finishes with the await's result as its StopIteration value.
      v = it.send(null);
      if (v === STOP) {
        if (args.length === 2) return args[1];
        throw vm.stopIteration(vm.lastReturn);
      }
      return v;
    }
    if (it instanceof PyIterator) {
      v = it.next();
      if (v === STOP) {
        const raised = it instanceof FnIterator ? it.takeStopException() : null;
        if (args.length === 2) return args[1];
        throw raised ?? vm.error('StopIteration');
      }
      return v;
    }
    if (args.length === 2) {
      v = vm.iterNextSlow(it);
      return v === STOP ? args[1] : v;
    }
    return vm.call(vm.bindMethod(typeOf(it).lookup('__next__'), it), []);
  });
  vm.nextBuiltin = b.get('next') as PyNative;
  fn('aiter', (args, kw) => {
    noKw(vm, 'aiter', kw);
    arity(vm, 'aiter', args, 1, 1);
    const t = typeOf(args[0]);
    const m = t.lookup('__aiter__');
    if (m === undefined || m === null) throw vm.typeError(`'${t.tpName}' object is not an async iterable`);
    const it = vm.call(vm.bindMethod(m, args[0]), []);
    if (typeOf(it).lookup('__anext__') === undefined) throw vm.typeError(`aiter() returned not an async iterator of type '${typeOf(it).tpName}'`);
    return it;
  });
  fn('anext', (args, kw) => {
    noKw(vm, 'anext', kw);
    arity(vm, 'anext', args, 1, 2);
    const t = typeOf(args[0]);
    const m = t.lookup('__anext__');
    if (m === undefined || m === null) throw vm.typeError(`'${t.tpName}' object is not an async iterator`);
    const awaitable = vm.call(vm.bindMethod(m, args[0]), []);
    return args.length === 1 ? awaitable : new AnextAwaitable(vm, awaitable, args[1]);
  });
  fn('isinstance', (args) => {
    arity(vm, 'isinstance', args, 2, 2);
    const check = (t: Py): boolean => {
      if (t instanceof PyTuple) return t.items.some(check);
      const members = unionMembersForIsinstance(vm, t, 'isinstance');
      if (members !== null) return members.some(check);
      // typing's aliases have an __instancecheck__ of their own, which the runtime does not model.
      if (typeof (t as { pyInstanceCheck?: unknown } | null)?.pyInstanceCheck === 'function') throw new UnsupportedSignal(`isinstance() with ${vm.repr(t)}`, vm.currentLine());
      if (!(t instanceof PyType)) throw vm.typeError('isinstance() arg 2 must be a type, a tuple of types, or a union');
      refuseIntSubclassCheck(vm, typeOf(args[0]), t, 'isinstance');
      return vm.isInstance(args[0], t);
    };
    return check(args[1]);
  });
  fn('issubclass', (args) => {
    arity(vm, 'issubclass', args, 2, 2);
    if (!(args[0] instanceof PyType)) throw vm.typeError('issubclass() arg 1 must be a class');
    const check = (t: Py): boolean => {
      if (t instanceof PyTuple) return t.items.some(check);
      const members = unionMembersForIsinstance(vm, t, 'issubclass');
      if (members !== null) return members.some(check);
      if (typeof (t as { pyInstanceCheck?: unknown } | null)?.pyInstanceCheck === 'function') throw new UnsupportedSignal(`issubclass() with ${vm.repr(t)}`, vm.currentLine());
      if (!(t instanceof PyType)) throw vm.typeError('issubclass() arg 2 must be a class, a tuple of classes, or a union');
      refuseIntSubclassCheck(vm, args[0] as PyType, t, 'issubclass');
      return (args[0] as PyType).isSubtypeOf(t);
    };
    return check(args[1]);
  });
  fn('callable', (args) => {
    const v = args[0];
    return v instanceof PyFunction || v instanceof PyNative || v instanceof PyBoundMethod || v instanceof PyType ||
      (v instanceof PyInstance && v.cls.lookup('__call__') !== undefined);
  });
  fn('hash', (args) => {
    arity(vm, 'hash', args, 1, 1);
    const v = args[0];
    if (v instanceof PyTuple) return tupleHash(vm, v);
    if (v instanceof PyInstance) {
      const h = v.cls.lookup('__hash__');
      if (h === null) throw vm.typeError(`unhashable type: '${v.cls.name}'`);
      if (h !== undefined && !(h instanceof PyNative)) {
        // slot_tp_hash: the result must be an int; one outside a Py_ssize_t is hashed as an int, and -1 becomes -2.
        const r = vm.call(vm.bindMethod(h, v), []);
        if (!isIntLike(r)) throw vm.typeError('__hash__ method should return an integer');
        if (typeof r === 'boolean') return r ? 1 : 0;
        if (typeof r === 'bigint' && (r >= 2n ** 63n || r < -(2n ** 63n))) {
          const P = 2n ** 61n - 1n;
          const m = r < 0n ? -(-r % P) : r % P;
          return normInt(m === -1n ? -2n : m);
        }
        return r === -1 || r === -1n ? -2 : r;
      }
      return Math.floor(parseInt(v.address, 16) / 16);
    }
    if (v instanceof PyFloat || v === null) {
      const h = cpythonHash(v);
      // NaN hashes by its address in CPython.
      if (h === null) throw new UnsupportedSignal('hash() of a NaN', vm.currentLine());
      return normInt(h);
    }
    if (v instanceof PyBytes) return normInt(strHash(latin1(v.data)));
    const k = vm.hash(v);
    if (typeof k === 'number') return k === -1 ? -2 : k;
    if (typeof k === 'string') return normInt(strHash(k));
    if (typeof k === 'bigint') {
      const P = 2n ** 61n - 1n;
      const h = (k < 0n ? -(-k % P) : k % P);
      return normInt(h === -1n ? -2n : h);
    }
    throw new UnsupportedSignal('hash() of ' + typeOf(v).tpName, vm.currentLine());
  });
  fn('id', (args) => {
    arity(vm, 'id', args, 1, 1);
    const v = args[0];
    if (v instanceof PyObject) return parseInt(v.address, 16);
    // Values the runtime holds unboxed have an identity only where CPython's is fixed: its singletons, the
    // small ints it caches (-5..256), '' and the one-character latin-1 strs. Each gets an address of its own,
    // below any object's; an equal int or str elsewhere may or may not be the same object in CPython.
    const base = 0x7e0000000000;
    if (v === null) return base;
    if (typeof v === 'boolean') return base + (v ? 0x40 : 0x20);
    if (typeof v === 'number' && Number.isInteger(v) && v >= -5 && v <= 256) return base + 0x1000 + (v + 5) * 0x20;
    if (typeof v === 'string' && v.length <= 1 && (v === '' || v.charCodeAt(0) < 256)) return base + 0x10000 + (v === '' ? 0 : (v.charCodeAt(0) + 1) * 0x40);
    throw new UnsupportedSignal('id() of ' + typeOf(v).tpName, vm.currentLine());
  });
  fn('abs', (args) => {
    arity(vm, 'abs', args, 1, 1);
    const v = args[0];
    if (typeof v === 'number') return Math.abs(v);
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v === 'bigint') return v < 0n ? normInt(-v) : v;
    if (v instanceof PyFloat) return new PyFloat(Math.abs(v.v));
    const r = v instanceof PyInstance ? vm.callSpecial(v, '__abs__', []) : undefined;
    if (r !== undefined) return r;
    throw vm.typeError(`bad operand type for abs(): '${typeOf(v).tpName}'`);
  });
  fn('divmod', (args) => {
    arity(vm, 'divmod', args, 2, 2);
    const [a, c] = args;
    if (a instanceof PyInstance || c instanceof PyInstance) {
      const r = vm.richCompare(a, c, '__divmod__', '__rdivmod__');
      if (r !== NOT_IMPLEMENTED) return r;
    } else if (isNumeric(a) && isNumeric(c)) {
      if ((a instanceof PyFloat || c instanceof PyFloat) && !vm.truthy(c)) throw vm.error('ZeroDivisionError', 'float divmod()');
      return new PyTuple([binaryOp(vm, 4, a, c, false), binaryOp(vm, 5, a, c, false)]);
    }
    throw vm.typeError(`unsupported operand type(s) for divmod(): '${typeOf(a).tpName}' and '${typeOf(c).tpName}'`);
  });
  fn('pow', (given, kw) => {
    // pow(base, exp, mod=None)
    const [base, exp, mod] = clinicArgs(vm, 'pow', given, kw, ['base', 'exp', 'mod'], 2);
    const args: Py[] = mod === undefined ? [base, exp] : [base, exp, mod];
    if (args.length === 3 && args[2] !== null) {
      if (!args.every(isIntLike)) {
        if (args.some((v) => v instanceof PyInstance)) throw new UnsupportedSignal('three-argument pow() of objects', vm.currentLine());
        throw vm.typeError('pow() 3rd argument not allowed unless all arguments are integers');
      }
      return intPowMod(vm, args[0], args[1], args[2]);
    }
    return binaryOp(vm, 6, args[0], args[1], false);
  });
  fn('round', (args, kw) => {
    // round(number, ndigits=None), by position or by name (builtin_round's Argument Clinic checks).
    const given = args.length + (kw?.size ?? 0);
    if (given > 2) throw vm.typeError(`round() takes at most 2 arguments (${given} given)`);
    let v: Py | undefined = args[0];
    let nd: Py = args.length > 1 ? args[1] : null;
    for (const [k, value] of kw ?? []) {
      const position = k === 'number' ? 1 : k === 'ndigits' ? 2 : 0;
      if (position === 0) throw vm.typeError(`round() got an unexpected keyword argument '${k}'`);
      if (args.length >= position) throw vm.typeError(`argument for round() given by name ('${k}') and position (${position})`);
      if (position === 1) v = value;
      else nd = value;
    }
    if (v === undefined) throw vm.typeError("round() missing required argument 'number' (pos 1)");
    // int.__round__ and float.__round__ take ndigits as an index (other numbers check their own).
    if (nd !== null && !isIntLike(nd) && (isIntLike(v) || v instanceof PyFloat)) {
      if (nd instanceof PyInstance && nd.cls.lookup('__index__') !== undefined) throw new UnsupportedSignal('round() with an __index__ ndigits', vm.currentLine());
      throw vm.typeError(`'${typeOf(nd).tpName}' object cannot be interpreted as an integer`);
    }
    if (isIntLike(v)) {
      if (nd === null || Number(nd) >= 0) return intOf(v);
      return normInt(roundHalfEven(asBig(intOf(v)), 0, 10n ** BigInt(-Number(nd))));
    }
    if (v instanceof PyFloat) {
      const x = v.v;
      if (nd === null) {
        if (!Number.isFinite(x)) throw vm.error(Number.isNaN(x) ? 'ValueError' : 'OverflowError', Number.isNaN(x) ? 'cannot convert float NaN to integer' : 'cannot convert float infinity to integer');
        // Half to even on the exact value; the result is an int of any size.
        const whole = Math.trunc(x);
        return normInt(roundHalfEven(BigInt(whole), Math.abs(x - whole), 1n, x < 0));
      }
      const n = Number(nd);
      if (!Number.isFinite(x)) return v;
      if (n >= 0) {
        // CPython rounds the exact binary value half-to-even, then reads the decimal back.
        const s = exactFixed(Math.abs(x), Math.min(n, 340));
        return new PyFloat((x < 0 ? -1 : 1) * parseFloat(s));
      }
      const whole = Math.trunc(x);
      const rounded = Number(roundHalfEven(BigInt(whole), Math.abs(x - whole), 10n ** BigInt(Math.min(-n, 400)), x < 0));
      return new PyFloat(rounded === 0 ? (x < 0 ? -0 : 0) : rounded);
    }
    const r = v instanceof PyInstance ? vm.callSpecial(v, '__round__', nd === null ? [] : [nd]) : undefined;
    if (r !== undefined) return r;
    throw vm.typeError(`type ${typeOf(v).tpName} doesn't define __round__ method`);
  });
  fn('sum', (args, kw) => {
    // sum(iterable, /, start=0): builtin_sum's Argument Clinic checks.
    if (args.length === 0) throw vm.typeError(`sum() takes at least 1 positional argument (0 given)`);
    const given = args.length + (kw?.size ?? 0);
    if (given > 2) throw vm.typeError(`sum() takes at most 2 arguments (${given} given)`);
    for (const k of kw?.keys() ?? []) {
      if (k !== 'start') throw vm.typeError(`sum() got an unexpected keyword argument '${k}'`);
      if (args.length > 1) throw vm.typeError(`argument for sum() given by name ('start') and position (2)`);
    }
    let acc: Py = args.length > 1 ? args[1] : kwArg(kw, 'start', 0);
    if (typeof acc === 'string') throw vm.typeError("sum() can't sum strings [use ''.join(seq) instead]");
    if (acc instanceof PyBytes || acc instanceof PyByteArray)
      throw vm.typeError(`sum() can't sum ${acc instanceof PyBytes ? 'bytes' : 'bytearray'} [use b''.join(seq) instead]`);
    const it = vm.getIter(args[0]);
    const next = (): Py => vm.iterNext(it);
    // CPython's three phases: exact ints, then floats with Neumaier compensation (3.12+), then generic.
    let x: Py;
    if (typeof acc === 'number' || typeof acc === 'boolean') {
      // A number-typed total stays unboxed in the loop: no heap number per item beyond 2**30.
      let total = acc === true ? 1 : acc === false ? 0 : acc;
      // An empty iterable gives the start itself (`sum([], False) is False`).
      const start = acc;
      let added = false;
      for (;;) {
        x = next();
        if (x === STOP) return added ? total : start;
        added = true;
        if (--vm.stepsLeftInChunk <= 0) vm.budget();
        if (typeof x === 'number' || typeof x === 'boolean') {
          const t = total + (x === true ? 1 : x === false ? 0 : x);
          if (Number.isSafeInteger(t)) {
            total = t;
            continue;
          }
        }
        acc = total;
        break;
      }
      // The first item the exact path could not take, added as CPython adds it: once, generically.
      acc = binaryOp(vm, 0, acc, x, false);
    }
    if (acc instanceof PyFloat) {
      let f = acc.v;
      let c = 0;
      for (;;) {
        x = next();
        if (x === STOP) {
          if (c !== 0 && Number.isFinite(c)) f += c;
          return new PyFloat(f);
        }
        if (--vm.stepsLeftInChunk <= 0) vm.budget();
        if (x instanceof PyFloat) {
          const y = x.v;
          const t = f + y;
          if (Math.abs(f) >= Math.abs(y)) c += f - t + y;
          else c += y - t + f;
          f = t;
          continue;
        }
        if ((typeof x === 'number' || typeof x === 'boolean') && Math.abs(Number(x)) < 2 ** 63) {
          f += Number(x);
          continue;
        }
        break;
      }
      if (c !== 0 && Number.isFinite(c)) f += c;
      acc = binaryOp(vm, 0, new PyFloat(f), x, false);
    }
    for (;;) {
      x = next();
      if (x === STOP) return acc;
      if (--vm.stepsLeftInChunk <= 0) vm.budget();
      acc = binaryOp(vm, 0, acc, x, false);
    }
  });
  const minmax = (name: string, sign: number) => (args: Py[], kw: Kw): Py => {
    const key = kwArg(kw, 'key', null);
    const dflt = kw?.get('default');
    for (const k of kw?.keys() ?? []) if (k !== 'key' && k !== 'default') throw vm.typeError(`${name}() got an unexpected keyword argument '${k}'`);
    if (args.length === 0) throw vm.typeError(`${name} expected at least 1 argument, got 0`);
    if (args.length > 1 && dflt !== undefined) throw vm.typeError(`Cannot specify a default for ${name}() with multiple positional arguments`);
    const items = args.length === 1 ? vm.iterate(args[0]) : args;
    let best: Py = undefined;
    let bestKey: Py = undefined;
    for (const x of items) {
      const k = key === null ? x : vm.call(key, [x]);
      if (best === undefined || vm.truthy(vm.order(sign < 0 ? 0 : 4, k, bestKey))) {
        best = x;
        bestKey = k;
      }
    }
    if (best === undefined) {
      if (dflt !== undefined) return dflt;
      throw vm.error('ValueError', `${name}() iterable argument is empty`);
    }
    return best;
  };
  fn('min', minmax('min', -1));
  fn('max', minmax('max', 1));
  fn('sorted', (args, kw) => {
    if (args.length !== 1) throw vm.typeError(`sorted expected 1 argument, got ${args.length}`);
    // sorted() hands its keywords to list.sort, whose message it is.
    for (const k of kw?.keys() ?? []) if (k !== 'key' && k !== 'reverse') throw vm.typeError(`sort() got an unexpected keyword argument '${k}'`);
    const items = vm.toArray(args[0]);
    sortList(vm, items, kwArg(kw, 'key', null), vm.truthy(kwArg(kw, 'reverse', false)));
    return new PyList(items);
  });
  fn('reversed', (args) => {
    arity(vm, 'reversed', args, 1, 1);
    const v = args[0];
    if ((v instanceof PyListSub || v instanceof PyDictSub) && subOverride(v, '__reversed__') !== undefined) return vm.callSpecial(v, '__reversed__', []);
    if (v instanceof PyList) {
      let i = v.items.length - 1;
      return new FnIterator('list_reverseiterator', () => (i >= 0 && i < v.items.length ? v.items[i--] : STOP));
    }
    if (v instanceof PyTuple || typeof v === 'string' || v instanceof PyRange) {
      const items = vm.toArray(v);
      let i = items.length - 1;
      return new FnIterator(v instanceof PyRange ? 'range_iterator' : 'reversed', () => (i >= 0 ? items[i--] : STOP));
    }
    if (v instanceof PyDict) {
      const keys = [...v.keys.values()].reverse();
      return new ListIterator(keys, 'dict_reversekeyiterator');
    }
    if (v instanceof DictView) {
      const items = vm.toArray(v).reverse();
      return new ListIterator(items, ['dict_reversekeyiterator', 'dict_reversevalueiterator', 'dict_reverseitemiterator'][v.mode]!);
    }
    if (v instanceof PyType && v.metaclass !== undefined) {
      const r = vm.callSpecial(v, '__reversed__', []);
      if (r !== undefined) return r;
    }
    if (v instanceof PyInstance) {
      const r = vm.callSpecial(v, '__reversed__', []);
      if (r !== undefined) return r;
      if (v.cls.lookup('__len__') !== undefined && v.cls.lookup('__getitem__') !== undefined) {
        let i = len(vm, v) - 1;
        return new FnIterator('reversed', () => (i >= 0 ? vm.getItem(v, i--) : STOP));
      }
    }
    // A native type with a __reversed__ of its own (collections.deque).
    if (v instanceof PyObject && !(v instanceof PyType)) {
      const m = typeOf(v).lookup('__reversed__');
      if (m !== undefined && m !== null) return vm.call(m, [v]);
    }
    throw vm.typeError(`'${typeOf(v).tpName}' object is not reversible`);
  });
  fn('enumerate', (args, kw) => {
    // Not `??`: None is null, and enumerate(None) is a TypeError about None.
    const given = args.length + (kw?.size ?? 0);
    if (given > 2) throw vm.typeError(`enumerate() takes at most 2 arguments (${given} given)`);
    for (const k of kw?.keys() ?? []) if (k !== 'iterable' && k !== 'start') throw vm.typeError(`'${k}' is an invalid keyword argument for enumerate()`);
    const source = args.length > 0 ? args[0] : kw?.get('iterable');
    if (source === undefined) throw vm.typeError("enumerate() missing required argument 'iterable'");
    const it = vm.getIter(source);
    let i: Py = args.length > 1 ? args[1] : kwArg(kw, 'start', 0);
    return new FnIterator('enumerate', () => {
      const x = vm.iterNext(it);
      if (x === STOP) return STOP;
      const r = new PyTuple([i, x]);
      i = typeof i === 'number' ? i + 1 : binaryOp(vm, 0, i, 1, false);
      return r;
    });
  });
  fn('zip', (args, kw) => {
    if (kw !== null && kw.size > 1) throw vm.typeError(`zip() takes at most 1 keyword argument (${kw.size} given)`);
    for (const k of kw?.keys() ?? []) if (k !== 'strict') throw vm.typeError(`zip() got an unexpected keyword argument '${k}'`);
    const strict = vm.truthy(kwArg(kw, 'strict', false));
    const its = args.map((a) => vm.getIter(a));
    let done = false;
    return new FnIterator('zip', () => {
      if (done || its.length === 0) return STOP;
      const out: Py[] = [];
      for (let i = 0; i < its.length; i++) {
        const x = vm.iterNext(its[i]);
        if (x === STOP) {
          done = true;
          if (strict) {
            if (i > 0) throw vm.error('ValueError', `zip() argument ${i + 1} is shorter than argument${i > 1 ? 's 1-' + i : ' 1'}`);
            for (let j = 1; j < its.length; j++) {
              if (vm.iterNext(its[j]) !== STOP) throw vm.error('ValueError', `zip() argument ${j + 1} is longer than argument${j > 1 ? 's 1-' + j : ' 1'}`);
            }
          }
          return STOP;
        }
        out.push(x);
      }
      return new PyTuple(out);
    });
  });
  fn('map', (args) => {
    if (args.length < 2) throw vm.typeError('map() must have at least two arguments.');
    const f = args[0];
    const its = args.slice(1).map((a) => vm.getIter(a));
    return new FnIterator('map', () => {
      const xs: Py[] = [];
      for (const it of its) {
        const x = vm.iterNext(it);
        if (x === STOP) return STOP;
        xs.push(x);
      }
      return vm.call(f, xs);
    });
  });
  fn('filter', (args) => {
    arity(vm, 'filter', args, 2, 2);
    const f = args[0];
    const it = vm.getIter(args[1]);
    return new FnIterator('filter', () => {
      for (;;) {
        const x = vm.iterNext(it);
        if (x === STOP) return STOP;
        if (f === null ? vm.truthy(x) : vm.truthy(vm.call(f, [x]))) return x;
      }
    });
  });
  fn('any', (args) => {
    arity(vm, 'any', args, 1, 1);
    for (const x of vm.iterate(args[0])) if (vm.truthy(x)) return true;
    return false;
  });
  fn('all', (args) => {
    arity(vm, 'all', args, 1, 1);
    for (const x of vm.iterate(args[0])) if (!vm.truthy(x)) return false;
    return true;
  });
  fn('chr', (args) => {
    arity(vm, 'chr', args, 1, 1);
    const n = toInt(vm, args[0]);
    if (n < 0 || n > 0x10ffff) throw vm.error('ValueError', 'chr() arg not in range(0x110000)');
    return String.fromCodePoint(n);
  });
  fn('ord', (args) => {
    if (args.length !== 1) throw vm.typeError(`ord() takes exactly one argument (${args.length} given)`);
    const s = args[0];
    // A bytes or bytearray of one byte gives that byte.
    if (s instanceof PyBytes || s instanceof PyByteArray) {
      if (s.data.length !== 1) throw vm.typeError(`ord() expected a character, but string of length ${s.data.length} found`);
      return s.data[0]!;
    }
    if (typeof s !== 'string') throw vm.typeError(`ord() expected string of length 1, but ${typeOf(s).tpName} found`);
    const chars = Array.from(s);
    if (chars.length !== 1) throw vm.typeError(`ord() expected a character, but string of length ${chars.length} found`);
    return chars[0]!.codePointAt(0)!;
  });
  const baseFn = (name: string, base: number, prefix: string) => (args: Py[]): Py => {
    const v = args[0];
    if (!isIntLike(v)) throw vm.typeError(`'${typeOf(v).tpName}' object cannot be interpreted as an integer`);
    const n = asBig(intOf(v));
    return (n < 0n ? '-' : '') + prefix + (n < 0n ? -n : n).toString(base);
  };
  fn('hex', baseFn('hex', 16, '0x'));
  fn('oct', baseFn('oct', 8, '0o'));
  fn('bin', baseFn('bin', 2, '0b'));
  fn('getattr', (args) => {
    arity(vm, 'getattr', args, 2, 3);
    if (typeof args[1] !== 'string') throw vm.typeError(`attribute name must be string, not '${typeOf(args[1]).tpName}'`);
    if (args.length === 3) {
      const v = vm.getAttrOrUndefined(args[0], args[1]);
      return v === undefined ? args[2] : v;
    }
    return vm.getAttr(args[0], args[1]);
  });
  const attrName = (name: Py): string => {
    if (typeof name !== 'string') throw vm.typeError(`attribute name must be string, not '${typeOf(name).tpName}'`);
    return name;
  };
  fn('setattr', (args) => {
    arity(vm, 'setattr', args, 3, 3);
    vm.setAttr(args[0], attrName(args[1]), args[2]);
    return null;
  });
  fn('delattr', (args) => {
    arity(vm, 'delattr', args, 2, 2);
    vm.delAttr(args[0], attrName(args[1]));
    return null;
  });
  fn('hasattr', (args) => {
    arity(vm, 'hasattr', args, 2, 2);
    attrName(args[1]);
    return vm.getAttrOrUndefined(args[0], args[1]) !== undefined;
  });
  fn('vars', (args) => {
    const o = args[0];
    if (o instanceof PyInstance) return vm.instanceDict(o);
    if (o instanceof PyDictSub || o instanceof PyListSub) return vm.getAttr(o, '__dict__');
    // A module's namespace holds __spec__, __loader__, __builtins__ too, which the runtime does not model.
    if (o instanceof PyModule) throw new UnsupportedSignal('vars() of a module', vm.currentLine());
    throw vm.typeError('vars() argument must have __dict__ attribute');
  });
  fn('locals', () => vm.frameLocals(vm.frame!));
  fn('globals', () => {
    // After `from M import *` of a runtime module, the namespace holds only what the runtime implements of M.
    const starred = vm.starImports.get(vm.frame!.globals);
    if (starred !== undefined) throw new UnsupportedSignal(`globals() after from ${starred.join('/')} import *`, vm.currentLine());
    return vm.mapToDict(vm.frame!.globals);
  });
  fn('dir', (args) => {
    arity(vm, 'dir', args, 0, 1);
    // dir() is the sorted names of the calling scope.
    if (args.length === 0) return new PyList(vm.toArray(vm.frameLocals(vm.frame!)).sort((x, y) => (String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0)));
    const o = args[0];
    // A class's own __dir__ (the metaclass's, for a class: enum's EnumType and Enum define theirs) decides, sorted.
    const own = (o instanceof PyType ? o.metaclass : typeOf(o))?.lookup('__dir__');
    if (own !== undefined && own !== null && !(own instanceof PyNative)) {
      const listed = vm.toArray(vm.call(vm.bindMethod(own, o), []));
      const sorted = new PyList(listed);
      vm.call(vm.getAttr(sorted, 'sort'), []);
      return sorted;
    }
    if (o instanceof PyModule) throw new UnsupportedSignal('dir() of a module', vm.currentLine());
    const names = new Set<string>();
    if (o instanceof PyInstance) for (const k of o.dict.keys()) names.add(k);
    // dir(C) lists the class's own attributes and its bases'; dir(x) those of type(x). A built-in type
    // has CPython's full set, modelled or not (reading an unmodelled one is `unsupported`).
    for (const t of (o instanceof PyType ? o : typeOf(o)).mro) {
      for (const k of t.dict.keys()) names.add(k);
      for (const k of builtinAttrNames(t)) names.add(k);
    }
    return new PyList([...names].sort());
  });
  fn('input', () => {
    throw new UnsupportedSignal('input()', vm.currentLine());
  });
  fn('open', (args, kw) => openFile(vm, args, kw));
  for (const bad of ['eval', 'exec', 'compile', '__import__', 'breakpoint', 'help', 'exit', 'quit']) {
    fn(bad, () => {
      throw new UnsupportedSignal(`${bad}()`, vm.currentLine());
    });
  }

  for (const name of ['next', 'any', 'all', 'sum', 'min', 'max', 'sorted', 'list', 'tuple', 'set', 'frozenset', 'dict', 'len', 'print', 'repr', 'str']) {
    const v = b.get(name);
    if (v !== undefined) vm.consumers.add(v);
  }
  fn('__build_class__', (args, kw) => buildClass(vm, args[0], args[1], args.slice(2), kw ?? new Map()));

  // The methods of the built-in types, then the file objects behind open().
  installObjectType(vm);
  installTypeType(vm);
  installExceptionTypes(vm);
  installExceptionGroupTypes(vm);
  installIntType(vm);
  installFloatType(vm);
  installStrType(vm);
  installListType(vm);
  installTupleType(vm);
  installDictType(vm);
  installDictViewMethods(vm);
  installSetTypes(vm);
  installRangeType(vm);
  installBytesTypes(vm);
  installDescriptorTypes(vm);
  installSliceType(vm);
  installFunctionTypes(vm);
  installSuperType(vm);
  installGeneratorType(vm);
  installCoroutineType(vm);
  installAsyncGeneratorType(vm);
  installAnextAwaitableType(vm);
  installNoneType(vm);
  installBuiltinFunctionType(vm);
  installFileMethods(vm);
  installSlotWrappers(vm);
  vm.attrLookup = lookupAttr;
  vm.unmodelledOwner = unmodelledOwner;
  vm.nativeDoc = nativeDoc;
  vm.builtinTypeDoc = builtinTypeDoc;
}

/** A stand-in for a CPython int subclass checked against a built-in type: CPython's answer (True for int, object,
 * and the enum bases) is not the stand-in's, so the check is refused. */
function refuseIntSubclassCheck(vm: VM, cls: PyType, against: PyType, fnName: string): void {
  if (!against.builtin || against === objectType) return;
  if (cls.mro.some((c) => c.standsInForIntSubclass === true))
    throw new UnsupportedSignal(`${fnName}() of ${cls.name} (an int subclass in CPython) against ${against.name}`, vm.currentLine());
}
