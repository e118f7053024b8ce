// The finding and report types that the analysis produces and that the CLI, the language server and
// the editor client all consume. Lines and columns are 1-based; columns count UTF-16 code units (as LSP).

export type Severity = 'error' | 'warning' | 'info';

/** A range in a file, 1-based, end exclusive, columns in UTF-16 code units. */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface RelatedLocation {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** One replacement of a range by new text; ranges of one fix never overlap. */
export interface TextEdit extends SourceRange {
  newText: string;
}

/**
 * How far a fix can be trusted, in ruff's terms: `safe` keeps the program's meaning apart from
 * removing the bug, `unsafe` may change behaviour a careful user must review.
 */
export type FixApplicability = 'safe' | 'unsafe';

export interface Fix {
  title: string;
  applicability: FixApplicability;
  edits: TextEdit[];
}

export interface Finding extends SourceRange {
  file: string;
  code: string;
  rule: string;
  severity: Severity;
  message: string;
  related: RelatedLocation[];
  fix: Fix | null;
}

/** A file that could not be read or analysed; reported, never fatal to the run. */
export interface FileError {
  file: string;
  message: string;
  /** Where the problem is (a syntax error, an undecodable byte), 1-based, when it has a place. */
  line?: number;
  column?: number;
}

/** The object printed by `yieldlens check --format json`. Stable: CI pipelines parse it. */
export interface CheckReport {
  version: 1;
  findings: Finding[];
  errors: FileError[];
  summary: {
    files: number;
    /** Findings reported (with `--fix`: those that remain). */
    findings: number;
    /** Reported findings whose fix `--fix` applies (unsafe ones counted with `--unsafe-fixes`). */
    fixable?: number;
    /** Fixes applied by `--fix` (or, with `--diff`, that would be). */
    fixed?: number;
  };
}

/** What `yieldlens rules` lists and what editors show for a rule. */
export interface RuleDescriptor {
  code: string;
  name: string;
  severity: Severity;
  summary: string;
}
