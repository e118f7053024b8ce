// The context the hover's descriptions need from the session: the workspace index and the document's
// module name, so names imported from other workspace modules can be described too.

import type { DescribeContext } from '../analysis/describe.js';
import type { OpenDocument } from './documents.js';
import type { Session } from './session.js';

export function describeContextFor(session: Session, doc: OpenDocument): DescribeContext {
  const moduleName = session.indexer.moduleNameFor(doc.file);
  return { index: session.index, file: doc.file, ...(moduleName === null ? {} : { moduleName }) };
}
