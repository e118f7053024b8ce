// The hover feature: on a generator function, what it yields, receives, returns and holds across
// yields (and, when a trace ran it, what it did); on a variable holding a generator object, its state
// there; on a traced `yield`, a table of its suspensions in the last trace. The facts come from
// `analysis/describe.ts` and the trace view; this file only renders them as markdown.

import { MarkupKind, type Hover } from 'vscode-languageserver';
import { describeAt, type Description, type DescribeContext, type GeneratorObjectState, type ReceivedValue } from '../analysis/describe.js';
import type { AnalysisResult } from '../analysis/index.js';
import type { SyntaxNode } from '../parser.js';
import { summarizeGenerator, type DocumentTraceView, type GeneratorTrace, type YieldSite } from './trace-view.js';

/** What a hover reads of a document's analysis: its tree, model and lines, never its findings. */
type HoverSource = Pick<AnalysisResult, 'tree' | 'model' | 'lines'>;

/** Rows of a yield's table: the first ones and the last, with a row saying how many are left out. */
const MAX_TABLE_ROWS = 10;
const MAX_CELL_LENGTH = 40;
const MAX_LOCALS = 6;

const STATE_TEXT: Record<GeneratorObjectState, string> = {
  created: '**created** (`GEN_CREATED`): not started yet — prime it with `next()` before sending a value',
  suspended: '**suspended** (`GEN_SUSPENDED`): paused at a `yield`',
  exhausted: '**exhausted** (`GEN_CLOSED`): finished; `next()` raises `StopIteration`',
  started: '**started** (`GEN_SUSPENDED` or `GEN_CLOSED`, depending on the path): `send()` is safe',
  unknown: 'not known here (it depends on paths or calls the analysis cannot follow)',
};

export function hoverAt(result: HoverSource, offset: number, context: DescribeContext, view: DocumentTraceView | null = null): Hover | null {
  if (view !== null) {
    const traced = tracedYieldAt(result, offset, view);
    if (traced !== null) return hoverOver(result, traced.node, renderYieldSite(traced.site));
  }
  const found = describeAt(result.model, offset, context);
  if (found === null) return null;
  let markdown = render(found.description);
  const trace = view === null ? undefined : traceOfDescription(found.description, view);
  if (trace !== undefined) markdown += `\n\n**Traced** (${trace.source.label}, line ${trace.source.line}): ${summarizeGenerator(trace)}`;
  return hoverOver(result, found.node, markdown);
}

function hoverOver(result: HoverSource, node: SyntaxNode, markdown: string): Hover {
  const start = result.lines.position(node.startIndex);
  const end = result.lines.position(node.endIndex);
  return {
    contents: { kind: MarkupKind.Markdown, value: markdown },
    range: { start: { line: start.line - 1, character: start.column - 1 }, end: { line: end.line - 1, character: end.column - 1 } },
  };
}

/** The `yield` under the cursor (its keyword or its whole expression) and its traced line, if traced. */
function tracedYieldAt(result: HoverSource, offset: number, view: DocumentTraceView): { node: SyntaxNode; site: YieldSite } | null {
  let node: SyntaxNode | null = result.tree.rootNode.descendantForIndex(offset, offset);
  // From the keyword (or an operand) up to the yield expression; a few levels are enough.
  for (let depth = 0; node !== null && depth < 4 && node.type !== 'yield'; depth++) node = node.parent;
  if (node === null || node.type !== 'yield') return null;
  if (!node.isNamed && node.parent !== null) node = node.parent;
  const line = node.startPosition.row + 1;
  const fn = result.model.enclosingFunction(node);
  const site = view.yieldSites.find((each) => each.line === line && (fn === null || each.function === fn.qualname));
  return site === undefined ? null : { node, site };
}

/** What the traces say about the generator function described, when it is defined in this document. */
function traceOfDescription(description: Description, view: DocumentTraceView): GeneratorTrace | undefined {
  if (description.kind !== 'function' || description.definedIn !== undefined) return undefined;
  return view.generators.find((trace) => trace.function === description.qualname);
}

