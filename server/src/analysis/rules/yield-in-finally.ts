// GEN002 yield-in-finally: placeholder until the rule is implemented (its check reports nothing yet).

import type { RuleDefinition } from './rule.js';

export const yieldInFinally: RuleDefinition = {
  code: 'GEN002',
  name: 'yield-in-finally',
  severity: 'error',
  summary: 'TODO',
  fixTitle: null,
  docs: { whatItDoes: 'TODO', whyIsThisBad: 'TODO', example: 'TODO', useInstead: 'TODO' },
};
