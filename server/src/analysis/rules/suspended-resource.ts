// GEN005 suspended-resource: placeholder until the rule is implemented (its check reports nothing yet).

import type { RuleDefinition } from './rule.js';

export const suspendedResource: RuleDefinition = {
  code: 'GEN005',
  name: 'suspended-resource',
  severity: 'warning',
  summary: 'TODO',
  fixTitle: null,
  docs: { whatItDoes: 'TODO', whyIsThisBad: 'TODO', example: 'TODO', useInstead: 'TODO' },
};
