// The launcher's choice between the bundle (`npm run build`, or an installed package) and the compiled
// sources (a bare `npx tsc -b` after it): the bundle unless tsc wrote its build info after the bundle.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript kept in git, without declarations.
import { chooseEntry } from '../../bin/launch.js';

let dir: string;
let paths: { bundle: string; dist: string; buildInfos: string[] };

function touch(file: string, secondsAgo: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '');
  const time = Date.now() / 1000 - secondsAgo;
  fs.utimesSync(file, time, time);
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yieldlens-launch-'));
  paths = {
    bundle: path.join(dir, 'bundle', 'yieldlens.cjs'),
    dist: path.join(dir, 'dist', 'cli', 'main.js'),
    buildInfos: [path.join(dir, 'dist', '.tsbuildinfo'), path.join(dir, 'shared', '.tsbuildinfo')],
  };
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('chooseEntry', () => {
  it('says nothing is built when neither exists', () => {
    expect(chooseEntry({}, paths)).toBeUndefined();
  });

  it('runs the bundle alone (an installed package) and the compiled sources alone (a bare tsc)', () => {
    touch(paths.bundle, 10);
    expect(chooseEntry({}, paths)).toBe('bundle');
    fs.rmSync(paths.bundle);
    touch(paths.dist, 10);
    touch(paths.buildInfos[0]!, 10);
    expect(chooseEntry({}, paths)).toBe('dist');
  });

  it('runs the bundle made after the last tsc build, and the compiled sources once tsc built again', () => {
    touch(paths.dist, 100);
    touch(paths.buildInfos[0]!, 100);
    touch(paths.buildInfos[1]!, 100);
    touch(paths.bundle, 50);
    expect(chooseEntry({}, paths)).toBe('bundle');
    touch(paths.buildInfos[1]!, 10);
    expect(chooseEntry({}, paths)).toBe('dist');
  });

  it('obeys YIELDLENS_LAUNCH where what it names exists', () => {
    touch(paths.dist, 100);
    touch(paths.buildInfos[0]!, 10);
    touch(paths.bundle, 50);
    expect(chooseEntry({ YIELDLENS_LAUNCH: 'bundle' }, paths)).toBe('bundle');
    expect(chooseEntry({}, paths)).toBe('dist');
    touch(paths.buildInfos[0]!, 100);
    expect(chooseEntry({ YIELDLENS_LAUNCH: 'dist' }, paths)).toBe('dist');
    fs.rmSync(paths.dist);
    expect(chooseEntry({ YIELDLENS_LAUNCH: 'dist' }, paths)).toBe('bundle');
  });
});
