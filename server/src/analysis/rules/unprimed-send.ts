// GEN001 unprimed-send: placeholder until the rule is implemented (its check reports nothing yet).

import type { RuleDefinition } from './rule.js';

export const unprimedSend: RuleDefinition = {
  code: 'GEN001',
  name: 'unprimed-send',
  severity: 'error',
  summary: 'TODO',
  fixTitle: null,
  docs: { whatItDoes: 'TODO', whyIsThisBad: 'TODO', example: 'TODO', useInstead: 'TODO' },
};
