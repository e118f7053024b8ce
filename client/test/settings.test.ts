// The extension's settings: what reaches the server (initializationOptions and workspace/configuration), what
// workspace trust changes, and that client/package.json, the client's list of server settings and the server's
// own configuration reader agree on every key.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRACE_SOURCE_KINDS } from '@yieldlens/shared';
import { ConfigStore } from '../../server/src/lsp/config.js';
import { runSnippet } from '../../server/src/runtime/index.js';
import { chooseServer } from '../src/launch.js';
import { CLIENT_SETTINGS, configurationForServer, getterFor, readSettings, SECTION, SERVER_SETTINGS, type SettingKind } from '../src/settings.js';

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, Record<string, unknown>> } };
  capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
};
const properties = manifest.contributes.configuration.properties;

/** VS Code's values when nothing is configured: each contributed setting's default. */
function defaults(): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(properties)) setPath(values, key.slice(SECTION.length + 1), schema['default']);
  return values;
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts.at(-1) as string] = value;
}

/** A value of the setting's kind that is not its default, to see it travel to the server. */
function sampleFor(kind: SettingKind): unknown {
  switch (kind.type) {
    case 'string-list':
      return ['GEN001', 'suspended-resource'];
    case 'enum-list':
      return kind.values.slice(0, 1);
    case 'boolean':
      return false;
    case 'positive-integer':
      return 1234;
  }
}

describe('settings reach the server', () => {
  it('with nothing configured, only the trace defaults are sent and select/ignore stay unset (pyproject.toml decides)', () => {
    const { server, serverPath, restrictions } = readSettings(getterFor(defaults()), true);
    expect(server).toEqual({ trace: { enabled: true, sources: [...TRACE_SOURCE_KINDS], maxSteps: 1_000_000, timeoutMs: 2_000 } });
    expect(serverPath).toBeNull();
    expect(restrictions).toEqual([]);
  });

  it('configured values are sent as the YieldlensSettings section, yieldlens.path is kept for the client', () => {
    const values = defaults();
    setPath(values, 'select', ['GEN001']);
    setPath(values, 'ignore', ['GEN005']);
    setPath(values, 'trace.sources', ['doctest']);
    setPath(values, 'trace.maxSteps', 5000);
    setPath(values, 'path', ' /opt/yieldlens/bin/yieldlens ');
    const { server, serverPath } = readSettings(getterFor(values), true);
    expect(server).toEqual({ select: ['GEN001'], ignore: ['GEN005'], trace: { enabled: true, sources: ['doctest'], maxSteps: 5000, timeoutMs: 2_000 } });
    expect(serverPath).toBe('/opt/yieldlens/bin/yieldlens');
  });

  it('values of the wrong shape are left out, so the server falls back to its defaults for them', () => {
    const { server } = readSettings(getterFor({ select: 'GEN001', ignore: [1], trace: { enabled: 'yes', sources: ['main', 'nightly'], maxSteps: -3, timeoutMs: 1.5 } }), true);
    expect(server).toEqual({});
  });

  it('the answer to workspace/configuration is the same section as the initializationOptions', () => {
    const values = defaults();
    setPath(values, 'trace.timeoutMs', 700);
    expect(configurationForServer(getterFor(values), true)).toEqual(readSettings(getterFor(values), true).server);
    expect(configurationForServer(getterFor(values), false)).toEqual(readSettings(getterFor(values), false).server);
  });
});

