// typing: names only, for imports and annotations (subscripting gives an object whose repr and equality are refused).

import { native } from '../args.js';
import { UnsupportedSignal, type VM } from '../interp.js';
import { PyObject, PyType, type Py, type PyModule } from '../values.js';
import { module } from './support.js';

class TypingAlias extends PyObject {
  constructor(public name: string) {
    super();
  }
  pyRepr(): string {
    return `typing.${this.name}`;
  }
  pyGetItem(): Py {
    return new TypingSubscription(this);
  }
  traverse(): Py[] {
    return [];
  }
}

/** The typing name behind `v` (`Optional` for `Optional[int]`), or null when `v` is not a typing alias. */
export function typingAliasName(v: Py): string | null {
  if (v instanceof TypingAlias) return v.name;
  if (v instanceof TypingSubscription) return v.alias.name;
  return null;
}

/** `List[int]`, `Callable[..., T]`: usable in annotations; its repr and comparisons (CPython's show the
 * arguments) are refused, since the runtime keeps only the name. */
class TypingSubscription extends PyObject {
  constructor(public alias: TypingAlias) {
    super();
  }
  pyRepr(vm: VM): string {
    throw new UnsupportedSignal(`repr of a subscripted typing.${this.alias.name}`, vm.currentLine());
  }
  pyEq(vm: VM): boolean {
    throw new UnsupportedSignal(`comparison of a subscripted typing.${this.alias.name}`, vm.currentLine());
  }
  pyGetItem(): Py {
    return this;
  }
  traverse(): Py[] {
    return [this.alias];
  }
}
const typingAliasType = new PyType('_SpecialGenericAlias', []);
typingAliasType.builtin = true;
typingAliasType.module = 'typing';
typingAliasType.dict.set('__call__', native('__call__', () => null));

export function typingModule(): PyModule {
  const names = ['Any', 'Callable', 'Dict', 'FrozenSet', 'Generator', 'Iterable', 'Iterator', 'List', 'Optional',
    'Set', 'Tuple', 'Type', 'Union', 'Sequence', 'Mapping', 'MutableMapping', 'MutableSequence', 'AsyncIterator',
    'AsyncGenerator', 'ContextManager', 'NoReturn', 'Literal', 'Final', 'ClassVar', 'TextIO', 'IO', 'Deque',
    'DefaultDict', 'Counter', 'Hashable', 'Sized', 'Collection', 'Reversible', 'SupportsInt', 'Never', 'Self'];
  const m = module('typing', names.map((n) => [n, new TypingAlias(n)]));
  m.dict.set('TYPE_CHECKING', false);
  m.dict.set('TypeVar', native('TypeVar', (a) => new TypingAlias(String(a[0]))));
  m.dict.set('cast', native('cast', (a) => a[1]));
  m.dict.set('overload', native('overload', (a) => a[0]));
  return m;
}
