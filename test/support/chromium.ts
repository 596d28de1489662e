/**
 * Real headless Chromium for tests, driven over the DevTools protocol (CDP) without any npm package.
 *
 * Transport: `--remote-debugging-pipe`. Chromium then reads CDP commands from its file descriptor 3
 * and writes replies and events to descriptor 4, each message a JSON text ended by a NUL byte. Node's
 * `spawn` can hand a child extra pipes (`stdio[3]`, `stdio[4]`), so this needs no port, no HTTP
 * discovery and no WebSocket client (Node 20 has none without a flag), and no other process on the
 * machine can connect to the browser. The command-line modes (`--dump-dom`, `--screenshot`) were not
 * enough: they cannot tell whether an image decoded (`naturalWidth`), nor size a full-page screenshot.
 *
 * Each browser gets a fresh `--user-data-dir` (removed on close) and the flags that keep it from
 * reaching the network on its own (background networking, component updates, sync, QUIC).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { access, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-dev-shm-usage',
  '--hide-scrollbars',
  '--mute-audio',
  '--remote-debugging-pipe',
];

/** True when the Chromium executable exists. */
export async function chromiumAvailable(executable = CHROMIUM): Promise<boolean> {
  try {
    await access(executable);
    return true;
  } catch {
    return false;
  }
}

type Json = Record<string, unknown>;

interface CdpEvent {
  method: string;
  params: Json;
  sessionId?: string;
}

interface Pending {
  resolve: (result: Json) => void;
  reject: (error: Error) => void;
  method: string;
}

const COMMAND_TIMEOUT_MS = 30_000;

export class Chromium {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(event: CdpEvent) => void>();
  private buffer = Buffer.alloc(0);
  private stderr = '';
  private exited = false;

  private constructor(
    private readonly child: ChildProcess,
    private readonly profileDir: string,
  ) {
    const input = child.stdio[4] as Readable;
    input.on('data', (chunk: Buffer) => this.receive(chunk));
    child.stderr?.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 64_000) this.stderr += chunk.toString('utf8');
    });
    child.on('exit', () => {
      this.exited = true;
      for (const [, p] of this.pending) p.reject(new Error(`Chromium exited during ${p.method}: ${this.stderr.slice(-2000)}`));
      this.pending.clear();
    });
  }

  static async launch(executable = CHROMIUM): Promise<Chromium> {
    const profileDir = await mkdtemp(path.join(os.tmpdir(), 'dataset-gen-chromium-'));
    const child = spawn(executable, [...CHROMIUM_FLAGS, `--user-data-dir=${profileDir}`, 'about:blank'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
    });
    const browser = new Chromium(child, profileDir);
    await new Promise<void>((resolve, reject) => {
      child.once('error', reject);
      child.once('spawn', () => resolve());
    });
    await browser.send('Browser.getVersion');
    return browser;
  }

  /** Chromium's stderr so far (for failure messages). */
  get log(): string {
    return this.stderr;
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (let end = this.buffer.indexOf(0); end >= 0; end = this.buffer.indexOf(0)) {
      const text = this.buffer.subarray(0, end).toString('utf8');
      this.buffer = this.buffer.subarray(end + 1);
      const message = JSON.parse(text) as { id?: number; result?: Json; error?: { message: string }; method?: string; params?: Json; sessionId?: string };
      if (message.id !== undefined) {
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (!pending) continue;
        if (message.error) pending.reject(new Error(`${pending.method}: ${message.error.message}`));
        else pending.resolve(message.result ?? {});
      } else if (message.method) {
        const event: CdpEvent = { method: message.method, params: message.params ?? {}, sessionId: message.sessionId };
        for (const listener of this.listeners) listener(event);
      }
    }
  }

  /** Sends one command (to the browser, or to a page's session) and waits for its reply. */
  send(method: string, params: Json = {}, sessionId?: string): Promise<Json> {
    if (this.exited) return Promise.reject(new Error(`Chromium has exited: ${this.stderr.slice(-2000)}`));
    const id = this.nextId++;
    const output = this.child.stdio[3] as Writable;
    return new Promise<Json>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out after ${COMMAND_TIMEOUT_MS} ms`));
      }, COMMAND_TIMEOUT_MS);
      this.pending.set(id, {
        method,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      output.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  onEvent(listener: (event: CdpEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Opens a new tab and attaches to it. */
  async newPage(): Promise<Page> {
    const { targetId } = (await this.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    const { sessionId } = (await this.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    return new Page(this, sessionId, targetId);
  }

  async close(): Promise<void> {
    if (!this.exited) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      await this.send('Browser.close').catch(() => undefined);
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await rm(this.profileDir, { recursive: true, force: true });
  }
}

export interface Viewport {
  width: number;
  height: number;
  deviceScaleFactor?: number;
  mobile?: boolean;
}

export interface PageImage {
  src: string;
  complete: boolean;
  naturalWidth: number;
  naturalHeight: number;
}

export interface PageInspection {
  /** console.error/assert calls, uncaught exceptions, and browser log entries of level error
   *  (failed loads, Content-Security-Policy violations). */
  errors: string[];
  /** Every URL the page requested (the document included). */
  requests: string[];
  images: PageImage[];
  /** `document.body.innerText`. */
  text: string;
  /** Full-page PNG at the viewport's width. */
  screenshot: Buffer;
  /** Document width in CSS px (wider than the viewport means horizontal scrolling). */
  scrollWidth: number;
}

export class Page {
  readonly events: CdpEvent[] = [];
  private readonly stop: () => void;

  constructor(
    private readonly browser: Chromium,
    readonly sessionId: string,
    readonly targetId: string,
  ) {
    this.stop = browser.onEvent((event) => {
      if (event.sessionId === sessionId) this.events.push(event);
    });
  }

  send(method: string, params: Json = {}): Promise<Json> {
    return this.browser.send(method, params, this.sessionId);
  }

  /** Resolves with the first event named `method` (already received or still to come). */
  waitFor(method: string, timeoutMs = COMMAND_TIMEOUT_MS): Promise<CdpEvent> {
    const seen = this.events.find((e) => e.method === method);
    if (seen) return Promise.resolve(seen);
    return new Promise<CdpEvent>((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`no ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      const off = this.browser.onEvent((event) => {
        if (event.sessionId === this.sessionId && event.method === method) {
          clearTimeout(timer);
          off();
          resolve(event);
        }
      });
    });
  }

  async evaluate<T>(expression: string): Promise<T> {
    const reply = (await this.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })) as {
      result: { value?: T };
      exceptionDetails?: { text: string };
    };
    if (reply.exceptionDetails) throw new Error(`evaluate failed: ${reply.exceptionDetails.text}`);
    return reply.result.value as T;
  }

  async close(): Promise<void> {
    this.stop();
    await this.browser.send('Target.closeTarget', { targetId: this.targetId }).catch(() => undefined);
  }
}

