/**
 * The frame of a self-contained HTML page (report.html, the diff's page): the document head with a
 * Content-Security-Policy that lets nothing load but the page's own style and the images allowed
 * (`'self'`: files beside it; `data:`: inline images), never a script, then the body.
 */
import { REPORT_CSS } from './style.js';

export interface PageFrame {
  /** Already escaped. */
  title: string;
  /** Where images may come from. */
  imgSrc: "'self'" | 'data:';
  /** CSS added after the report's own. */
  extraCss?: string;
  body: readonly string[];
}

export function htmlPage({ title, imgSrc, extraCss = '', body }: PageFrame): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${imgSrc}; style-src 'unsafe-inline'">`,
    '<meta name="color-scheme" content="light">',
    `<title>${title}</title>`,
    `<style>${REPORT_CSS}${extraCss}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
