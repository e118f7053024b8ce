// dataclasses: CPython 3.13's Lib/dataclasses.py without exec. The methods it generates from source text are
// closures over the field list doing what that source does (__init__, __repr__ with recursive_repr, __eq__ field
// by field, the orderings over tuples, frozen __setattr__/__delattr__, __hash__ by the hash table's rules,
// __match_args__), run by the VM, with the fields of dataclass bases merged first as _process_class does.
// Refused: ClassVar/InitVar annotations and
// typing constructs other than the runtime's typing aliases, unsafe_hash/kw_only/slots, field metadata, a Field's
// repr, the generated __doc__ (an inspect signature), and an __init__ call that does not bind (CPython's
// TypeError wording comes from the signature).
import { UnsupportedSignal, type VM } from '../interp.js';
import { native } from '../args.js';
import { type PyModule } from '../values.js';
import { pythonModule } from './support.js';
import { typingAliasName } from './typing.js';

const DATACLASSES_SOURCE = String.raw`
"""dataclasses after CPython 3.13's Lib/dataclasses.py, without exec: the methods it generates are closures over
the field list that do what the generated source does. What they cannot do exactly is refused."""

import copy as _copy

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'fields', 'asdict', 'astuple', 'is_dataclass',
           'replace', 'MISSING']


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()
_GENERIC_ALIAS = type(list[int])
_UNHASHABLE_BUILTINS = (list, dict, set, bytearray)


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare

    def __repr__(self):
        _refuse('repr of a dataclasses.Field')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True,
          metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    if metadata is not None or kw_only is not MISSING:
        _refuse('dataclasses.field() with metadata or kw_only')
    return Field(default, default_factory, init, repr, hash, compare)


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots,
                              weakref_slot)
    if cls is None:
        return wrap
    return wrap(cls)


def _check_annotation(cls, name, a_type):
    # ClassVar and InitVar pseudo-fields (also spelled in strings) are not modelled.
    if isinstance(a_type, str):
        if 'ClassVar' in a_type or 'InitVar' in a_type:
            _refuse('a dataclass ClassVar or InitVar annotation')
    elif _typing_alias_name(a_type) is not None:
        if _typing_alias_name(a_type) == 'ClassVar':
            _refuse('a dataclass ClassVar or InitVar annotation')
    elif not (isinstance(a_type, type) or type(a_type) is _GENERIC_ALIAS or a_type is None):
        _refuse('a dataclass field annotated with a typing construct')


def _get_field(cls, a_name, a_type):
    _check_annotation(cls, a_name, a_type)
    default = getattr(cls, a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = a_name
    f.type = a_type
    if f.default is not MISSING:
        kind = f.default.__class__
        if kind in _UNHASHABLE_BUILTINS:
            raise ValueError(f'mutable default {type(f.default)} for field '
                             f'{f.name} is not allowed: use default_factory')
        if any(b in _UNHASHABLE_BUILTINS for b in kind.__mro__):
            _refuse('a dataclass default whose class derives from a mutable built-in')
        if kind.__hash__ is None:
            raise ValueError(f'mutable default {type(f.default)} for field '
                             f'{f.name} is not allowed: use default_factory')
    return f


def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


def _named(fn, cls, name):
    fn.__name__ = name
    fn.__qualname__ = f'{cls.__qualname__}.{name}'
    return fn


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots, weakref_slot):
    if unsafe_hash or kw_only or slots or weakref_slot:
        _refuse('dataclass() with unsafe_hash, kw_only, slots or weakref_slot')
    # The fields of the dataclasses among the bases first, the most basic first (a redefined field keeps its place).
    fields = {}
    all_frozen_bases = None
    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, '__dataclass_fields__', None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if all_frozen_bases is None:
                all_frozen_bases = True
            current_frozen = getattr(b, '__dataclass_params__').frozen
            all_frozen_bases = all_frozen_bases and current_frozen
            any_frozen_base = any_frozen_base or current_frozen
    cls_annotations = cls.__dict__.get('__annotations__', {})
    cls_fields = [_get_field(cls, name, a_type) for name, a_type in cls_annotations.items()]
    for f in cls_fields:
        fields[f.name] = f
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and not name in cls_annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')
    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if all_frozen_bases is False and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')
    cls.__dataclass_fields__ = fields
    cls.__dataclass_params__ = _DataclassParams(init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only,
                                                slots, weakref_slot)
    field_list = list(fields.values())

    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or (class_hash is None and '__eq__' in cls.__dict__))
    if order and not eq:
        raise ValueError('eq must be true if order is true')

    init_fields = [f for f in field_list if f.init]
    if init:
        seen_default = None
        for f in init_fields:
            if f.default is not MISSING or f.default_factory is not MISSING:
                seen_default = f
            elif seen_default is not None:
                raise TypeError(f'non-default argument {f.name!r} '
                                f'follows default argument {seen_default.name!r}')
        _set_new_attribute(cls, '__init__', _named(_init_fn(cls, field_list, init_fields, frozen), cls, '__init__'))
    if repr:
        _set_new_attribute(cls, '__repr__', _named(_repr_fn([f for f in field_list if f.repr]), cls, '__repr__'))
    compared = [f.name for f in field_list if f.compare]
    if eq:
        _set_new_attribute(cls, '__eq__', _named(_eq_fn(compared), cls, '__eq__'))
    if order:
        for name, op in (('__lt__', _lt), ('__le__', _le), ('__gt__', _gt), ('__ge__', _ge)):
            if _set_new_attribute(cls, name, _named(_order_fn(compared, op), cls, name)):
                raise TypeError(f'Cannot overwrite attribute {name} '
                                f'in class {cls.__name__}. Consider using functools.total_ordering')
    if frozen:
        for name, fn in (('__setattr__', _frozen_setattr(cls, fields)), ('__delattr__', _frozen_delattr(cls, fields))):
            if _set_new_attribute(cls, name, _named(fn, cls, name)):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}')
    if eq and not has_explicit_hash:
        if frozen:
            hashed = [f.name for f in field_list if (f.compare if f.hash is None else f.hash)]
            cls.__hash__ = _named(_hash_fn(hashed), cls, '__hash__')
        else:
            cls.__hash__ = None
    if not cls.__dict__.get('__doc__'):
        # CPython writes the signature (from inspect) as the class's docstring.
        cls.__doc__ = _RefusedDoc()
    if match_args:
        _set_new_attribute(cls, '__match_args__', tuple(f.name for f in init_fields))
    # copy.replace() support (3.13).
    cls.__replace__ = _replace
    return cls


class _DataclassParams:
    # The parameters @dataclass was given, as CPython keeps them (its repr is not modelled).
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots, weakref_slot):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen
        self.match_args = match_args
        self.kw_only = kw_only
        self.slots = slots
        self.weakref_slot = weakref_slot

    def __repr__(self):
        _refuse('repr of dataclasses._DataclassParams')


class _RefusedDoc:
    def __get__(self, obj, owner=None):
        _refuse("a dataclass's generated __doc__ (CPython's is its inspect signature)")


def _init_fn(cls, field_list, init_fields, frozen):
    names = [f.name for f in init_fields]
    has_post_init = hasattr(cls, '__post_init__')

    def __init__(self, *args, **kwargs):
        # CPython's __init__ has the fields as parameters; a call that does not bind them is refused rather
        # than given a TypeError worded differently.
        if len(args) > len(names) or any(k not in names or k in names[:len(args)] for k in kwargs):
            _refuse('a dataclass __init__ call whose arguments do not bind')
        given = dict(zip(names, args))
        given.update(kwargs)
        for f in init_fields:
            if f.name not in given and f.default is MISSING and f.default_factory is MISSING:
                _refuse('a dataclass __init__ call whose arguments do not bind')
        for f in field_list:
            if f.init:
                if f.name in given:
                    value = given[f.name]
                elif f.default_factory is not MISSING:
                    value = f.default_factory()
                else:
                    value = f.default
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            else:
                continue
            if frozen:
                object.__setattr__(self, f.name, value)
            else:
                setattr(self, f.name, value)
        if has_post_init:
            self.__post_init__()
    return __init__


_repr_running = []


def _repr_fn(shown):
    def __repr__(self):
        # reprlib.recursive_repr: a dataclass met again inside its own repr shows as '...'.
        for o in _repr_running:
            if o is self:
                return '...'
        _repr_running.append(self)
        try:
            parts = [f'{f.name}={getattr(self, f.name)!r}' for f in shown]
        finally:
            _repr_running.pop()
        return f'{self.__class__.__qualname__}(' + ', '.join(parts) + ')'
    return __repr__


def _eq_fn(compared):
    def __eq__(self, other):
        if self is other:
            return True
        if other.__class__ is self.__class__:
            # self.a==other.a and self.b==other.b: the first false result, or the last.
            result = True
            for name in compared:
                result = getattr(self, name) == getattr(other, name)
                if not result:
                    return result
            return result
        return NotImplemented
    return __eq__


def _lt(a, b):
    return a < b


def _le(a, b):
    return a <= b


def _gt(a, b):
    return a > b


def _ge(a, b):
    return a >= b


def _order_fn(compared, op):
    def compare(self, other):
        if other.__class__ is self.__class__:
            return op(tuple(getattr(self, n) for n in compared), tuple(getattr(other, n) for n in compared))
        return NotImplemented
    return compare


def _hash_fn(hashed):
    def __hash__(self):
        return hash(tuple(getattr(self, n) for n in hashed))
    return __hash__


def _frozen_setattr(cls, fields):
    def __setattr__(self, name, value):
        if type(self) is cls or name in fields:
            raise FrozenInstanceError(f'cannot assign to field {name!r}')
        super(cls, self).__setattr__(name, value)
    return __setattr__


def _frozen_delattr(cls, fields):
    def __delattr__(self, name):
        if type(self) is cls or name in fields:
            raise FrozenInstanceError(f'cannot delete field {name!r}')
        super(cls, self).__delattr__(name)
    return __delattr__


def replace(obj, /, **changes):
    if not (is_dataclass(obj) and not isinstance(obj, type)):
        raise TypeError("replace() should be called on dataclass instances")
    return _replace(obj, **changes)


def _replace(self, /, **changes):
    # (ClassVar and InitVar pseudo-fields are refused when the class is made, so every field here is a normal one.)
    for f in getattr(self, '__dataclass_fields__').values():
        if not f.init:
            if f.name in changes:
                raise TypeError(f'field {f.name} is declared with '
                                f'init=False, it cannot be specified with '
                                f'replace()')
            continue
        if f.name not in changes:
            changes[f.name] = getattr(self, f.name)
    return self.__class__(**changes)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def fields(class_or_instance):
    try:
        fields = getattr(class_or_instance, '__dataclass_fields__')
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(fields.values())


def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if type(obj) in (type(None), bool, int, float, str):
        return obj
    if is_dataclass(obj) and not isinstance(obj, type):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory)) for f in fields(obj)])
    if type(obj) is list:
        return [_asdict_inner(v, dict_factory) for v in obj]
    if type(obj) is tuple:
        return tuple(_asdict_inner(v, dict_factory) for v in obj)
    if type(obj) is dict:
        return {_asdict_inner(k, dict_factory): _asdict_inner(v, dict_factory) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, dict)):
        _refuse('asdict() of a subclass of list, tuple or dict')
    return _copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if type(obj) in (type(None), bool, int, float, str):
        return obj
    if is_dataclass(obj) and not isinstance(obj, type):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory) for f in fields(obj)])
    if type(obj) is list:
        return [_astuple_inner(v, tuple_factory) for v in obj]
    if type(obj) is tuple:
        return tuple(_astuple_inner(v, tuple_factory) for v in obj)
    if type(obj) is dict:
        return {_astuple_inner(k, tuple_factory): _astuple_inner(v, tuple_factory) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, dict)):
        _refuse('astuple() of a subclass of list, tuple or dict')
    return _copy.deepcopy(obj)
`;

export function dataclassesModule(vm: VM): PyModule {
  const refuse = native('_refuse', (a) => {
    throw new UnsupportedSignal(String(a[0]), vm.currentLine());
  });
  const aliasName = native('_typing_alias_name', (a) => typingAliasName(a[0] ?? null));
  return pythonModule(vm, 'dataclasses', DATACLASSES_SOURCE, [['_refuse', refuse], ['_typing_alias_name', aliasName]]);
}
