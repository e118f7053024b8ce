// The hover feature: on a generator function, what it yields, receives, returns and holds across
// yields; on a variable holding a generator object, its state there. The facts come from
// `analysis/describe.ts`; this file only renders them as markdown.

import { MarkupKind, type Hover } from 'vscode-languageserver';
import { describeAt, type Description, type DescribeContext, type GeneratorObjectState } from '../analysis/describe.js';
import type { AnalysisResult } from '../analysis/index.js';

const STATE_TEXT: Record<GeneratorObjectState, string> = {
  created: '**created** (`GEN_CREATED`): not started yet — prime it with `next()` before sending a value',
  suspended: '**suspended** (`GEN_SUSPENDED`): paused at a `yield`',
  exhausted: '**exhausted** (`GEN_CLOSED`): finished; `next()` raises `StopIteration`',
  started: '**started** (`GEN_SUSPENDED` or `GEN_CLOSED`, depending on the path): `send()` is safe',
  unknown: 'not known here (it depends on paths or calls the analysis cannot follow)',
};

export function hoverAt(result: AnalysisResult, offset: number, context: DescribeContext): Hover | null {
  const found = describeAt(result.model, offset, context);
  if (found === null) return null;
  const start = result.lines.position(found.node.startIndex);
  const end = result.lines.position(found.node.endIndex);
  return {
    contents: { kind: MarkupKind.Markdown, value: render(found.description) },
    range: { start: { line: start.line - 1, character: start.column - 1 }, end: { line: end.line - 1, character: end.column - 1 } },
  };
}

function render(description: Description): string {
  switch (description.kind) {
    case 'function': {
      const lines = ['```python', description.signature, '```', `**${description.isAsync ? 'Asynchronous generator' : 'Generator'} function** \`${description.qualname}\``, ''];
      if (description.yields.length > 0) lines.push(`- **Yields:** ${codeList(description.yields)}`);
      if (description.delegatesTo.length > 0) lines.push(`- **Delegates to (\`yield from\`):** ${codeList(description.delegatesTo)}`);
      lines.push(
        description.receives.length === 0
          ? '- **Receives via `send()`:** nothing — every `yield` discards the sent value'
          : `- **Receives via \`send()\`:** ${description.receives.map((item) => `\`${item.target}\` (line ${item.line})`).join(', ')}`,
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

function codeList(items: readonly string[]): string {
  const shown = items.slice(0, 6).map((item) => `\`${item.length > 60 ? `${item.slice(0, 59)}…` : item}\``);
  if (items.length > 6) shown.push(`and ${items.length - 6} more`);
  return shown.join(', ');
}
