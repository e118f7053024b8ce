// The one helper every rule fixture goes through: runs a single rule over a `test-fixtures/rules/*.py`
// file and checks its findings against the inline `# error: [rule-name]` comments, exactly.

import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePython, type SyntaxNode } from '../../src/parser.js';
import { analyzeFile } from '../../src/analysis/check.js';
import { ruleByCodeOrName } from '../../src/analysis/rules/registry.js';
import type { Finding } from '@yieldlens/shared';

/** The repository root; fixture paths in findings and snapshots are relative to it. */
export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

export interface FixtureResult {
  findings: Finding[];
  /** One finding a line, `path:line:col: CODE [rule] message`, with the path relative to the repo. */
  rendered: string;
}

/**
 * A comment that starts with `# error: [a]` or `# error: [a, b]` (more text may follow, e.g. `# noqa`);
 * the same rule listed twice expects two findings on that line. Prose that merely mentions the syntax
 * further into a comment is not an expectation.
 */
const EXPECTATION = /^#\s*error:\s*\[([^\]]*)\]/g;

/**
 * Runs `ruleName` alone over the fixture and throws, listing every difference, unless each line with
 * `# error: [ruleName]` gets exactly as many findings (by anchor start line) as the comment names it
 * and no other line gets any. Also throws when the fixture itself has a syntax error, since findings
 * in broken code are withheld and the comparison would mean nothing.
 */
export function checkFixture(path: string, ruleName: string): FixtureResult {
  const rule = ruleByCodeOrName(ruleName);
  if (rule === undefined || rule.name !== ruleName) {
    throw new Error(`${path}: no rule named \`${ruleName}\` in the registry (the fixture's stem must be a rule name)`);
  }
  const absolute = resolve(path);
  const display = relative(REPO_ROOT, absolute).split('\\').join('/');
  const text = readFileSync(absolute, 'utf8');
  const tree = parsePython(text);
  if (tree.rootNode.hasError) throw new Error(`${display}: the fixture does not parse cleanly`);

  const expected = expectedCounts(tree.rootNode, ruleName);
  const result = analyzeFile({ file: display, text, tree, enabled: new Set([rule.code]) });
  const actual = new Map<number, Finding[]>();
  for (const finding of result.findings) {
    const list = actual.get(finding.line);
    if (list === undefined) actual.set(finding.line, [finding]);
    else list.push(finding);
  }

  const lines = text.split(/\r\n|\r|\n/);
  const problems: string[] = [];
  const allLines = [...new Set([...expected.keys(), ...actual.keys()])].sort((a, b) => a - b);
  for (const line of allLines) {
    const want = expected.get(line) ?? 0;
    const got = actual.get(line) ?? [];
    if (want === got.length) continue;
    const source = (lines[line - 1] ?? '').trim();
    if (got.length < want) {
      problems.push(`  ${display}:${line}: expected ${want} finding(s) of [${ruleName}], got ${got.length}\n      ${source}`);
    } else {
      const messages = got.map((f) => `${f.column}: ${f.message}`).join('\n        ');
      problems.push(`  ${display}:${line}: unexpected finding(s) of [${ruleName}] (expected ${want}, got ${got.length})\n      ${source}\n        ${messages}`);
    }
  }
  if (problems.length > 0) {
    throw new Error(`${display}: findings of [${ruleName}] differ from the fixture's expectations:\n${problems.join('\n')}`);
  }
  return { findings: result.findings, rendered: renderFindings(result.findings) };
}

/** The CLI's text format, one finding a line (paths as given to `analyzeFile`). */
export function renderFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.code} [${f.rule}] ${f.message}\n`).join('');
}

/** Counts the expectations per 1-based line, reading only real comments (not strings that look like them). */
function expectedCounts(root: SyntaxNode, ruleName: string): Map<number, number> {
  const counts = new Map<number, number>();
  const cursor = root.walk();
  // A pre-order walk with a cursor: one native call per step instead of materialising child arrays.
  let descending = true;
  for (;;) {
    if (descending && cursor.nodeType === 'comment') {
      const line = cursor.startPosition.row + 1;
      for (const match of cursor.nodeText.matchAll(EXPECTATION)) {
        for (const name of (match[1] ?? '').split(',')) {
          if (name.trim() === ruleName) counts.set(line, (counts.get(line) ?? 0) + 1);
        }
      }
    }
    if (descending && cursor.gotoFirstChild()) continue;
    if (cursor.gotoNextSibling()) {
      descending = true;
      continue;
    }
    if (!cursor.gotoParent()) break;
    descending = false;
  }
  return counts;
}
