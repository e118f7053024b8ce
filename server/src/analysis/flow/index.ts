// Control-flow queries inside one function (statement structure, suspension points, GeneratorExit
// handlers, resources held across yields), shared by the rules and the language server's hover.

export { Exit, FunctionFlow, flowOf, tryParts, handlerBlock, isLiteralTrue, type ExitSet, type FlowPoint, type VisitResult, type Visitor, type HeaderOf, type TryParts, type TryInfo } from './statements.js';
export {
  enclosingTries,
  isTryBodySuspendable,
  suspensionBeforeFinally,
  suspendableTryBodies,
  generatorExitEntry,
  catchesGeneratorExit,
  describeHandler,
  yieldReachableAfterHandler,
  closingYields,
  type ClosingYield,
  type EnclosingTry,
  type TryRegion,
} from './exceptions.js';
export { suspendedResources, asyncGeneratorHeldResources, asyncGeneratorResourcesReleasedOnClose, qualifiedName, RESOURCE_CALL_TRIGGER, type SuspendedResource, type AsyncHeldResource, type ResourceKind } from './resources.js';