describe('workspace trust', () => {
  it('in Restricted Mode traces are off and yieldlens.path is ignored, whatever the settings say, and the log says so', () => {
    const values = defaults();
    setPath(values, 'path', '/home/someone/evil/yieldlens');
    setPath(values, 'select', ['GEN001']);
    const { server, serverPath, restrictions } = readSettings(getterFor(values), false);
    expect(server.trace?.enabled).toBe(false);
    expect(server.select).toEqual(['GEN001']);
    expect(serverPath).toBeNull();
    expect(restrictions).toEqual([
      'traces are off (they would run the workspace’s code)',
      'yieldlens.path (/home/someone/evil/yieldlens) is ignored: the bundled server runs',
    ]);
  });

  it('Restricted Mode with traces already off has nothing to report', () => {
    const values = defaults();
    setPath(values, 'trace.enabled', false);
    expect(readSettings(getterFor(values), false).restrictions).toEqual([]);
  });

  it('package.json declares limited support and restricts the settings trust changes', () => {
    expect(manifest.capabilities.untrustedWorkspaces.supported).toBe('limited');
    expect(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.sort()).toEqual(['yieldlens.path', 'yieldlens.trace.enabled']);
  });

  it('the bundled server runs unless a trusted yieldlens.path names a file; a missing file warns and falls back', () => {
    const bundled = '/ext/server/bin/yieldlens.js';
    expect(chooseServer(null, bundled, () => true)).toMatchObject({ launch: { kind: 'bundled', module: bundled, args: ['lsp'] }, warning: false });
    expect(chooseServer('/usr/bin/yieldlens', bundled, (path) => path === '/usr/bin/yieldlens')).toMatchObject({ launch: { kind: 'executable', command: '/usr/bin/yieldlens', args: ['lsp'] }, warning: false });
    const missing = chooseServer('/nowhere/yieldlens', bundled, () => false);
    expect(missing).toMatchObject({ launch: { kind: 'bundled' }, warning: true });
    expect(missing.message).toContain('/nowhere/yieldlens');
  });
});

describe('package.json, the client and the server agree on the settings', () => {
  it('package.json contributes exactly the server settings and the client-only ones', () => {
    const contributed = Object.keys(properties).map((key) => key.slice(SECTION.length + 1)).sort();
    expect(Object.keys(properties).every((key) => key.startsWith(`${SECTION}.`))).toBe(true);
    expect(contributed).toEqual([...Object.keys(SERVER_SETTINGS), ...Object.keys(CLIENT_SETTINGS)].sort());
  });

  it.each(Object.entries(SERVER_SETTINGS))('yieldlens.%s has the schema of its kind', (key, kind: SettingKind) => {
    const schema = properties[`${SECTION}.${key}`] ?? {};
    switch (kind.type) {
      case 'string-list':
        // null (unset) lets pyproject.toml decide; a list, even empty, overrides it.
        expect(schema['type']).toEqual(['array', 'null']);
        expect(schema['items']).toEqual({ type: 'string' });
        expect(schema['default']).toBeNull();
        break;
      case 'enum-list':
        expect(schema['type']).toBe('array');
        expect((schema['items'] as { enum: unknown }).enum).toEqual([...kind.values]);
        expect(schema['default']).toEqual([...kind.values]);
        break;
      case 'boolean':
        expect(schema['type']).toBe('boolean');
        expect(typeof schema['default']).toBe('boolean');
        break;
      case 'positive-integer':
        expect(schema['type']).toBe('integer');
        expect(schema['minimum']).toBe(1);
        expect(Number.isInteger(schema['default'])).toBe(true);
        break;
    }
  });

  it.each(Object.entries(SERVER_SETTINGS))('the server reads yieldlens.%s as the client sends it', (key, kind: SettingKind) => {
    const values = defaults();
    const sample = sampleFor(kind);
    setPath(values, key, sample);
    const sent = readSettings(getterFor(values), true).server;
    const store = new ConfigStore();
    // Both ways the server receives the section: initializationOptions (the section) and a `yieldlens` object.
    for (const received of [sent, { yieldlens: sent }]) {
      expect(store.setClientSettings(received)).toEqual([]);
      expect(getterFor(store.clientSettings as Record<string, unknown>)(key)).toEqual(sample);
    }
  });

  it('the default budgets are the ones the runtime applies when it is given none', () => {
    const loop = 'while True:\n    pass\n';
    const steps = runSnippet(loop).limit;
    expect(steps?.kind).toBe('steps');
    expect(steps?.message).toContain(`${String(properties['yieldlens.trace.maxSteps']?.['default'])} exceeded`);
    const time = runSnippet(loop, { maxSteps: Number.MAX_SAFE_INTEGER }).limit;
    expect(time?.kind).toBe('time');
    expect(time?.message).toContain(`${String(properties['yieldlens.trace.timeoutMs']?.['default'])} ms`);
  }, 20_000);
});
