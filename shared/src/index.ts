// Public surface of @yieldlens/shared.
export * from './findings.js';
export * from './trace.js';
export * from './protocol.js';
