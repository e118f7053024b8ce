// The extension's settings: which `yieldlens.*` keys go to the server (the `YieldlensSettings` section, as
// initializationOptions and workspace/configuration answers), which stay in the client, and what workspace
// trust changes. Pure: VS Code's configuration comes in as a getter, so tests need no editor.

import { TRACE_SOURCE_KINDS, type TraceSettings, type TraceSourceKind, type YieldlensSettings } from '@yieldlens/shared';

/** The settings section, as in `yieldlens.select`. */
export const SECTION = 'yieldlens';

/** What a setting's value must be; the schema in package.json and the server's reader must agree with it. */
export type SettingKind =
  | { type: 'string-list' }
  | { type: 'enum-list'; values: readonly string[] }
  | { type: 'boolean' }
  | { type: 'positive-integer' };

/** `'select' | 'ignore' | 'trace.enabled' | …`: every leaf of YieldlensSettings, dotted as VS Code spells keys. */
type LeafKey<T, Prefix extends string = ''> = {
  [K in keyof T & string]-?: NonNullable<T[K]> extends unknown[] ? `${Prefix}${K}` : NonNullable<T[K]> extends object ? LeafKey<NonNullable<T[K]>, `${Prefix}${K}.`> : `${Prefix}${K}`;
}[keyof T & string];

export type ServerSettingKey = LeafKey<YieldlensSettings>;

/**
 * Every server setting and its kind. The compiler rejects this object when YieldlensSettings gains or loses a
 * key (the mapped type requires each key, the literal forbids others); a test checks package.json against it.
 */
export const SERVER_SETTINGS = {
  select: { type: 'string-list' },
  ignore: { type: 'string-list' },
  'trace.enabled': { type: 'boolean' },
  'trace.sources': { type: 'enum-list', values: TRACE_SOURCE_KINDS },
  'trace.maxSteps': { type: 'positive-integer' },
  'trace.timeoutMs': { type: 'positive-integer' },
} as const satisfies { [K in ServerSettingKey]: SettingKind };

/** Settings only the client reads: they choose and start the server, and never reach it. */
export const CLIENT_SETTINGS = {
  path: 'a yieldlens executable to run instead of the bundled server',
} as const;

export type ClientSettingKey = keyof typeof CLIENT_SETTINGS;

/** `WorkspaceConfiguration.get`, or a stand-in for it in tests. */
export type SettingGetter = (key: string) => unknown;

export interface ExtensionSettings {
  /** The section sent to the server, with trust already applied. */
  server: YieldlensSettings;
  /** `yieldlens.path`, or null when unset, empty or ignored because the workspace is not trusted. */
  serverPath: string | null;
  /** What trust changed, for the log: empty in a trusted workspace or when nothing was restricted. */
  restrictions: string[];
}

/**
 * Reads the settings and applies workspace trust: in an untrusted workspace (Restricted Mode) traces stay off,
 * since they run the workspace's code, and `yieldlens.path` is ignored, since the workspace could name any
 * program there. Values of the wrong shape are left out, so the server's defaults apply to them.
 */
export function readSettings(get: SettingGetter, trusted: boolean): ExtensionSettings {
  const server: YieldlensSettings = {};
  const select = stringList(get('select'));
  if (select !== undefined) server.select = select;
  const ignore = stringList(get('ignore'));
  if (ignore !== undefined) server.ignore = ignore;
  const trace: TraceSettings = {};
  const enabled = get('trace.enabled');
  if (typeof enabled === 'boolean') trace.enabled = enabled;
  const sources = sourceList(get('trace.sources'));
  if (sources !== undefined) trace.sources = sources;
  const maxSteps = positiveInteger(get('trace.maxSteps'));
  if (maxSteps !== undefined) trace.maxSteps = maxSteps;
  const timeoutMs = positiveInteger(get('trace.timeoutMs'));
  if (timeoutMs !== undefined) trace.timeoutMs = timeoutMs;

  const restrictions: string[] = [];
  const path = get('path');
  let serverPath = typeof path === 'string' && path.trim() !== '' ? path.trim() : null;
  if (!trusted) {
    if (trace.enabled !== false) restrictions.push('traces are off (they would run the workspace’s code)');
    trace.enabled = false;
    if (serverPath !== null) restrictions.push(`yieldlens.path (${serverPath}) is ignored: the bundled server runs`);
    serverPath = null;
  }
  if (Object.keys(trace).length > 0) server.trace = trace;
  return { server, serverPath, restrictions };
}

/**
 * The answer to the server's `workspace/configuration` request for the `yieldlens` section: what VS Code
 * holds, reduced to the server's keys and with trust applied, exactly like the initializationOptions.
 */
export function configurationForServer(get: SettingGetter, trusted: boolean): YieldlensSettings {
  return readSettings(get, trusted).server;
}

/** A getter over a plain nested object such as `{ trace: { enabled: false } }`, as tests build settings. */
export function getterFor(values: Record<string, unknown>): SettingGetter {
  return (key) => {
    let value: unknown = values;
    for (const part of key.split('.')) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
      value = (value as Record<string, unknown>)[part];
    }
    return value;
  };
}

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) return undefined;
  return value;
}

function sourceList(value: unknown): TraceSourceKind[] | undefined {
  const list = stringList(value);
  if (list === undefined) return undefined;
  return list.every((item): item is TraceSourceKind => (TRACE_SOURCE_KINDS as readonly string[]).includes(item)) ? list : undefined;
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}