/** A table per suspension at a traced yield: what resumed the generator, what it yielded, its locals. */
function renderYieldSite(site: YieldSite): string {
  const rows = site.suspensions;
  const lines = [
    `**Traced \`yield\`** in \`${site.function}\` — ${rows.length}${site.truncated ? '+' : ''} suspension${rows.length === 1 ? '' : 's'} (trace: ${site.source.label}, line ${site.source.line})`,
    '',
    '| generator | resumed with | yielded | locals at suspension |',
    '|---|---|---|---|',
  ];
  const shown = rows.length > MAX_TABLE_ROWS ? [...rows.slice(0, MAX_TABLE_ROWS - 2), null, ...rows.slice(-2)] : rows;
  for (const row of shown) {
    if (row === null) {
      lines.push(`| … | ${rows.length - MAX_TABLE_ROWS + 2} more | | |`);
      continue;
    }
    const locals = Object.entries(row.locals).slice(0, MAX_LOCALS).map(([name, value]) => `${name}=${cell(value)}`);
    if (Object.keys(row.locals).length > MAX_LOCALS) locals.push('…');
    lines.push(`| #${row.generator} | ${code(row.resumedWith ?? '—')} | ${code(row.value)} | ${locals.length === 0 ? '' : code(locals.join(', '))} |`);
  }
  if (site.truncated) lines.push('', 'The trace was truncated: events from the middle of the run are left out.');
  return lines.join('\n');
}

function cell(text: string): string {
  return text.length <= MAX_CELL_LENGTH ? text : `${text.slice(0, MAX_CELL_LENGTH - 1)}…`;
}

/** Inline code in a table cell: `|` would end the cell, backticks the code span. */
function code(text: string): string {
  const escaped = cell(text).replace(/\|/g, '\\|').replace(/`/g, "'");
  return `\`${escaped}\``;
}

function render(description: Description): string {
  switch (description.kind) {
    case 'function': {
      const origin = description.definedIn === undefined ? '' : ` from \`${description.definedIn.module}\` (line ${description.definedIn.line})`;
      const lines = ['```python', description.signature, '```', `**${description.isAsync ? 'Asynchronous generator' : 'Generator'} function** \`${description.qualname}\`${origin}`, ''];
      if (description.yields.length > 0) lines.push(`- **Yields:** ${codeList(description.yields)}`);
      if (description.delegatesTo.length > 0) lines.push(`- **Delegates to (\`yield from\`):** ${codeList(description.delegatesTo)}`);
      lines.push(
        description.receives.length === 0
          ? '- **Receives via `send()`:** nothing — every `yield` discards the sent value'
          : `- **Receives via \`send()\`:** ${description.receives.map(renderReceived).join(', ')}`,
      );
      lines.push(`- **Returns:** ${codeList(description.returns)}${description.isAsync ? '' : ' (as `StopIteration.value`)'}`);
      lines.push(
        description.resources.length === 0
          ? '- **Resources held across a `yield`:** none unprotected'
          : `- **Resources held across a \`yield\`:** ${description.resources.map((item) => `${item.text} (line ${item.line})`).join(', ')} — released only when the generator finishes or is garbage-collected`,
      );
      return lines.join('\n');
    }
    case 'imported-function': {
      const summary = description.summary;
      const lines = [`**${summary.isAsync ? 'Asynchronous generator' : 'Generator'} function** \`${summary.qualname}\` from \`${description.module}\` (line ${summary.line})`];
      if (summary.primesReturnedGenerator) lines.push('', 'Returns a generator that is already primed.');
      if (summary.acquiresResources) lines.push('', 'Holds a resource across a `yield`.');
      return lines.join('\n');
    }
    case 'object': {
      const from = description.functionName === null ? 'a generator expression' : `\`${description.functionName}()\``;
      return [
        `**Generator object** \`${description.name}\` — created from ${from} on line ${description.originLine}: \`${description.origin}\``,
        '',
        `State here: ${STATE_TEXT[description.state]}`,
      ].join('\n');
    }
  }
}

/** Where a sent value goes, in words: `value` (line 4), passed to `out.append()` (line 54). */
function renderReceived(item: ReceivedValue): string {
  switch (item.how) {
    case 'assigned':
      return `\`${item.target}\` (line ${item.line})`;
    case 'argument':
      return `passed to \`${item.target}\` (line ${item.line})`;
    case 'returned':
      return `returned (line ${item.line})`;
    case 'expression':
      return `used in \`${item.target}\` (line ${item.line})`;
  }
}

function codeList(items: readonly string[]): string {
  const shown = items.slice(0, 6).map((item) => `\`${item.length > 60 ? `${item.slice(0, 59)}…` : item}\``);
  if (items.length > 6) shown.push(`and ${items.length - 6} more`);
  return shown.join(', ');
}
