// Runs every rule fixture in `test-fixtures/rules/` through the shared harness (the file stem names the
// rule) and snapshots the rendered findings so that changes in messages and columns are reviewed.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFixture, REPO_ROOT } from './harness.js';

const FIXTURE_DIR = join(REPO_ROOT, 'test-fixtures', 'rules');
const fixtures = readdirSync(FIXTURE_DIR).filter((name) => name.endsWith('.py')).sort();

describe('rule fixtures', () => {
  it('has fixtures to run', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  for (const name of fixtures) {
    const rule = name.slice(0, -'.py'.length);
    it(`${rule}: findings match the inline expectations`, async () => {
      const { rendered } = checkFixture(join(FIXTURE_DIR, name), rule);
      await expect(rendered).toMatchFileSnapshot(join('__snapshots__', `${rule}.txt`));
    });
  }
});
