// GEN003 swallowed-generator-exit: placeholder until the rule is implemented (its check reports nothing yet).

import type { RuleDefinition } from './rule.js';

export const swallowedGeneratorExit: RuleDefinition = {
  code: 'GEN003',
  name: 'swallowed-generator-exit',
  severity: 'error',
  summary: 'TODO',
  fixTitle: null,
  docs: { whatItDoes: 'TODO', whyIsThisBad: 'TODO', example: 'TODO', useInstead: 'TODO' },
};
