// The options of `yieldlens check`: its help text, and the parsing of its arguments into `CheckOptions`
// (flags spelled as ruff spells them). Every usage error is one lower-case line that names the flag.

import { parseArgs } from 'node:util';
import { TEXT_STYLES, type TextStyle } from '../project/index.js';
import { FORMATS, type OutputFormat } from './formats/report.js';

export const CHECK_HELP = `Usage: yieldlens check [options] [PATH ...]

Checks Python files (*.py, *.pyi) for generator bugs. PATHs are files or directories (searched
recursively, honouring .gitignore, skipping virtualenvs), or - to read one file from stdin; default:
the current directory. Imports are resolved from the project on disk, so a file gives the same
findings whether it is checked alone or as part of its directory.

Output:
      --format FORMAT          text (default), json, sarif or github
      --output-format STYLE    the text format's style: concise (default; one line a finding) or
                               full (the source with a caret under each finding); json, sarif and
                               github are accepted too, as --format
  -o, --output-file FILE       write the report to FILE instead of stdout
      --statistics             print how many findings each rule has, instead of the findings
      --show-fixes             list the fixes applied by --fix (or --diff); without them, show each
                               fix under its finding in the full style
  -q, --quiet                  print the findings only: no summary, no warnings
      --show-files             list the files that would be checked, then stop
      --show-settings          print the settings that apply to the first PATH, then stop

Fixes:
      --fix                    apply the safe fixes, then report what remains
      --unsafe-fixes           with --fix or --diff, also apply the fixes that may change behaviour
      --diff                   print the fixes as a unified diff instead of writing them; exit 1 if
                               there is any
      --add-noqa               add "# noqa: CODE" to every line that has findings

Rule selection (codes, code prefixes, rule names or ALL, comma separated; repeatable):
      --select RULES           only these rules (replaces "select" from the configuration)
      --ignore RULES           not these rules
      --extend-select RULES    these rules as well, on top of the selection
      --extend-ignore RULES    the same as --ignore

File selection:
      --force-exclude          skip excluded files even when named on the command line (pre-commit)
      --stdin-filename PATH    where the source read from stdin lives: its configuration,
                               per-file-ignores, module name and imports come from PATH

Miscellaneous:
  -e, --exit-zero              exit 0 even when there are findings or files that could not be
                               analysed
      --config FILE            read settings from FILE instead of the nearest pyproject.toml
      --no-config              ignore configuration files
      --jobs N                 threads, the main one included (default: one per core; 1: no
                               worker threads)
      --no-cache               neither read nor write the cache of results
      --cache-dir DIR          keep the cache in DIR (default: $YIELDLENS_CACHE_DIR, else
                               .yieldlens_cache beside the nearest pyproject.toml)
  -h, --help                   show this help

Exit codes: 0 no findings; 1 findings, or files that could not be read or parsed (with --diff:
fixes to make); 2 usage, configuration or internal error, or a PATH that does not exist.
`;

export interface CheckOptions {
  format: OutputFormat;
  /** null: the configuration's `output-format`, else concise. */
  textStyle: TextStyle | null;
  outputFile: string | undefined;
  statistics: boolean;
  showFixes: boolean;
  quiet: boolean;
  showFiles: boolean;
  showSettings: boolean;
  fix: boolean;
  unsafeFixes: boolean;
  diff: boolean;
  addNoqa: boolean;
  select: string[] | undefined;
  ignore: string[] | undefined;
  extendSelect: string[] | undefined;
  extendIgnore: string[] | undefined;
  forceExclude: boolean;
  /** Read the source from stdin (the path `-`, or `--stdin-filename` without paths). */
  stdin: boolean;
  stdinFilename: string | undefined;
  exitZero: boolean;
  noConfig: boolean;
  configFile: string | undefined;
  jobs: number | undefined;
  noCache: boolean;
  cacheDir: string | undefined;
  paths: string[];
}

/** A usage error: the message names the flag at fault. */
export class UsageError extends Error {}

const STRING_OPTIONS = {
  format: { type: 'string' },
  'output-format': { type: 'string' },
  'output-file': { type: 'string', short: 'o' },
  select: { type: 'string', multiple: true },
  ignore: { type: 'string', multiple: true },
  'extend-select': { type: 'string', multiple: true },
  'extend-ignore': { type: 'string', multiple: true },
  'stdin-filename': { type: 'string' },
  config: { type: 'string' },
  jobs: { type: 'string' },
  'cache-dir': { type: 'string' },
} as const;

