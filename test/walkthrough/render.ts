/**
 * Headless Chromium (the same DevTools-pipe driver the HTML report tests use) turns slide pages and
 * the run's report.html into PNGs.
 */
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

import { Chromium } from '../support/chromium.js';

export interface Shot {
  width: number;
  height: number;
  /** Top of the captured area in CSS px (a screenshot further down a long page). */
  scrollTo?: number;
  /** CSS selector of an element to bring to the top first (takes precedence over `scrollTo`). */
  selector?: string;
}

export class Renderer {
  private constructor(private readonly browser: Chromium) {}

  static async start(): Promise<Renderer> {
    return new Renderer(await Chromium.launch());
  }

  /** Loads `file` (images included) at `shot`'s size and writes a PNG of the visible area to `png`. */
  async capture(file: string, png: string, shot: Shot): Promise<void> {
    const page = await this.browser.newPage();
    try {
      await page.send('Page.enable');
      await page.send('Emulation.setDeviceMetricsOverride', { width: shot.width, height: shot.height, deviceScaleFactor: 1, mobile: false });
      const loaded = page.waitFor('Page.loadEventFired');
      const navigation = (await page.send('Page.navigate', { url: pathToFileURL(file).href })) as { errorText?: string };
      if (navigation.errorText) throw new Error(`cannot open ${file}: ${navigation.errorText}`);
      await loaded;
      const top = shot.selector
        ? await page.evaluate<number>(
            `(() => { const e = document.querySelector(${JSON.stringify(shot.selector)}); if (!e) throw new Error('no ${shot.selector.replace(/'/g, '')}'); return Math.max(0, e.getBoundingClientRect().top + window.scrollY - 16); })()`,
          )
        : (shot.scrollTo ?? 0);
      const { data } = (await page.send('Page.captureScreenshot', {
        format: 'png',
        captureBeyondViewport: true,
        clip: { x: 0, y: top, width: shot.width, height: shot.height, scale: 1 },
      })) as { data: string };
      await writeFile(png, Buffer.from(data, 'base64'));
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
