// `npm run corpus`: the corpus of real generator programs (test-fixtures/corpus/) under CPython 3.13 and the
// runtime; prints identical / unsupported / wrong counts, the refusals by reason and every wrong answer.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findPython } from '../server/test/runtime/oracle-harness.mjs';
import { runCorpus } from '../server/test/runtime/corpus-harness.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const runtimeEntry = join(repoRoot, 'server', 'dist', 'runtime', 'index.js');
const corpusDir = join(repoRoot, 'test-fixtures', 'corpus');

export default async function run() {
  const lines = ['## Corpus: real generator programs, runtime vs CPython', ''];
  const python = findPython();
  if (!python.ok) return [...lines, `Skipped: ${python.reason}.`].join('\n');
  if (!existsSync(runtimeEntry)) return [...lines, `Skipped: the runtime is not built (${runtimeEntry}); run \`npx tsc -b\`.`].join('\n');
  const { runSnippet } = await import(pathToFileURL(runtimeEntry).href);
  await (await import(pathToFileURL(join(dirname(runtimeEntry), '..', 'parser.js')).href)).loadParser();
  const results = await runCorpus(runSnippet, corpusDir);
  const by = (verdict) => results.filter((r) => r.verdict === verdict);
  const identical = by('identical').length;
  lines.push(
    `${results.length} programs (CPython ${python.version}): **${identical} identical (${((100 * identical) / results.length).toFixed(1)}%), ${by('unsupported').length} unsupported, ${by('wrong').length} wrong**.`,
    '',
  );
  const reasons = new Map();
  for (const r of by('unsupported')) reasons.set(r.reason, [...(reasons.get(r.reason) ?? []), r.program]);
  if (reasons.size) {
    lines.push('Unsupported, by reason (programs refused):', '');
    for (const [reason, programs] of [...reasons].sort((a, b) => b[1].length - a[1].length)) {
      lines.push(`- ${reason} — ${programs.length}: ${programs.slice(0, 4).join(', ')}${programs.length > 4 ? ', …' : ''}`);
    }
    lines.push('');
  }
  if (by('wrong').length) {
    lines.push('Wrong answers:', '');
    for (const r of by('wrong')) lines.push(`- \`${r.program}\`: ${r.reason}: ${r.detail}`);
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await run());
}
