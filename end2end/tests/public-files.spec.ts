import { expect, test } from './support';

/**
 * The files of `public/`, copied beside the built ones: the icons a browser tab and an
 * installed staff board show, the manifest that makes the board installable, the image a
 * shared menu link previews with, and what crawlers may read.
 */

test('the page names its icons, manifest and preview image, and each is served', async ({ page }) => {
  await page.goto('/');
  const named = {
    '/favicon.ico': 'link[rel="icon"][sizes="32x32"]',
    '/favicon.svg': 'link[rel="icon"][type="image/svg+xml"]',
    '/icon-192.png': 'link[rel="apple-touch-icon"]',
    '/site.webmanifest': 'link[rel="manifest"]',
  };
  for (const [path, selector] of Object.entries(named)) {
    await expect(page.locator(selector), selector).toHaveAttribute('href', path);
  }
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', '/og-image.png');

  const types: Record<string, RegExp> = {
    '/favicon.ico': /^image\/(x-icon|vnd\.microsoft\.icon)/,
    '/favicon.svg': /^image\/svg\+xml/,
    '/icon-192.png': /^image\/png/,
    '/og-image.png': /^image\/png/,
  };
  for (const [path, type] of Object.entries(types)) {
    const response = await page.request.get(path);
    expect(response.status(), `GET ${path}`).toBe(200);
    expect(response.headers()['content-type'], `Content-Type of ${path}`).toMatch(type);
  }
});

test('the manifest makes the boards installable with icons that exist', async ({ page }) => {
  const response = await page.request.get('/site.webmanifest');
  expect(response.status()).toBe(200);
  const manifest = await response.json();
  expect(manifest.name).toBe("Mario's Pizzeria");
  expect(manifest.display).toBe('standalone');
  const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) {
    const file = await page.request.get(icon.src);
    expect(file.status(), `GET ${icon.src}`).toBe(200);
  }
  const shortcuts = manifest.shortcuts.map((shortcut: { url: string }) => shortcut.url);
  expect(shortcuts).toEqual(['/staff/kitchen', '/staff/delivery']);
});

test('crawlers may read the menu but not the staff pages, accounts, orders or API', async ({ page }) => {
  const response = await page.request.get('/robots.txt');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^text\/plain/);
  const rules = (await response.text()).split('\n').map((line) => line.trim());
  for (const path of ['/staff', '/account', '/orders', '/checkout', '/api/']) {
    expect(rules, `robots.txt keeps crawlers out of ${path}`).toContain(`Disallow: ${path}`);
  }
  expect(rules).toContain('Allow: /');
});
