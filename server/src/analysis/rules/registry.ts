// The one list of rules. Adding a rule means adding its file and one line here; nothing else
// registers rules, and nothing but the dispatcher enables or disables them.

import type { RuleDefinition } from './rule.js';
import { unprimedSend } from './unprimed-send.js';
import { yieldInFinally } from './yield-in-finally.js';
import { swallowedGeneratorExit } from './swallowed-generator-exit.js';
import { stopIterationLeak } from './stop-iteration-leak.js';
import { suspendedResource } from './suspended-resource.js';
import { exhaustedReuse } from './exhausted-reuse.js';
import { sendValueIgnored } from './send-value-ignored.js';
import { contextmanagerMultipleYield } from './contextmanager-multiple-yield.js';
import { contextmanagerUnprotectedYield } from './contextmanager-unprotected-yield.js';
import { generatorReentrancy } from './generator-reentrancy.js';
import { deprecatedThrowSignature } from './deprecated-throw-signature.js';
import { retainedLargeLocal } from './retained-large-local.js';
import { unusedNoqa } from './unused-noqa.js';

export type { RuleDefinition, RuleDocs } from './rule.js';

export const RULES: readonly RuleDefinition[] = [
  unprimedSend,
  yieldInFinally,
  swallowedGeneratorExit,
  stopIterationLeak,
  suspendedResource,
  exhaustedReuse,
  sendValueIgnored,
  contextmanagerMultipleYield,
  contextmanagerUnprotectedYield,
  generatorReentrancy,
  deprecatedThrowSignature,
  retainedLargeLocal,
  unusedNoqa,
];

/** Finds a rule by its code (`GEN001`, any case) or its name (`unprimed-send`). */
export function ruleByCodeOrName(key: string): RuleDefinition | undefined {
  const wanted = key.trim().toLowerCase();
  return RULES.find((rule) => rule.code.toLowerCase() === wanted || rule.name === wanted);
}
