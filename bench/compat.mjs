// `npm run compat`: CPython 3.13's own generator tests (test_yield_from.py methods, test_generators.py
// doctests), converted at run time into snippets, run in the mini-runtime and in CPython; prints markdown.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compareWithOracle, findPython, maskAddresses, oracleRun } from '../server/test/runtime/oracle-harness.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const runtimeEntry = join(repoRoot, 'server', 'dist', 'runtime', 'index.js');
const converter = join(repoRoot, 'server', 'test', 'runtime', 'compat_convert.py');
// Room for every event, as the differential suite gives: a trace cut at the default 10,000 (head and tail kept) cannot be compared.
const RUN_OPTIONS = { maxSteps: 20_000_000, timeoutMs: 10_000, maxEvents: 1_000_000 };
// A doctest run stopped by an unsupported example is retried without it; this bounds the retries.
const MAX_DOCTEST_RETRIES = 60;

/** With COMPAT_DUMP_DIR set, every converted snippet is written there (the last attempt wins): repros to read. */
function dumpSnippet(filename, source) {
  const directory = process.env.COMPAT_DUMP_DIR;
  if (!directory) return;
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, filename), source);
}

function runRuntime(runSnippet, source, filename) {
  try {
    return runSnippet(source, { ...RUN_OPTIONS, filename });
  } catch (error) {
    return { threw: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

function addTo(groups, key, item) {
  groups.set(key, [...(groups.get(key) ?? []), item]);
}

/** Short, groupable kind of a difference sentence from compareWithOracle. */
function differenceKind(difference) {
  if (difference.startsWith('unsupported:')) return difference.replace(/ \(line \d+\)$/, '');
  if (difference.startsWith('hit the ')) return difference.replace(/:.*$/, '');
  return difference.split(/[ :#]/)[0];
}

export async function compareMethods(methods, runSnippet, tally) {
  for (const method of methods) {
    if (method.skip) {
      tally.notConverted.push({ id: method.id, reason: method.skip });
      continue;
    }
    const filename = `compat_${method.id.replace(/\W+/g, '_')}.py`;
    dumpSnippet(filename, method.source);
    const oracle = await oracleRun(method.source, filename);
    if (!oracle.ok) {
      tally.notConverted.push({ id: method.id, reason: `oracle failed: ${oracle.reason.split('\n')[0]}` });
      continue;
    }
    const report = runRuntime(runSnippet, method.source, filename);
    if ('threw' in report) {
      addTo(tally.disagree, 'runtime threw', { id: method.id, detail: report.threw });
      continue;
    }
    if (report.unsupported) {
      if (isInternalError(report.unsupported.feature)) addTo(tally.disagree, 'runtime internal error', { id: method.id, detail: report.unsupported.feature });
      else addTo(tally.unsupported, report.unsupported.feature, method.id);
      continue;
    }
    const differences = compareWithOracle(report, oracle.result);
    if (differences.length === 0) tally.agree.push(method.id);
    else addTo(tally.disagree, differenceKind(differences[0]), { id: method.id, detail: differences.join(' | ') });
  }
}

/**
 * The doctest as one snippet: the module-level imports and helpers it needs, then each example in try/except
 * after a marker line, so that the output splits by example. Returns the line range of every part.
 */
function buildDoctestSnippet(prelude, active) {
  const lines = [];
  const ranges = [];
  for (const item of prelude) {
    const start = lines.length + 1;
    lines.push(...item.source.split('\n'), '');
    ranges.push({ item, start, end: lines.length });
  }
  for (const example of active) {
    // The marker starts with a newline: an example may end its output without one (print(..., end='')).
    lines.push(`print('\\n=== example ${example.index} ===')`);
    const start = lines.length + 1;
    lines.push('try:');
    for (const line of example.source.split('\n')) lines.push(`    ${line}`);
    lines.push('except BaseException as _error:', "    print(f'{type(_error).__name__}: {_error}')");
    ranges.push({ example, start, end: lines.length });
  }
  return { source: `${lines.join('\n')}\n`, ranges };
}

function splitByExample(stdout) {
  const segments = new Map();
  let current;
  for (const line of maskAddresses(stdout).split('\n')) {
    const marker = /^=== example (\d+) ===$/.exec(line);
    if (marker) {
      current = Number(marker[1]);
      segments.set(current, []);
    } else if (current !== undefined) {
      segments.get(current)?.push(line);
    }
  }
  return new Map([...segments].map(([index, segment]) => [index, segment.join('\n').trimEnd()]));
}

/** A refusal the runtime labels "internal error" is a crash, not a decision: it counts as a disagreement. */
function isInternalError(feature) {
  return /^internal error/i.test(feature);
}

async function compareDoctest(doctest, runSnippet, tally) {
  const caseId = (example) => `${doctest.id}#${example.index} (line ${example.line + 1})`;
  let active = [];
  for (const example of doctest.examples) {
    if (example.skip) tally.notConverted.push({ id: caseId(example), reason: example.skip });
    else active.push(example);
  }
  let prelude = [...doctest.prelude];
  const filename = `compat_${doctest.id.replace(/\W+/g, '_')}.py`;
  for (let attempt = 0; attempt <= MAX_DOCTEST_RETRIES && active.length > 0; attempt++) {
    const { source, ranges } = buildDoctestSnippet(prelude, active);
    dumpSnippet(filename, source);
    const oracle = await oracleRun(source, filename);
    if (!oracle.ok) {
      for (const example of active) tally.notConverted.push({ id: caseId(example), reason: 'oracle failed on the doctest' });
      return;
    }
    const report = runRuntime(runSnippet, source, filename);
    if ('threw' in report) {
      for (const example of active) addTo(tally.disagree, 'runtime threw', { id: caseId(example), detail: report.threw });
      return;
    }
    if (report.unsupported || report.limit) {
      const stopLine = report.unsupported?.line ?? report.limit?.line;
      const culprit = ranges.find((range) => stopLine >= range.start && stopLine <= range.end);
      const reason = report.unsupported ? report.unsupported.feature : `hit the ${report.limit.kind} limit`;
      const record = (example, why) => {
        if (report.limit || isInternalError(reason)) addTo(tally.disagree, reason, { id: caseId(example), detail: `${why} (line ${stopLine})` });
        else addTo(tally.unsupported, reason, caseId(example));
      };
      if (!culprit) {
        for (const example of active) record(example, 'outside any example');
        return;
      }
      if (culprit.example) {
        record(culprit.example, 'in this example');
        active = active.filter((example) => example !== culprit.example);
        continue;
      }
      // A module-level import or helper was refused: drop it, whatever depends on it, and the examples that
      // use any of those names; both sides then run the rest.
      const dropped = new Set(culprit.item.binds);
      let grew = true;
      while (grew) {
        grew = false;
        for (const item of prelude) {
          if (item.binds.some((name) => dropped.has(name))) continue;
          if (item.uses.some((name) => dropped.has(name))) {
            item.binds.forEach((name) => dropped.add(name));
            grew = true;
          }
        }
      }
      prelude = prelude.filter((item) => !item.binds.some((name) => dropped.has(name)));
      for (const example of active.filter((e) => e.uses.some((name) => dropped.has(name)))) {
        record(example, `needs ${[...dropped].join(', ')}`);
      }
      active = active.filter((example) => !example.uses.some((name) => dropped.has(name)));
      continue;
    }
    const expected = splitByExample(oracle.result.stdout);
    const actual = splitByExample(report.stdout);
    for (const example of active) {
      const want = expected.get(example.index) ?? '(no output)';
      const got = actual.get(example.index) ?? '(not reached)';
      if (want === got) tally.agree.push(caseId(example));
      else addTo(tally.disagree, 'stdout', { id: caseId(example), detail: `expected ${JSON.stringify(want).slice(0, 160)}, got ${JSON.stringify(got).slice(0, 160)}` });
    }
    return;
  }
  for (const example of active) tally.notConverted.push({ id: caseId(example), reason: 'too many unsupported examples before it' });
}

export function newTally() {
  return { agree: [], unsupported: new Map(), disagree: new Map(), notConverted: [] };
}

function count(groups) {
  let total = 0;
  for (const members of groups.values()) total += members.length;
  return total;
}

function renderTally(title, tally, lines) {
  lines.push(`### ${title}`, '');
  const unsupported = [...tally.unsupported.entries()].sort((a, b) => b[1].length - a[1].length);
  if (unsupported.length) {
    lines.push('Unsupported (the runtime refused; grouped by the feature it named):', '');
    for (const [feature, ids] of unsupported) lines.push(`- ${feature} — ${ids.length}: ${ids.slice(0, 6).join(', ')}${ids.length > 6 ? ', …' : ''}`);
    lines.push('');
  }
  const disagree = [...tally.disagree.entries()].sort((a, b) => b[1].length - a[1].length);
  if (disagree.length) {
    lines.push('Disagreements with CPython (runtime bugs; grouped by the first difference):', '');
    for (const [kind, items] of disagree) {
      lines.push(`- **${kind}** — ${items.length}`);
      for (const item of items.slice(0, Number(process.env.COMPAT_MAX_ITEMS ?? 8))) lines.push(`  - \`${item.id}\`: ${item.detail}`);
      if (items.length > Number(process.env.COMPAT_MAX_ITEMS ?? 8)) lines.push(`  - … and ${items.length - Number(process.env.COMPAT_MAX_ITEMS ?? 8)} more`);
    }
    lines.push('');
  }
  if (tally.notConverted.length) {
    const reasons = new Map();
    for (const item of tally.notConverted) addTo(reasons, item.reason, item.id);
    lines.push('Not converted:', '');
    for (const [reason, ids] of reasons) lines.push(`- ${reason} — ${ids.length}: ${ids.slice(0, 4).join(', ')}${ids.length > 4 ? ', …' : ''}`);
    lines.push('');
  }
}

export default async function run() {
  const lines = ['## Compatibility: CPython 3.13\'s own generator tests in the mini-runtime', ''];
  const python = findPython();
  if (!python.ok) return [...lines, `Skipped: ${python.reason}.`].join('\n');
  if (!existsSync(runtimeEntry)) return [...lines, `Skipped: the runtime is not built (${runtimeEntry}); run \`npx tsc -b\`.`].join('\n');
  const { runSnippet } = await import(pathToFileURL(runtimeEntry).href);
  await (await import(pathToFileURL(join(dirname(runtimeEntry), '..', 'parser.js')).href)).loadParser();

  const conversion = spawnSync(python.command, [converter], { env: python.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (conversion.status !== 0) return [...lines, `Conversion failed: ${conversion.stderr.trim().split('\n').pop()}`].join('\n');
  const converted = JSON.parse(conversion.stdout);

  const methods = newTally();
  await compareMethods(converted.methods, runSnippet, methods);
  const doctests = newTally();
  for (const doctest of converted.doctests) await compareDoctest(doctest, runSnippet, doctests);

  lines.push(
    `Source: \`${converted.testDir}\` (CPython ${converted.python}), converted at run time by \`server/test/runtime/compat_convert.py\`: ` +
      'a test method becomes a snippet whose assertions print the asserted value; a doctest becomes one snippet whose examples print what the interactive prompt would. ' +
      'Both run in CPython and in the runtime; a case agrees when stdout, yield/return events and the final error agree (doctests: the output of each example).',
    '',
    '| source | cases | agree | unsupported | disagree | not converted |',
    '|---|---:|---:|---:|---:|---:|',
  );
  for (const [label, tally] of [['`test_yield_from.py` test methods', methods], ['`test_generators.py` doctest examples', doctests]]) {
    const total = tally.agree.length + count(tally.unsupported) + count(tally.disagree) + tally.notConverted.length;
    lines.push(`| ${label} | ${total} | ${tally.agree.length} | ${count(tally.unsupported)} | ${count(tally.disagree)} | ${tally.notConverted.length} |`);
  }
  lines.push('');
  renderTally('test_yield_from.py', methods, lines);
  renderTally('test_generators.py doctests', doctests, lines);
  lines.push(...(await builtinTests(python, runSnippet, process.env.COMPAT_BUILTINS_LIMIT ? Number(process.env.COMPAT_BUILTINS_LIMIT) : Infinity)));
  return lines.join('\n');
}

/**
 * CPython's tests of the built-ins and modules the runtime offers (test_itertools … test_str), converted method by
 * method (compat_convert.py --builtins); `limit` methods of each file at most. Returns markdown lines.
 */
export async function builtinTests(python, runSnippet, limit = Infinity) {
  const lines = ['', "## Compatibility: CPython 3.13's tests of the built-ins and modules the runtime offers", ''];
  const conversion = spawnSync(python.command, [converter, '--builtins'], { env: python.env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (conversion.status !== 0) return [...lines, `Conversion failed: ${conversion.stderr.trim().split('\n').pop()}`];
  const converted = JSON.parse(conversion.stdout);
  const tallies = [];
  for (const file of converted.files) {
    const tally = newTally();
    await compareMethods(file.methods.slice(0, limit), runSnippet, tally);
    tallies.push([file.file, tally]);
  }
  lines.push(
    'Each test method becomes a snippet (with the module-level helpers it uses) whose assertions print the asserted value; methods that need `self` helpers of their TestCase are not converted.',
    '',
    '| file | methods | agree | unsupported | disagree | not converted |',
    '|---|---:|---:|---:|---:|---:|',
  );
  for (const [name, tally] of tallies) {
    const total = tally.agree.length + count(tally.unsupported) + count(tally.disagree) + tally.notConverted.length;
    lines.push(`| \`${name}\` | ${total} | ${tally.agree.length} | ${count(tally.unsupported)} | ${count(tally.disagree)} | ${tally.notConverted.length} |`);
  }
  lines.push('');
  for (const [name, tally] of tallies) renderTally(name, tally, lines);
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await run());
}
