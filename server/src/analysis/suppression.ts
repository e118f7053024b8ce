// Inline suppression comments: `# noqa`, `# noqa: GEN001, GEN004` (the ecosystem's convention) and
// `# yieldlens: ignore[rule-name, GEN002]`, on the line a finding is reported on.

const NOQA = /#\s*noqa(?::\s*(?<codes>[A-Za-z]+[0-9]+(?:[\s,]+[A-Za-z]+[0-9]+)*))?/i;
const YIELDLENS_IGNORE = /#\s*yieldlens:\s*ignore\[(?<names>[^\]]*)\]/i;

/** What a line's comment suppresses: everything, a set of codes/names, or nothing. */
export type LineSuppression = 'all' | ReadonlySet<string> | null;

/** Parses the suppression comment of one source line. Keys are upper-cased codes and lower-cased names. */
export function parseSuppression(lineText: string): LineSuppression {
  if (!lineText.includes('#')) return null;
  const keys = new Set<string>();
  const noqa = NOQA.exec(lineText);
  if (noqa !== null) {
    const codes = noqa.groups?.['codes'];
    if (codes === undefined) return 'all';
    for (const code of codes.split(/[\s,]+/)) if (code !== '') keys.add(code.toUpperCase());
  }
  const ignore = YIELDLENS_IGNORE.exec(lineText);
  if (ignore !== null) {
    for (const name of (ignore.groups?.['names'] ?? '').split(',')) {
      const key = name.trim();
      if (key !== '') keys.add(/^[a-z]+\d+$/i.test(key) ? key.toUpperCase() : key.toLowerCase());
    }
  }
  return keys.size === 0 ? null : keys;
}

export function isSuppressed(suppression: LineSuppression, code: string, name: string): boolean {
  if (suppression === null) return false;
  if (suppression === 'all') return true;
  return suppression.has(code) || suppression.has(name);
}
