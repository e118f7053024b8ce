// operator: the operators as functions (add, lt, not_, ...) and itemgetter/attrgetter, all native.

import { native } from '../args.js';
import { type VM } from '../interp.js';
import { PyTuple, type Py, type PyModule } from '../values.js';
import { module } from './support.js';

export function operatorModule(vm: VM): PyModule {
  const bin = (name: string, op: number) => native(name, (a) => vm.binaryOp(op, a[0], a[1], false));
  const cmp = (name: string, op: number) => native(name, (a) => vm.compare(op, a[0], a[1]));
  const itemgetter = native('itemgetter', (keys) => native('itemgetter', (a) => (keys.length === 1 ? vm.getItem(a[0], keys[0]) : new PyTuple(keys.map((k) => vm.getItem(a[0], k))))));
  const attrgetter = native('attrgetter', (names) => native('attrgetter', (a) => {
    const get = (n: string): Py => n.split('.').reduce((o: Py, part) => vm.getAttr(o, part), a[0]);
    return names.length === 1 ? get(names[0]) : new PyTuple(names.map(get));
  }));
  return module('operator', [
    ['add', bin('add', 0)], ['sub', bin('sub', 1)], ['mul', bin('mul', 2)], ['truediv', bin('truediv', 3)],
    ['floordiv', bin('floordiv', 4)], ['mod', bin('mod', 5)], ['pow', bin('pow', 6)],
    ['and_', bin('and_', 9)], ['or_', bin('or_', 10)], ['xor', bin('xor', 11)],
    ['lt', cmp('lt', 0)], ['le', cmp('le', 1)], ['eq', cmp('eq', 2)], ['ne', cmp('ne', 3)], ['gt', cmp('gt', 4)], ['ge', cmp('ge', 5)],
    ['neg', native('neg', (a) => vm.unary('-', a[0]))], ['not_', native('not_', (a) => !vm.truthy(a[0]))],
    ['truth', native('truth', (a) => vm.truthy(a[0]))],
    ['itemgetter', itemgetter], ['attrgetter', attrgetter],
  ]);
}
