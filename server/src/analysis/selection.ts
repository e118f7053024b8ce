// Turns `select`/`ignore`/`extend-select` lists (codes, code prefixes, rule names, or ALL) into the set
// of enabled codes, as ruff does. The only place where rules are switched on or off; the CLI, per-file
// ignores and the server use it.

import { RULES } from './rules/registry.js';

/** One layer of selection: the configuration file's, or the command line's. */
export interface RuleSelection {
  /** Replaces what the layers before selected; `[]` selects nothing. Absent: keep it. */
  select?: readonly string[];
  /** Switched off on top of `select`. */
  ignore?: readonly string[];
  /** Switched on on top of `select` (or of the layers before, when `select` is absent). */
  extendSelect?: readonly string[];
  /** The same as `ignore` (ruff keeps the spelling for compatibility). */
  extendIgnore?: readonly string[];
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

/** The rules that run when nothing is selected: all but those off by default (GEN100). */
export function defaultRuleCodes(): string[] {
  return RULES.filter((rule) => rule.enabledByDefault !== false).map((rule) => rule.code);
}

/**
 * How specific a selector is: `ALL` least, then code prefixes by length, a full code or a rule name
 * most. Within one layer a more specific selector wins over a less specific one, whichever list it is
 * in: `select = ["GEN001"]` with `ignore = ["GEN"]` keeps GEN001, as in ruff.
 */
function specificity(selector: string): number {
  const wanted = selector.trim();
  if (wanted.toUpperCase() === 'ALL') return 0;
  if (RULES.some((rule) => rule.name === wanted.toLowerCase() || rule.code === wanted.toUpperCase())) return Number.MAX_SAFE_INTEGER;
  return wanted.length;
}

/**
 * The enabled codes after applying each layer in order, starting from the default rules. A layer with
 * `select` starts over from it; one without adds its `extendSelect` to what the layers before enabled
 * and removes its `ignore`. Throws `UnknownRuleError` for a selector that names nothing, so a typo in
 * CI configuration is an error and not a silent no-op.
 */
export function resolveRuleSelection(layers: RuleSelection | readonly RuleSelection[]): Set<string> {
  let enabled = new Set(defaultRuleCodes());
  for (const layer of Array.isArray(layers) ? (layers as readonly RuleSelection[]) : [layers as RuleSelection]) {
    const switchOn = [...(layer.select ?? []), ...(layer.extendSelect ?? [])];
    const switchOff = [...(layer.ignore ?? []), ...(layer.extendIgnore ?? [])];
    const updates = new Map<string, boolean>();
    const levels = [...new Set([...switchOn, ...switchOff].map(specificity))].sort((a, b) => a - b);
    for (const level of levels) {
      for (const selector of switchOn) if (specificity(selector) === level) for (const code of codesForSelector(selector)) updates.set(code, true);
      for (const selector of switchOff) if (specificity(selector) === level) for (const code of codesForSelector(selector)) updates.set(code, false);
    }
    if (layer.select !== undefined) enabled = new Set();
    for (const [code, on] of updates) {
      if (on) enabled.add(code);
      else enabled.delete(code);
    }
  }
  // In registry order, so that callers listing the enabled rules list them as the catalogue does.
  return new Set(RULES.map((rule) => rule.code).filter((code) => enabled.has(code)));
}