const BOOLEAN_OPTIONS = {
  statistics: { type: 'boolean' },
  'show-fixes': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  'show-files': { type: 'boolean' },
  'show-settings': { type: 'boolean' },
  fix: { type: 'boolean' },
  'unsafe-fixes': { type: 'boolean' },
  diff: { type: 'boolean' },
  'add-noqa': { type: 'boolean' },
  'force-exclude': { type: 'boolean' },
  'exit-zero': { type: 'boolean', short: 'e' },
  'no-config': { type: 'boolean' },
  'no-cache': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Every flag `check` accepts, long form: the help, docs/cli.md and the README document each (a test checks). */
export const CHECK_FLAGS: readonly string[] = [...Object.keys(STRING_OPTIONS), ...Object.keys(BOOLEAN_OPTIONS)].map((name) => `--${name}`);

const EXPECTED_VALUE: Record<keyof typeof STRING_OPTIONS, string> = {
  format: FORMATS.join(', '),
  'output-format': [...TEXT_STYLES, 'json', 'sarif', 'github'].join(', '),
  'output-file': 'a file name',
  select: 'rule codes or names',
  ignore: 'rule codes or names',
  'extend-select': 'rule codes or names',
  'extend-ignore': 'rule codes or names',
  'stdin-filename': 'a path',
  config: 'a file name',
  jobs: 'a positive integer',
  'cache-dir': 'a directory',
};

/** Parses `check`'s arguments; throws `UsageError`. */
export function parseCheckArgs(args: readonly string[]): CheckOptions | 'help' {
  rejectMissingValues(args);
  const { values, positionals } = parseOrThrow(args);
  if (values.help === true) return 'help';

  let format: OutputFormat = 'text';
  if (values.format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(values.format)) throw new UsageError(`--format: unknown format "${values.format}" (expected ${FORMATS.join(', ')})`);
    format = values.format as OutputFormat;
  }
  let textStyle: TextStyle | null = null;
  const style = values['output-format'];
  if (style !== undefined) {
    if ((TEXT_STYLES as readonly string[]).includes(style)) {
      if (values.format !== undefined && format !== 'text') throw new UsageError(`--output-format ${style} applies to the text format, not to --format ${format}`);
      textStyle = style as TextStyle;
    } else if (style !== 'text' && (FORMATS as readonly string[]).includes(style)) {
      // ruff spells the machine formats `--output-format json`; accepted here as the same as --format.
      if (values.format !== undefined && values.format !== style) throw new UsageError(`--output-format ${style} contradicts --format ${values.format}`);
      format = style as OutputFormat;
    } else {
      throw new UsageError(`--output-format: unknown style "${style}" (expected ${EXPECTED_VALUE['output-format']})`);
    }
  }
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs expects a positive integer, got "${values.jobs}"`);
  }

  const fix = values.fix === true;
  const diff = values.diff === true;
  const addNoqa = values['add-noqa'] === true;
  const statistics = values.statistics === true;
  if (values.config !== undefined && values['no-config'] === true) throw new UsageError('--config and --no-config cannot be used together');
  if (addNoqa && (fix || diff)) throw new UsageError(`--add-noqa cannot be combined with ${fix ? '--fix' : '--diff'}`);
  if (diff && format !== 'text') throw new UsageError(`--diff prints a unified diff; it cannot be combined with --format ${format}`);
  if (diff && statistics) throw new UsageError('--diff and --statistics cannot be used together');
  if (statistics && format !== 'text' && format !== 'json') throw new UsageError(`--statistics prints text or json, not ${format}`);

  const stdinFilename = values['stdin-filename'];
  const dash = positionals.filter((item) => item === '-').length;
  if (dash > 0 && positionals.length > 1) throw new UsageError('- (stdin) cannot be combined with other paths');
  const stdin = dash > 0 || (positionals.length === 0 && stdinFilename !== undefined);
  if (stdinFilename !== undefined && !stdin) throw new UsageError('--stdin-filename names the source read from stdin; pass - instead of other paths');
  if (stdin && values['show-files'] === true) throw new UsageError('--show-files lists files on disk; it cannot be combined with stdin');
  if (stdin && addNoqa) throw new UsageError('--add-noqa writes files; it cannot be combined with stdin');

  return {
    format,
    textStyle,
    outputFile: values['output-file'],
    statistics,
    showFixes: values['show-fixes'] === true,
    quiet: values.quiet === true,
    showFiles: values['show-files'] === true,
    showSettings: values['show-settings'] === true,
    fix,
    unsafeFixes: values['unsafe-fixes'] === true,
    diff,
    addNoqa,
    select: splitSelectors(values.select),
    ignore: splitSelectors(values.ignore),
    extendSelect: splitSelectors(values['extend-select']),
    extendIgnore: splitSelectors(values['extend-ignore']),
    forceExclude: values['force-exclude'] === true,
    stdin,
    stdinFilename,
    exitZero: values['exit-zero'] === true,
    noConfig: values['no-config'] === true,
    configFile: values.config,
    jobs,
    noCache: values['no-cache'] === true,
    cacheDir: values['cache-dir'],
    paths: stdin ? [] : positionals,
  };
}

function parseOrThrow(args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { ...STRING_OPTIONS, ...BOOLEAN_OPTIONS } });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
}

/**
 * A flag that takes a value, given none: at the end, or followed by another flag. Node's parser would
 * take `--format --select` as a format named `--select`'s neighbour, and `--format src` is caught by
 * the value check; this catches the rest before the next argument is swallowed.
 */
function rejectMissingValues(args: readonly string[]): void {
  const shorts = new Map<string, string>();
  for (const [name, option] of Object.entries(STRING_OPTIONS)) if ('short' in option) shorts.set(option.short, name);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') return;
    const name = arg.startsWith('--') ? arg.slice(2) : arg.length === 2 && arg.startsWith('-') ? shorts.get(arg.slice(1)) : undefined;
    if (name === undefined || !(name in STRING_OPTIONS)) continue;
    const next = args[i + 1];
    if (next === undefined || (next.startsWith('-') && next !== '-')) {
      throw new UsageError(`${arg} requires a value (${EXPECTED_VALUE[name as keyof typeof STRING_OPTIONS]})`);
    }
    i++;
  }
}

/** Node's parse errors, reworded as one lower-case line naming the argument. */
function describeParseError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']+)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${quoted ?? message}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // `--fix=yes`: a flag that takes no value.
    if (/does not take an argument/.test(message)) return `${quoted ?? 'this option'} takes no value`;
    return `${quoted ?? 'an option'} requires a value`;
  }
  const first = message.split('\n')[0] ?? message;
  return first.charAt(0).toLowerCase() + first.slice(1).replace(/\.$/, '');
}

/** `--select A,B --select C` → `[A, B, C]`; absent → undefined (the configuration decides). */
function splitSelectors(values: readonly string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  return values.flatMap((value) => value.split(',')).map((item) => item.trim()).filter((item) => item !== '');
}
