// Applies the fixes of a file's findings to its text, as `check --fix` does: a round applies every fix
// that does not conflict with another, the text is analysed again, and rounds repeat until no fix is
// left (or a bound is reached), because fixes skipped for a conflict, or made possible by an earlier
// fix, only show up in a fresh analysis. Pure: text and findings in, text out.

import type { Finding, Fix } from '@yieldlens/shared';
import { LineIndex } from './positions.js';

/** Rounds of fix-and-reanalyse before giving up, as ruff bounds its own loop. */
export const MAX_FIX_ROUNDS = 100;

/** A fix that `--fix` applies: safe ones always, unsafe ones with `--unsafe-fixes`. */
export function fixApplies(fix: Fix | null, unsafe: boolean): fix is Fix {
  return fix !== null && fix.edits.length > 0 && (fix.applicability === 'safe' || unsafe);
}

interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * Applies, in one round, every applicable fix that does not overlap or touch a fix taken before it
 * (fixes ordered by where they start). The edits are spliced in from the end of the text backwards,
 * so each edit's offsets still refer to the original text. Returns the new text and the findings
 * whose fixes were applied.
 */
export function applyFixes(text: string, findings: readonly Finding[], unsafe: boolean): { text: string; applied: Finding[] } {
  const lines = new LineIndex(text);
  const candidates: { finding: Finding; edits: OffsetEdit[] }[] = [];
  for (const finding of findings) {
    if (!fixApplies(finding.fix, unsafe)) continue;
    const edits = finding.fix.edits
      .map((edit) => ({ start: lines.offset(edit.line, edit.column), end: lines.offset(edit.endLine, edit.endColumn), newText: edit.newText }))
      .sort((a, b) => a.start - b.start || a.end - b.end);
    if (edits.some((edit, i) => edit.end < edit.start || (i > 0 && edit.start < (edits[i - 1]?.end ?? 0)))) continue;
    candidates.push({ finding, edits });
  }
  candidates.sort((a, b) => (a.edits[0]?.start ?? 0) - (b.edits[0]?.start ?? 0) || compareCodes(a.finding.code, b.finding.code));

  const taken: OffsetEdit[] = [];
  const applied: Finding[] = [];
  let lastEnd = -1;
  for (const candidate of candidates) {
    const first = candidate.edits[0];
    // Touching counts as conflict: two insertions at one offset have no defined order.
    if (first === undefined || first.start <= lastEnd) continue;
    // A loop, not push(...edits): a fix re-indenting a huge block has more edits than a call has arguments.
    for (const edit of candidate.edits) {
      taken.push(edit);
      lastEnd = Math.max(lastEnd, edit.end);
    }
    applied.push(candidate.finding);
  }
  if (taken.length === 0) return { text, applied };

  const parts: string[] = [];
  let cursor = text.length;
  for (let i = taken.length - 1; i >= 0; i--) {
    const edit = taken[i];
    if (edit === undefined) continue;
    parts.push(text.slice(edit.end, cursor), edit.newText);
    cursor = edit.start;
  }
  parts.push(text.slice(0, cursor));
  return { text: parts.reverse().join(''), applied };
}

/** What an analysis of a text must tell the fix loop. */
export interface FixableAnalysis {
  findings: Finding[];
  syntaxError: unknown;
}

export type FixLoopResult<A extends FixableAnalysis> =
  /** `text` is the fixed text (the original when nothing applied); `analysis` is of that text. */
  | { ok: true; text: string; analysis: A; fixed: Map<string, number> }
  /** The fixes broke the code or never settled; nothing should be written. `analysis` is of the original. */
  | { ok: false; analysis: A; message: string };

/**
 * Fixes `text` until no applicable fix remains, re-analysing after every round. A round that would
 * introduce a syntax error, or rounds that do not settle within MAX_FIX_ROUNDS (fixes undoing each
 * other), abandon the whole attempt: the original text stands.
 */
export function fixUntilStable<A extends FixableAnalysis>(text: string, analyze: (text: string) => A, unsafe: boolean, first?: A): FixLoopResult<A> {
  const original = first ?? analyze(text);
  // Broken code is not fixed: the analysis withholds what it cannot trust there, and so do fixes.
  if (original.syntaxError !== null) return { ok: true, text, analysis: original, fixed: new Map() };
  const fixed = new Map<string, number>();
  const seen = new Set<string>([text]);
  let current = text;
  let analysis = original;
  for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
    const { text: next, applied } = applyFixes(current, analysis.findings, unsafe);
    if (applied.length === 0 || next === current) return { ok: true, text: current, analysis, fixed };
    const nextAnalysis = analyze(next);
    if (nextAnalysis.syntaxError !== null) {
      const codes = [...new Set(applied.map((finding) => finding.code))].sort().join(', ');
      return { ok: false, analysis: original, message: `fixing ${codes} would introduce a syntax error; no fix applied (this is a yieldlens bug)` };
    }
    if (seen.has(next)) return { ok: false, analysis: original, message: 'fixes undo each other; no fix applied (this is a yieldlens bug)' };
    seen.add(next);
    for (const finding of applied) fixed.set(finding.code, (fixed.get(finding.code) ?? 0) + 1);
    current = next;
    analysis = nextAnalysis;
  }
  return { ok: false, analysis: original, message: `fixes did not settle after ${MAX_FIX_ROUNDS} rounds; no fix applied (this is a yieldlens bug)` };
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
