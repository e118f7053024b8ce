// io: StringIO, the in-memory text stream (the same object as a file from open(), without a path).

import { stringIOType } from '../filesystem.js';
import type { PyModule } from '../values.js';
import { module } from './support.js';

export function ioModule(): PyModule {
  return module('io', [['StringIO', stringIOType]]);
}
