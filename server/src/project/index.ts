// The user's project as every shell sees it: its root, its `[tool.yieldlens]` configuration, the files a
// run covers, their module names and their decoded text. The CLI, the language server and the runtime's
// workspace imports all come here, so that they agree on what the project is.

export {
  describeFsError, discoverConfig, emptyConfig, loadConfigFile, unknownSelector,
  type ConfigResult, type PerFileIgnore, type ProjectConfig,
} from './config.js';
export { discoverFiles, fileGlobMatcher, SKIPPED_DIRECTORIES, type Discovery, type SourceFile } from './discover.js';
export { ModuleNamer } from './modules.js';
export { findProjectRoot } from './root.js';
export { decodeSource, MAX_FILE_BYTES, readSource, type SourceText } from './source.js';
