// The user's project as every shell sees it: its root, its `[tool.yieldlens]` configuration, the files a
// run covers, their module names and their decoded text. The CLI, the language server and the runtime's
// workspace imports all come here, so that they agree on what the project is.

export {
  describeFsError, discoverConfig, emptyConfig, loadConfigFile, TEXT_STYLES, unknownSelector,
  type ConfigResult, type PerFileIgnore, type ProjectConfig, type TextStyle,
} from './config.js';
export { discoverFiles, fileGlobMatcher, isExcludedPath, SKIPPED_DIRECTORIES, type Discovery, type DiscoveryOptions, type SourceFile } from './discover.js';
export { DirectoryCache, ModuleResolver, ProjectImports, type ImportContext, type ModuleLocation } from './imports.js';
export { ModuleNamer } from './modules.js';
export { findProjectRoot } from './root.js';
export {
  decodeSource, encodeSource, MAX_FILE_BYTES, readSource, writeFileAtomically, writeSourceText,
  type SourceEncoding, type SourceText,
} from './source.js';
