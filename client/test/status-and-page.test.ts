// The status bar item's text for each server and trace state, and the timeline page's Content-Security-Policy.

import { describe, expect, it } from 'vitest';
import type { TraceSourceInfo } from '@yieldlens/shared';
import { statusView } from '../src/status.js';
import { contentSecurityPolicy, createNonce, timelineHtml } from '../src/timeline/html.js';

const main: TraceSourceInfo = { kind: 'main', id: 'main', label: '__main__ block', line: 20 };
const doctest: TraceSourceInfo = { kind: 'doctest', id: 'doctest:pairs:0', label: 'doctest of pairs', line: 3 };

describe('status bar item', () => {
  it('says what the server is doing, and errors in the error colour', () => {
    expect(statusView({ server: 'starting', trace: undefined, trusted: true, parser: null })).toMatchObject({ text: '$(loading~spin) yieldlens', severity: 'normal' });
    expect(statusView({ server: 'running', trace: undefined, trusted: true, parser: null })).toMatchObject({ text: '$(pulse) yieldlens', severity: 'normal' });
    expect(statusView({ server: 'failed', trace: undefined, trusted: true, parser: null })).toMatchObject({ text: '$(error) yieldlens', severity: 'error' });
    expect(statusView({ server: 'stopped', trace: undefined, trusted: true, parser: null }).severity).toBe('warning');
  });

  it('shows a running trace, and how each source ended once it finished', () => {
    const running = statusView({ server: 'running', trace: { uri: 'file:///a.py', version: 3, state: 'running' }, trusted: true, parser: null });
    expect(running.text).toBe('$(pulse) yieldlens $(sync~spin) tracing');
    const finished = statusView({
      server: 'running',
      trace: { uri: 'file:///a.py', version: 3, state: 'finished', sources: [{ source: main, outcome: 'completed' }, { source: doctest, outcome: 'unsupported' }] },
      trusted: true,
      parser: 'parser: native tree-sitter 0.25.1',
    });
    expect(finished.text).toBe('$(pulse) yieldlens $(warning) traced');
    expect(finished.tooltip.split('\n')).toEqual([
      'The yieldlens server is running.',
      'Parser: native tree-sitter 0.25.1.',
      '__main__ block: ran to the end.',
      'doctest of pairs: used something the runtime does not support.',
      '',
      'Click to show the server log.',
    ]);
  });

  it('says Restricted Mode turned traces off instead of describing a trace', () => {
    const view = statusView({ server: 'running', trace: { uri: 'file:///a.py', version: 1, state: 'running' }, trusted: false, parser: null });
    expect(view.tooltip).toContain('Restricted Mode: traces are off');
    expect(view.tooltip).not.toContain('Tracing');
  });
});

describe('timeline page', () => {
  const page = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: 'abc123', scriptUri: 'https://x/dist/timeline.js', styleUri: 'https://x/media/timeline.css' };

  it('allows nothing by default, scripts only with the nonce, styles and fonts only from the extension', () => {
    const policy = contentSecurityPolicy(page);
    const directives = new Map(policy.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'nonce-abc123'"]);
    expect(directives.get('style-src')).toEqual([page.cspSource]);
    expect(directives.get('connect-src')).toEqual(["'none'"]);
    expect(policy).not.toMatch(/unsafe-(inline|eval)|\*|http:|data:/);
  });

  it('declares the policy and loads its one script with the nonce', () => {
    const html = timelineHtml(page);
    expect(html).toContain('<meta http-equiv="Content-Security-Policy"');
    expect(html.match(/<script\b[^>]*>/g)).toEqual([`<script nonce="abc123" src="${page.scriptUri}">`]);
    expect(html).not.toMatch(/\sstyle=|\son[a-z]+=/);
  });

  it('nonces are 32 characters from the random bytes given', () => {
    const nonce = createNonce((size) => Uint8Array.from({ length: size }, (_, index) => index * 7));
    expect(nonce).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(createNonce((size) => new Uint8Array(size).fill(1))).not.toBe(nonce);
  });
});
