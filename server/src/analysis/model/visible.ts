// Which code every analysis of a definition sees. The language server analyses each top-level
// definition together with the module-level code and the definitions it references, never with the
// definitions that reference it; a rule that looks at a function's callers must look only here, or the
// editor and `check` would disagree.

import type { SyntaxNode } from '../../parser.js';
import type { FunctionInfo, SemanticModel } from './semantic.js';

interface TopLevel {
  starts: number[];
  ends: number[];
  isDefinition: boolean[];
}

const cache = new WeakMap<SemanticModel, TopLevel>();

function topLevelOf(model: SemanticModel): TopLevel {
  let found = cache.get(model);
  if (found === undefined) {
    const statements = model.tree.rootNode.namedChildren;
    found = {
      starts: statements.map((statement) => statement.startIndex),
      ends: statements.map((statement) => statement.endIndex),
      isDefinition: statements.map((statement) => statement.type === 'function_definition' || statement.type === 'class_definition' || statement.type === 'decorated_definition'),
    };
    cache.set(model, found);
  }
  return found;
}

/**
 * True when `node` lies in module-level code (a top-level statement that is not a def or class) or
 * in the top-level statement that contains `fn`.
 */
export function isVisibleWith(node: SyntaxNode, fn: FunctionInfo, model: SemanticModel): boolean {
  const { starts, ends, isDefinition } = topLevelOf(model);
  const at = node.startIndex;
  let low = 0;
  let high = starts.length - 1;
  let index = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((starts[mid] ?? 0) <= at) {
      index = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  if (index < 0 || (ends[index] ?? 0) < node.endIndex) return false;
  if (isDefinition[index] !== true) return true;
  return (starts[index] ?? 0) <= fn.node.startIndex && fn.node.endIndex <= (ends[index] ?? 0);
}
