// Control-flow queries inside one function (statement structure, suspension points, GeneratorExit
// handlers, resources held across yields), shared by the rules and the language server's hover.

export { Exit, FunctionFlow, flowOf, tryParts, handlerBlock, enclosingLoop, isLiteralTrue, type ExitSet, type FlowPoint, type VisitResult, type ExploreOptions, type TryParts } from './statements.js';
export {
  enclosingTries,
  isTryBodySuspendable,
  suspensionBeforeFinally,
  suspendableTryBodies,
  catchesGeneratorExit,
  describeHandler,
  yieldReachableAfterHandler,
  closingYields,
  type ClosingYield,
  type EnclosingTry,
  type TryRegion,
} from './exceptions.js';
export { suspendedResources, qualifiedName, RESOURCE_CALL_TRIGGER, type SuspendedResource, type ResourceKind } from './resources.js';
