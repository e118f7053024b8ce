// GEN004 stop-iteration-leak: placeholder until the rule is implemented (its check reports nothing yet).

import type { RuleDefinition } from './rule.js';

export const stopIterationLeak: RuleDefinition = {
  code: 'GEN004',
  name: 'stop-iteration-leak',
  severity: 'error',
  summary: 'TODO',
  fixTitle: null,
  docs: { whatItDoes: 'TODO', whyIsThisBad: 'TODO', example: 'TODO', useInstead: 'TODO' },
};
