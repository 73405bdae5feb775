import { expect, test } from './support';

/**
 * The built files a page loads (its stylesheet, the JS glue, the wasm module) carry a
 * hash of their content in their names, so browsers keep them for a year without asking:
 * a returning customer downloads nothing.
 */

const HASHED = /\.[A-Za-z0-9_-]{22}\.(css|js|wasm)$/;

test('the page names its built files by content and they may be kept for good', async ({ page }) => {
  await page.goto('/');
  const stylesheet = await page.locator('link[rel="stylesheet"]').getAttribute('href');
  const script = await page.locator('link[rel="modulepreload"]').first().getAttribute('href');
  const wasm = await page.locator('link[rel="preload"][as="fetch"]').first().getAttribute('href');
  for (const href of [stylesheet, script, wasm]) {
    expect(href, 'a built file the page names').toMatch(HASHED);
    const response = await page.request.get(href!);
    expect(response.status(), `GET ${href}`).toBe(200);
    expect(response.headers()['cache-control'], `Cache-Control of ${href}`).toBe(
      'public, max-age=31536000, immutable',
    );
  }
  // The stylesheet applies: the header has the theme's red, not the browser's default.
  await expect(page.locator('header.site-header')).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
});
