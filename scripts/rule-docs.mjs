// Regenerates docs/rules/<rule-name>.md (the pages diagnostics link to) and the rule table of the
// README from the rule registry: `npm run docs` after building. A test fails when they are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../server/dist/analysis/index.js';
import { renderRuleMarkdown } from '../server/dist/cli/rule-docs.js';
import { renderRuleTable, README_TABLE_START, README_TABLE_END } from '../server/dist/cli/rule-table.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const rule of RULES) writeFileSync(join(root, 'docs', 'rules', `${rule.name}.md`), renderRuleMarkdown(rule));

const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const start = readme.indexOf(README_TABLE_START);
const end = readme.indexOf(README_TABLE_END);
if (start < 0 || end < start) throw new Error(`README.md lacks the ${README_TABLE_START} … ${README_TABLE_END} markers`);
writeFileSync(readmePath, readme.slice(0, start) + README_TABLE_START + '\n' + renderRuleTable(RULES) + readme.slice(end));
console.log(`wrote ${RULES.length} rule pages and the README table`);
