// The context the hover's descriptions need from the session: the workspace index, the document's
// module name, and the models of other workspace modules (the open document's, else parsed from disk)
// so that a generator function imported from another module is described as on its definition.

import fs from 'node:fs';
import { SemanticModel } from '../analysis/index.js';
import type { DescribeContext } from '../analysis/describe.js';
import { parsePython } from '../parser.js';
import { readSource } from '../project/index.js';
import type { OpenDocument } from './documents.js';
import type { Session } from './session.js';

/** Models parsed from disk for hovers, by file, with the mtime they were read at (a hover is no time to re-parse). */
const modelsOnDisk = new Map<string, { mtimeMs: number; model: SemanticModel }>();
const MAX_MODELS_ON_DISK = 16;

export function describeContextFor(session: Session, doc: OpenDocument): DescribeContext {
  const moduleName = session.indexer.moduleNameFor(doc.file);
  return {
    index: session.index,
    file: doc.file,
    ...(moduleName === null ? {} : { moduleName }),
    modelOf: (module) => {
      const file = session.index.module(module)?.file;
      if (file === undefined || file === doc.file) return null;
      const open = session.documents.byFile(file);
      if (open !== undefined) return session.structureOf(open)?.model ?? null;
      return modelFromDisk(file);
    },
  };
}

function modelFromDisk(file: string): SemanticModel | null {
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
  const known = modelsOnDisk.get(file);
  if (known !== undefined && known.mtimeMs === mtimeMs) return known.model;
  const source = readSource(file);
  if (!source.ok) return null;
  const model = new SemanticModel(parsePython(source.text), source.text);
  modelsOnDisk.delete(file);
  modelsOnDisk.set(file, { mtimeMs, model });
  while (modelsOnDisk.size > MAX_MODELS_ON_DISK) modelsOnDisk.delete(modelsOnDisk.keys().next().value as string);
  return model;
}
