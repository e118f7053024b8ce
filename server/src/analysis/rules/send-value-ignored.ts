// GEN007 send-value-ignored: `.send(value)` to a generator whose every `yield` is a statement of its
// own, so the value becomes the result of an expression nobody reads.

import type { SyntaxNode } from '../../parser.js';
import { CREATED } from '../flow/generator-state.js';
import { occurrencesOf } from '../workspace/occurrences.js';
import { resolverFor, type CalleeResolution } from '../workspace/resolve.js';
import type { RuleContext, RuleDefinition, RuleRelated } from './rule.js';

export const sendValueIgnored: RuleDefinition = {
  code: 'GEN007',
  name: 'send-value-ignored',
  severity: 'warning',
  summary: '`.send(value)` to a generator that never reads what is sent',
  fixTitle: null,
  // The rule reports only at `send` occurrences (see `occurrencesOf`).
  triggers: /\bsend\b/,
  // Reports only at `.send()` calls.
  reportsInDefinition: (definition) => definition.words.has('send'),
  docs: {
    whatItDoes: `Checks for \`.send(value)\` calls, with \`value\` other than \`None\`, on a generator object whose generator
function never reads a sent value: every \`yield\` in its body is a statement of its own (\`yield\` or
\`yield item\`), with no \`x = yield\`, no \`(yield)\` inside an expression and no \`yield from\` (which passes
sent values on to the subiterator).

The generator object must be known: the result of calling a generator function of the same module or
of another module of the workspace, or a factory that returns one (\`def make(): return gen()\`, also
one that primes it first, and factories of factories), bound to a local name (every binding of it) or
called in the same expression. A factory whose returns call different functions is not followed. A send to a generator that is not started on every path is GEN001's (TypeError), not this
rule's.`,
    whyIsThisBad: `\`send(value)\` resumes the generator and makes the paused \`yield\` expression evaluate to \`value\`. When
the generator never uses that expression, the value is silently dropped: the caller believes it
configured, fed or steered the generator, and nothing happened. Usually the generator was meant to
read it (\`x = yield\`), or the caller meant \`next(g)\`.`,
    example: `def running_total():
    total = 0
    while True:
        yield total  # the sent amount is dropped here

totals = running_total()
next(totals)
totals.send(10)  # total stays 0`,
    useInstead: `def running_total():
    total = 0
    while True:
        amount = yield total
        total += amount

totals = running_total()
next(totals)
totals.send(10)`,
    fixSafety: `No fix is offered: whether the generator should read the value or the caller should call \`next()\`
instead is a design decision.`,
    references: [
      'https://docs.python.org/3/reference/expressions.html#generator.send',
      'https://peps.python.org/pep-0342/',
    ],
  },
  nodeTypes: ['module'],
  checkNode(module, ctx) {
    if (module.parent !== null) return;
    for (const name of occurrencesOf(ctx.model, 'send')) {
      const attribute = name.parent;
      const call = attribute?.parent;
      if (attribute?.type !== 'attribute' || call === null || call === undefined || call.type !== 'call') continue;
      if (attribute.childForFieldName('attribute')?.id !== name.id || call.childForFieldName('function')?.id !== attribute.id) continue;
      checkSend(call, attribute, ctx);
    }
  },
};

function checkSend(call: SyntaxNode, attribute: SyntaxNode, ctx: RuleContext): void {
  const args = call.childForFieldName('arguments')?.namedChildren.filter((a) => a.type !== 'comment') ?? [];
  if (args.length !== 1) return;
  const value = args[0];
  if (value === undefined || value.type === 'none' || value.type === 'keyword_argument' || value.type === 'list_splat' || value.type === 'dictionary_splat') return;
  if (/\bNone\b/.test(ctx.text.slice(value.startIndex, value.endIndex))) return;
  const receiver = attribute.childForFieldName('object');
  if (receiver === null) return;
  const creator = receiver.type === 'identifier' ? creatorOfName(receiver, ctx) : receiver.type === 'call' ? discardingGenerator(resolverFor(ctx).resolveCall(receiver), ctx) : null;
  if (creator === null) return;
  // An unstarted generator raises TypeError on this send: GEN001 reports that.
  if (receiver.type === 'call' || (receiver.type === 'identifier' && resolverFor(ctx).maskAt(receiver) === CREATED)) return;
  const receiverText = ctx.text.slice(receiver.startIndex, receiver.endIndex);
  const related: RuleRelated[] = creator.related === null ? [] : [creator.related];
  ctx.report({
    node: call,
    message: `\`${receiverText}\` is a generator of \`${creator.name}\`${creator.via.length === 0 ? '' : ` (made by \`${creator.via.join('()` → `')}()\`)`}, whose every \`yield\` is a statement of its own: the value sent is dropped; read it in the generator (\`x = yield ...\`) or call \`next(${receiverText})\``,
    related,
  });
}

interface Creator {
  /** The generator function whose yields drop what is sent. */
  name: string;
  /** The factories the object came through, outermost first (`make_totals`), if any. */
  via: string[];
  related: RuleRelated | null;
}

/** The generator function every binding of the name calls, when each of them discards sent values. */
function creatorOfName(receiver: SyntaxNode, ctx: RuleContext): Creator | null {
  const found = ctx.model.resolve(receiver.text, ctx.model.scopeOf(receiver));
  if (found === null || found.bindings.length === 0 || found.bindings.length > 20) return null;
  let creator: Creator | null = null;
  for (const binding of found.bindings) {
    if (binding.kind !== 'assign' || binding.value === null || binding.value.type !== 'call') return null;
    const judged = discardingGenerator(resolverFor(ctx).resolveCall(binding.value), ctx);
    if (judged === null) return null;
    creator ??= judged;
  }
  return creator;
}

/** Factories returning factories are followed this deep (`def make(): return make_inner()`). */
const MAX_FACTORY_DEPTH = 4;

/**
 * The generator function behind `callee` when it discards sent values: the function itself, or, for a
 * factory that returns a call of one (primed or not), that generator function.
 */
function discardingGenerator(callee: CalleeResolution, ctx: RuleContext, depth = 0): Creator | null {
  if (callee.kind !== 'function') return null;
  const summary = callee.summary;
  const resolver = resolverFor(ctx);
  if (!summary.isGenerator) {
    if (summary.returnedCallee === null || depth >= MAX_FACTORY_DEPTH) return null;
    // The factory's own decorators could make its result anything: `callResult` says whether the call
    // still gives a generator object; which generator function that is, the returned callee says.
    if (resolver.callResult(callee) === null) return null;
    const inner = discardingGenerator(resolver.returnedCalleeOf(callee), ctx, depth + 1);
    return inner === null ? null : { ...inner, name: inner.name, via: [summary.qualname, ...inner.via] };
  }
  if (summary.isAsync || summary.discardsSentValues !== true) return null;
  // A decorator may wrap the generator in something else entirely: only a plain generator object counts.
  if (resolver.callResult(callee) !== 'created') return null;
  const name = summary.qualname;
  if (callee.node !== null) return { name, via: [], related: { node: callee.node.childForFieldName('name') ?? callee.node, message: `\`${name}\` never reads a sent value` } };
  return { name, via: [], related: null };
}
