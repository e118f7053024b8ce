// GEN100 unused-noqa: a suppression comment that names a yieldlens rule but suppresses nothing, or
// names a code that does not exist (ruff's RUF100). Off by default. It judges the other rules' results,
// so the dispatcher computes it after suppression (`unusedSuppressions`); it has no check of its own.

import type { RuleDefinition } from './rule.js';

export const unusedNoqa: RuleDefinition = {
  code: 'GEN100',
  name: 'unused-noqa',
  severity: 'warning',
  summary: 'Suppression comment naming a yieldlens rule that suppresses nothing, or a code that does not exist',
  fixTitle: 'Remove the unused suppression',
  enabledByDefault: false,
  // Only suppression comments can be unused.
  triggers: /noqa|yieldlens\s*:/i,
  docs: {
    whatItDoes: `Checks for suppression comments that do nothing: a yieldlens code (\`GEN001\`) in a \`# noqa:\` list,
or an entry of \`# yieldlens: ignore[...]\`, that suppressed no finding on its line; an entry naming a
code or rule that does not exist (\`# noqa: GEN999\`, \`# yieldlens: ignore[unprimed-sned]\`); and a bare
\`# yieldlens: ignore\` that suppressed nothing.

Other tools' codes in a \`# noqa:\` list (\`E501\`, \`F401\`) and the bare \`# noqa\`, which other linters
read too, are never reported. An entry naming a rule that did not run on the file (deselected, or
switched off by \`per-file-ignores\`) is not reported either: whether it would suppress something is
unknown. A bare \`# yieldlens: ignore\` is reported only when every rule ran. Files with syntax errors
are not checked, since findings inside broken code are withheld rather than suppressed.

The rule is off by default; enable it with \`--extend-select GEN100\` (or \`extend-select = ["GEN100"]\`
in \`[tool.yieldlens]\`). \`select = ["ALL"]\` includes it.`,
    whyIsThisBad: `A suppression outlives the code it was written for: once the bug is fixed or the code moves, the
comment stays and silently hides the next real finding on that line. A misspelt code suppresses nothing
at all, while looking as if it did.`,
    example: `def relay(target):
    target.send(1)  # noqa: GEN001 -- target is a parameter, nothing is reported here
    return target  # yieldlens: ignore[unprimed-sned]`,
    useInstead: `def relay(target):
    target.send(1)
    return target`,
    fixSafety: `The fix removes the unused or unknown entries from the list, or the whole directive when none is
left and nothing follows it in the comment; it is safe, since those entries suppress nothing. No fix is
offered when other text follows the directive in its comment.`,
    references: [
      'https://docs.astral.sh/ruff/rules/unused-noqa/',
      'https://flake8.pycqa.org/en/latest/user/violations.html#in-line-ignoring-errors',
    ],
  },
};
