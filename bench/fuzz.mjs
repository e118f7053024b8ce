// `npm run fuzz`: the long run of the value fuzzer (server/test/runtime/value-fuzz.mjs) over many seeds;
// prints markdown: counts, the refusals by reason, and every disagreement with CPython (minimise and fix them).
// FUZZ_SEEDS=first:count, FUZZ_BATCHES, FUZZ_BATCH_SIZE tune it.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findPython } from '../server/test/runtime/oracle-harness.mjs';
import { fuzz } from '../server/test/runtime/value-fuzz.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const runtimeEntry = join(repoRoot, 'server', 'dist', 'runtime', 'index.js');

export default async function run() {
  const lines = ['## Value fuzzer: random expressions over the built-in types, runtime vs CPython', ''];
  const python = findPython();
  if (!python.ok) return [...lines, `Skipped: ${python.reason}.`].join('\n');
  if (!existsSync(runtimeEntry)) return [...lines, `Skipped: the runtime is not built (${runtimeEntry}); run \`npx tsc -b\`.`].join('\n');
  const { runSnippet } = await import(pathToFileURL(runtimeEntry).href);
  await (await import(pathToFileURL(join(dirname(runtimeEntry), '..', 'parser.js')).href)).loadParser();
  const [first, count] = (process.env.FUZZ_SEEDS ?? '1:10').split(':').map(Number);
  const batches = Number(process.env.FUZZ_BATCHES ?? 4);
  const batchSize = Number(process.env.FUZZ_BATCH_SIZE ?? 400);
  const totals = { expressions: 0, agree: 0, unsupported: new Map(), disagree: [], known: [] };
  const started = Date.now();
  for (let seed = first; seed < first + count; seed++) {
    const result = fuzz(runSnippet, { seed, batches, batchSize });
    totals.expressions += result.expressions;
    totals.agree += result.agree;
    for (const [reason, n] of result.unsupported) totals.unsupported.set(reason, (totals.unsupported.get(reason) ?? 0) + n);
    totals.disagree.push(...result.disagree.map((d) => ({ ...d, seed })));
    totals.known.push(...result.known.map((d) => ({ ...d, seed })));
  }
  const refused = [...totals.unsupported.values()].reduce((a, b) => a + b, 0);
  lines.push(
    `Seeds ${first}–${first + count - 1}, ${batches} batches of ${batchSize} expressions each, CPython ${python.version}; ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    '',
    '| expressions | agree | unsupported | disagree | known (another branch) |',
    '|---:|---:|---:|---:|---:|',
    `| ${totals.expressions} | ${totals.agree} | ${refused} | ${totals.disagree.length} | ${totals.known.length} |`,
    '',
  );
  if (refused) {
    lines.push('Refusals by reason:', '');
    for (const [reason, n] of [...totals.unsupported].sort((a, b) => b[1] - a[1])) lines.push(`- ${reason} — ${n}`);
    lines.push('');
  }
  if (totals.disagree.length) {
    lines.push('Disagreements (seed: expression → CPython | runtime):', '');
    for (const d of totals.disagree) lines.push(`- ${d.seed}: \`${d.expression}\` → \`${d.cpython}\` | \`${d.runtime}\``);
    lines.push('');
  }
  if (totals.known.length) {
    lines.push('Known classes another branch fixes:', '');
    for (const d of totals.known) lines.push(`- ${d.class}: \`${d.expression}\``);
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await run());
}
