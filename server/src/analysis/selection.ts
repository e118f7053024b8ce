// Turns `select`/`ignore` lists (codes, code prefixes, rule names, or ALL) into the set of enabled codes.
// The only place where rules are switched on or off; the CLI, per-file ignores and the server use it.

import { RULES } from './rules/registry.js';

export interface RuleSelection {
  select?: readonly string[];
  ignore?: readonly string[];
}

export class UnknownRuleError extends Error {
  constructor(readonly selector: string) {
    super(`unknown rule or code: ${selector}`);
  }
}

/** Codes matched by one selector: `ALL`, a code, a code prefix (`GEN00`), or a rule name. */
export function codesForSelector(selector: string): string[] {
  const wanted = selector.trim();
  if (wanted.toUpperCase() === 'ALL') return RULES.map((rule) => rule.code);
  const byName = RULES.find((rule) => rule.name === wanted.toLowerCase());
  if (byName !== undefined) return [byName.code];
  const prefix = wanted.toUpperCase();
  const byCode = RULES.filter((rule) => rule.code.startsWith(prefix));
  if (prefix.length > 0 && byCode.length > 0) return byCode.map((rule) => rule.code);
  throw new UnknownRuleError(selector);
}

/**
 * The enabled codes: `select` (default: every rule) minus `ignore`. Throws `UnknownRuleError` for a
 * selector that names nothing, so a typo in CI configuration is an error and not a silent no-op.
 */
export function resolveRuleSelection(selection: RuleSelection): Set<string> {
  const selected = selection.select === undefined || selection.select.length === 0
    ? RULES.map((rule) => rule.code)
    : selection.select.flatMap(codesForSelector);
  const ignored = new Set((selection.ignore ?? []).flatMap(codesForSelector));
  return new Set(selected.filter((code) => !ignored.has(code)));
}
