// types: the names of the built-in types that have no builtin name (GeneratorType, FunctionType, ...).

import { functionType, generatorType, moduleType, typeOf, type VM } from '../interp.js';
import { PyBoundMethod, type PyModule, type PyType } from '../values.js';
import { module } from './support.js';

export function typesModule(vm: VM): PyModule {
  return module('types', [
  ['GeneratorType', generatorType], ['FunctionType', functionType], ['LambdaType', functionType],
  ['BuiltinFunctionType', vm.builtins.get('len') !== undefined ? typeOf(vm.builtins.get('len')) : functionType],
  ['MethodType', methodTypeOf(vm)], ['ModuleType', moduleType],
  ]);
}

function methodTypeOf(vm: VM): PyType {
  return typeOf(new PyBoundMethod(null, vm.builtins.get('len')));
}
