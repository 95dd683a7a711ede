// Renders the app icon for the installers: `node build/renderIcon.mjs` draws src/renderer/public/icon.svg (the one
// source of the icon) at 512x512 in headless Chromium and writes build/icon.png, from which electron-builder makes
// the Windows .ico, the macOS .icns and the Linux icon set. Run it again whenever the SVG changes.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(join(root, 'src/renderer/public/icon.svg'), 'utf8');
const size = 512;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  await page.setContent(
    `<html><body style="margin:0;background:transparent"><img src="${source}" width="${size}" height="${size}" style="display:block"></body></html>`,
  );
  await page.locator('img').evaluate((img) => img.decode());
  await page.screenshot({
    path: join(root, 'build/icon.png'),
    omitBackground: true,
    clip: { x: 0, y: 0, width: size, height: size },
  });
  console.log(`wrote build/icon.png (${size}x${size})`);
} finally {
  await browser.close();
}
