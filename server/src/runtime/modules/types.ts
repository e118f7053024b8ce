// types: the names of the built-in types that have no builtin name (GeneratorType, CoroutineType, FunctionType,
// ...), types.coroutine, which makes a generator function's generators awaitable, SimpleNamespace and
// MappingProxyType (a read-only view of a mapping, written in Python below).

import { native } from '../args.js';
import { CO_COROUTINE, CO_GENERATOR, CO_ITERABLE_COROUTINE, CodeObject } from '../compiler.js';
import {
  asyncGeneratorType, coroutineType, functionType, generatorType, moduleType, PyFunction, typeOf, UnsupportedSignal, type VM,
} from '../interp.js';
import { PyBoundMethod, type Py, type PyModule, type PyType } from '../values.js';
import { genericAliasType } from '../objects/genericalias.js';
import { pythonModule } from './support.js';

// SimpleNamespace as CPython's documentation gives its Python equivalent (namespace_repr, namespace_richcompare).
const TYPES_SOURCE = String.raw`
class SimpleNamespace:
    """A simple attribute-based namespace."""

    def __init__(self, *args, **kwargs):
        # namespace_init unpacks its arguments under the type's short name.
        if len(args) > 1:
            raise TypeError(f'{type(self).__name__} expected at most 1 argument, got {len(args)}')
        d = dict(args[0]) if args else {}
        d.update(kwargs)
        for k, v in d.items():
            if not isinstance(k, str):
                raise TypeError('keywords must be strings')
            setattr(self, k, v)

    def __repr__(self):
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        return '{}({})'.format(name, ', '.join(f'{k}={v!r}' for k, v in vars(self).items()))

    def __getattr__(self, name):
        # The C type's tp_name is 'types.SimpleNamespace'; a subclass's is its own name.
        shown = 'types.SimpleNamespace' if type(self) is SimpleNamespace else type(self).__name__
        e = AttributeError(f"'{shown}' object has no attribute '{name}'")
        e.name = name
        e.obj = self
        raise e

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return vars(self) == vars(other)
        return NotImplemented


class mappingproxy:
    """A read-only view of a mapping (mappingproxy_new and mappingproxy_methods in CPython's Objects/descrobject.c)."""

    # CPython's type is builtins.mappingproxy (its repr shows no module).
    __module__ = 'builtins'

    def __new__(cls, mapping):
        if not hasattr(type(mapping), '__getitem__') or not hasattr(mapping, 'keys') or isinstance(mapping, (list, tuple)):
            raise TypeError(f'mappingproxy() argument must be a mapping, not {type(mapping).__name__}')
        self = object.__new__(cls)
        self._mapping = mapping
        return self

    def __getitem__(self, key):
        return self._mapping[key]

    def __iter__(self):
        return iter(self._mapping)

    def __reversed__(self):
        return reversed(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()

    def __eq__(self, other):
        return self._mapping == other

    def __hash__(self):
        return hash(self._mapping)

    def __or__(self, other):
        if isinstance(other, MappingProxyType):
            other = other._mapping
        return self._mapping | other

    def __ror__(self, other):
        return other | self._mapping

    def __repr__(self):
        return f'mappingproxy({self._mapping!r})'

    def __str__(self):
        return str(self._mapping)

MappingProxyType = mappingproxy
del mappingproxy
`;

export function typesModule(vm: VM): PyModule {
  return pythonModule(vm, 'types', TYPES_SOURCE, typesNatives(vm));
}

function typesNatives(vm: VM): [string, Py][] {
  return [
  ['NoneType', typeOf(null)], ['GenericAlias', genericAliasType(vm)],
  ['GeneratorType', generatorType], ['CoroutineType', coroutineType], ['AsyncGeneratorType', asyncGeneratorType],
  ['FunctionType', functionType], ['LambdaType', functionType],
  ['BuiltinFunctionType', vm.builtins.get('len') !== undefined ? typeOf(vm.builtins.get('len')) : functionType],
  ['MethodType', methodTypeOf(vm)], ['ModuleType', moduleType],
  ['coroutine', native('coroutine', (a) => {
    const f = a[0];
    if (!vm.truthy(vm.call(vm.builtins.get('callable'), [f]))) throw vm.typeError('types.coroutine() expects a callable');
    if (f instanceof PyFunction) {
      const flags = f.code.flags;
      if ((flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE)) !== 0) return f;
      if ((flags & CO_GENERATOR) !== 0) {
        // As types.py does: the function gets a copy of its code object with CO_ITERABLE_COROUTINE set.
        const copy = Object.assign(Object.create(CodeObject.prototype) as CodeObject, f.code);
        copy.flags = flags | CO_ITERABLE_COROUTINE;
        f.code = copy;
        return f;
      }
    }
    // types.py wraps other callables in a function that inspects what they return (_GeneratorWrapper).
    throw new UnsupportedSignal('types.coroutine() of a callable that is not a generator function', vm.currentLine());
  })],
  ];
}

function methodTypeOf(vm: VM): PyType {
  return typeOf(new PyBoundMethod(null, vm.builtins.get('len')));
}
