// Builds a workspace index the way the CLI and the language server do (summarizeModule over every file,
// moduleNameForPath for its dotted name), and reads inline `# error: [rule]` expectations.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parsePython } from '../../src/parser.js';
import { analyzeFile } from '../../src/analysis/check.js';
import { SemanticModel } from '../../src/analysis/model/semantic.js';
import { summarizeModule } from '../../src/analysis/workspace/summary.js';
import { moduleNameForPath, WorkspaceIndex } from '../../src/analysis/workspace/index.js';
import type { Finding } from '@yieldlens/shared';

export interface WorkspaceFile {
  /** Path relative to the workspace root, with `/`. */
  path: string;
  absolute: string;
  moduleName: string | null;
  text: string;
}

export function pythonFilesUnder(root: string): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === '__pycache__') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith('.py')) found.push(full);
    }
  };
  visit(root);
  return found;
}

export function loadWorkspace(root: string): { index: WorkspaceIndex; files: WorkspaceFile[] } {
  const files: WorkspaceFile[] = pythonFilesUnder(root).map((absolute) => {
    const path = relative(root, absolute).split(sep).join('/');
    const segments = path.split('/');
    const moduleName = moduleNameForPath(segments, (dir) => existsSync(join(root, ...dir, '__init__.py')));
    return { path, absolute, moduleName, text: readFileSync(absolute, 'utf8') };
  });
  const index = new WorkspaceIndex(files.map((f) => summarizeModule(f.path, f.moduleName, new SemanticModel(parsePython(f.text), f.text))));
  return { index, files };
}

/** Runs the given rules over one workspace file with the index. */
export function analyzeWithIndex(file: WorkspaceFile, index: WorkspaceIndex | undefined, codes: readonly string[]): Finding[] {
  return analyzeFile({ file: file.path, text: file.text, index, moduleName: file.moduleName ?? undefined, enabled: new Set(codes) }).findings;
}

/** `line → rule names` from `# error: [a, b]` comments. */
export function expectationsOf(text: string): Map<number, string[]> {
  const result = new Map<number, string[]>();
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const match = /#\s*error:\s*\[([^\]]*)\]/.exec(line);
    if (match === null) return;
    result.set(i + 1, (match[1] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''));
  });
  return result;
}

/** `file:line [rule]` lines for findings and for expectations, sorted, so a test can compare them. */
export function describeFindings(path: string, findings: readonly Finding[]): string[] {
  return findings.map((f) => `${path}:${f.line} [${f.rule}]`).sort();
}

export function describeExpectations(path: string, text: string, rules: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const [line, names] of expectationsOf(text)) for (const name of names) if (rules.has(name)) out.push(`${path}:${line} [${name}]`);
  return out.sort();
}
