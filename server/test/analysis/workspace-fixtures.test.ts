// Runs GEN001 and GEN004 over each workspace fixture (`test-fixtures/workspaces/<name>/**`) with an index
// built from all its files, and compares the findings with the inline expectations exactly.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './harness.js';
import { analyzeWithIndex, describeExpectations, describeFindings, loadWorkspace } from './workspace-helpers.js';

const WORKSPACES = join(REPO_ROOT, 'test-fixtures', 'workspaces');
const RULES = new Map([['GEN001', 'unprimed-send'], ['GEN004', 'stop-iteration-leak']]);
const names = readdirSync(WORKSPACES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

describe('workspace fixtures', () => {
  for (const name of names) {
    it(`${name}: cross-module findings match the inline expectations`, () => {
      const { index, files } = loadWorkspace(join(WORKSPACES, name));
      const actual: string[] = [];
      const expected: string[] = [];
      for (const file of files) {
        actual.push(...describeFindings(file.path, analyzeWithIndex(file, index, [...RULES.keys()])));
        expected.push(...describeExpectations(file.path, file.text, new Set(RULES.values())));
      }
      expect(expected.length).toBeGreaterThan(0);
      expect(actual.sort()).toEqual(expected.sort());
    });

    it(`${name}: a finding at a call of another module's helper points at the helper's StopIteration`, () => {
      const { index, files } = loadWorkspace(join(WORKSPACES, name));
      let crossModuleCount = 0;
      for (const file of files) {
        for (const finding of analyzeWithIndex(file, index, ['GEN004'])) {
          const crossModule = finding.related.filter((related) => related.file !== file.path);
          crossModuleCount += crossModule.length;
          for (const related of crossModule) {
            const target = files.find((other) => other.path === related.file);
            expect(target, related.file).toBeDefined();
            // The related location is the helper's `next(` or `raise`, not merely somewhere in its module.
            const lineText = target?.text.split('\n')[related.line - 1] ?? '';
            expect(lineText.slice(related.column - 1)).toMatch(/^(next\(|raise StopIteration)/);
          }
        }
      }
      // The `helpers` workspace exists for these findings: they must be there.
      if (name === 'helpers') expect(crossModuleCount).toBeGreaterThan(0);
    });

    it(`${name}: without the index, imported generators are not known (no cross-module findings)`, () => {
      const { files } = loadWorkspace(join(WORKSPACES, name));
      const crossModule = files.flatMap((file) => describeFindings(file.path, analyzeWithIndex(file, undefined, ['GEN001'])));
      expect(crossModule).toEqual([]);
    });
  }
});