function errorsOf(events: readonly CdpEvent[]): string[] {
  const errors: string[] = [];
  const urls = new Map<string, string>();
  for (const { method, params } of events) {
    if (method === 'Network.requestWillBeSent') urls.set(String(params.requestId), String((params.request as { url?: string } | undefined)?.url ?? ''));
    if (method === 'Runtime.consoleAPICalled' && (params.type === 'error' || params.type === 'assert')) {
      const args = (params.args as { value?: unknown; description?: string }[] | undefined) ?? [];
      errors.push(`console.${String(params.type)}: ${args.map((a) => String(a.value ?? a.description ?? '')).join(' ')}`);
    } else if (method === 'Runtime.exceptionThrown') {
      const details = params.exceptionDetails as { text?: string; exception?: { description?: string } } | undefined;
      errors.push(`exception: ${details?.exception?.description ?? details?.text ?? 'unknown'}`);
    } else if (method === 'Log.entryAdded') {
      const entry = params.entry as { level?: string; text?: string; url?: string; source?: string } | undefined;
      if (entry?.level === 'error') errors.push(`${entry.source ?? 'log'}: ${entry.text ?? ''}${entry.url ? ` (${entry.url})` : ''}`);
    } else if (method === 'Network.loadingFailed') {
      const url = urls.get(String(params.requestId)) ?? 'unknown URL';
      errors.push(`load failed: ${url}: ${String(params.errorText) || 'blocked'}${params.blockedReason ? ` (${String(params.blockedReason)})` : ''}`);
    }
  }
  return errors;
}

/**
 * Opens `url` in a new tab at `viewport`, waits for the load event (images included), and returns
 * what the tests check plus a full-page screenshot.
 */
export async function inspectPage(browser: Chromium, url: string, viewport: Viewport): Promise<PageInspection> {
  const page = await browser.newPage();
  try {
    await Promise.all([page.send('Page.enable'), page.send('Runtime.enable'), page.send('Log.enable'), page.send('Network.enable')]);
    await page.send('Emulation.setDeviceMetricsOverride', {
      width: viewport.width,
      height: viewport.height,
      deviceScaleFactor: viewport.deviceScaleFactor ?? 1,
      mobile: viewport.mobile ?? false,
    });
    const loaded = page.waitFor('Page.loadEventFired');
    const navigation = (await page.send('Page.navigate', { url })) as { errorText?: string };
    if (navigation.errorText) throw new Error(`navigation to ${url} failed: ${navigation.errorText}`);
    await loaded;
    const state = await page.evaluate<{ images: PageImage[]; text: string; scrollWidth: number; height: number }>(
      `({
        images: [...document.images].map((i) => ({ src: i.currentSrc || i.src, complete: i.complete, naturalWidth: i.naturalWidth, naturalHeight: i.naturalHeight })),
        text: document.body.innerText,
        scrollWidth: document.documentElement.scrollWidth,
        height: Math.ceil(document.documentElement.scrollHeight),
      })`,
    );
    const shot = (await page.send('Page.captureScreenshot', {
      format: 'png',
      captureBeyondViewport: true,
      clip: { x: 0, y: 0, width: viewport.width, height: state.height, scale: 1 },
    })) as { data: string };
    const requests = page.events
      .filter((e) => e.method === 'Network.requestWillBeSent')
      .map((e) => String((e.params.request as { url?: string } | undefined)?.url ?? ''));
    return {
      errors: errorsOf(page.events),
      requests,
      images: state.images,
      text: state.text,
      screenshot: Buffer.from(shot.data, 'base64'),
      scrollWidth: state.scrollWidth,
    };
  } finally {
    await page.close();
  }
}
