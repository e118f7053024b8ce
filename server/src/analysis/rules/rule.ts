// The shape of a rule: its identity, its documentation and its check. Rules never read configuration
// and never walk the whole file themselves; the dispatcher in `check.ts` decides which rules run.

import type { FixApplicability, RelatedLocation, Severity } from '@yieldlens/shared';
import type { SyntaxNode } from '../../parser.js';
import type { FunctionInfo, SemanticModel } from '../model/semantic.js';
import type { DefinitionText } from '../partial.js';
import type { WorkspaceIndex } from '../workspace/index.js';

/** Documentation in ruff's fixed sections; `yieldlens rule NAME`, SARIF help and hovers come from it. */
export interface RuleDocs {
  whatItDoes: string;
  whyIsThisBad: string;
  /** Python code showing the problem. */
  example: string;
  /** Python code showing the fix. */
  useInstead: string;
  fixSafety?: string;
  references?: string[];
}

/** An edit as UTF-16 offsets into the file's text; the dispatcher turns it into lines and columns. */
export interface OffsetEdit {
  startIndex: number;
  endIndex: number;
  newText: string;
}

export interface RuleFix {
  title: string;
  applicability: FixApplicability;
  edits: OffsetEdit[];
}

/** Related information either in this file (a node) or anywhere (an explicit location). */
export type RuleRelated = { node: SyntaxNode; message: string } | RelatedLocation;

export interface RuleReport {
  /** The anchor named in the rule catalogue; the finding spans this node. */
  node: SyntaxNode;
  message: string;
  related?: RuleRelated[];
  fix?: RuleFix;
}

export interface RuleContext {
  readonly model: SemanticModel;
  readonly file: string;
  readonly text: string;
  /** The workspace index, when the caller has one (multi-file runs, the language server). */
  readonly index: WorkspaceIndex | undefined;
  /** The dotted module name of this file, when known (needed for relative imports). */
  readonly moduleName: string | undefined;
  report(report: RuleReport): void;
}

export interface RuleDefinition {
  code: string;
  name: string;
  severity: Severity;
  /** One line for `yieldlens rules` and the README table. */
  summary: string;
  /** The fix's title when the rule offers one, e.g. "Prime the generator with `next()` first". */
  fixTitle: string | null;
  /**
   * False for a rule that runs only when selected explicitly (by code, prefix or `ALL`), such as the
   * meta rule judging suppression comments. Absent: the rule is on by default.
   */
  enabledByDefault?: boolean;
  docs: RuleDocs;
  /**
   * Text that must occur in a file for the rule to possibly report there (e.g. `/\byield\b/`). The
   * dispatcher skips building the semantic model when no enabled rule's trigger matches: most files
   * of a code base contain no generator at all. Absent: the rule always runs.
   */
  triggers?: RegExp;
  /**
   * True when the rule can report in a file whose only generator-related text is a name defined in
   * another module (a generator function, priming decorator or generator factory it imports), so that
   * `triggers` alone would miss it. Such a file is then analysed when it mentions a name the workspace
   * index knows to be one of those, or (a caller without a full index: the CLI) when it imports at all.
   */
  triggeredByImportedNames?: boolean;
  /**
   * Whether the rule can report inside a top-level def or class with this code, whatever the rest of the
   * file: `check` parses only the definitions in which some running rule can report, the module-level
   * code and the definitions they reference (`analysis/partial.ts`). A rule whose reports lie in generator
   * bodies asks for a `yield` or a generator expression. Absent: the rule may report anywhere, and files
   * it runs on are parsed whole.
   */
  reportsInDefinition?(definition: DefinitionText): boolean;
  /** Called once for every def, lambda and generator expression (generator or not). */
  checkFunction?(fn: FunctionInfo, ctx: RuleContext): void;
  /** Node types handed to `checkNode`, collected during the model's single walk. */
  nodeTypes?: readonly string[];
  checkNode?(node: SyntaxNode, ctx: RuleContext): void;
}
