// Connects the hover's descriptions to the analyses that know more (suspended resources, generator
// states) and to the workspace index; until those analyses exist the hover says "unknown" instead.

import type { DescribeHelpers } from '../analysis/describe.js';
import type { OpenDocument } from './documents.js';
import type { Session } from './session.js';

export function helpersFor(session: Session, doc: OpenDocument): DescribeHelpers {
  const moduleName = session.indexer.moduleNameFor(doc.file);
  return { index: session.index, ...(moduleName === null ? {} : { moduleName }) };
}
