// Draws Certbench's app and document icons into assets/ from SVG, rendered by Debian's Chromium (headless,
// through Playwright; no image tool is installed on the build machines), then packs them into the
// containers each platform wants:
//   icon.png (1024, electron-builder's source), icons/NxN.png (Linux), icon.ico (Windows), icon.icns (macOS),
//   doc-<kind>.ico / doc-<kind>.icns per file-association kind (Windows Explorer, macOS Finder).
//   node scripts/make-icons.mjs        rewrites them; commit the outputs with this script
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { writeIcns, writeIco } from './icon-containers.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ASSETS = join(ROOT, 'assets');
const ACCENT = '#2456c7'; // renderer/theme.ts primary, as in icon.svg

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
export const ICNS_SIZES = [128, 256, 512, 1024]; // ic07..ic10: macOS scales down for smaller views

/** One document icon per association kind: the label is what the user sees on the file. */
export const DOCUMENT_KINDS = {
  cert: 'CERT',
  p7b: 'P7B',
  pfx: 'PFX',
  jks: 'JKS',
  key: 'KEY',
  csr: 'CSR',
  crl: 'CRL',
};

/** A sheet with a folded corner, the app's seal, and the kind's label on an accent band. */
function documentSvg(label) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <path d="M96 24 H336 L448 136 V464 a24 24 0 0 1 -24 24 H96 a24 24 0 0 1 -24 -24 V48 a24 24 0 0 1 24 -24 Z" fill="#ffffff" stroke="#8a98b8" stroke-width="12"/>
  <path d="M336 24 V112 a24 24 0 0 0 24 24 H448" fill="#dfe6f5" stroke="#8a98b8" stroke-width="12" stroke-linejoin="round"/>
  <g fill="${ACCENT}" opacity="0.55">
    <rect x="128" y="96" width="160" height="20" rx="10"/>
    <rect x="128" y="144" width="224" height="20" rx="10"/>
  </g>
  <g transform="translate(256 232)">
    <circle r="56" fill="${ACCENT}"/>
    <path d="M-24 2 L-6 20 L26 -16" fill="none" stroke="#ffffff" stroke-width="14" stroke-linecap="round" stroke-linejoin="round"/>
  </g>
  <rect x="72" y="324" width="376" height="140" fill="${ACCENT}"/>
  <text x="260" y="432" text-anchor="middle" font-family="DejaVu Sans" font-weight="bold" font-size="${label.length > 3 ? 96 : 112}" fill="#ffffff">${label}</text>
</svg>`;
}

async function renderer() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  const page = await browser.newPage();
  return {
    /** The SVG drawn at edge x edge pixels on a transparent background. */
    async png(svg, edge) {
      await page.setViewportSize({ width: edge, height: edge });
      const sized = svg.replace(/width="512" height="512"/, `width="${edge}" height="${edge}"`);
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
      return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: edge, height: edge } });
    },
    close: () => browser.close(),
  };
}

async function main() {
  const draw = await renderer();
  try {
    const appSvg = readFileSync(join(ASSETS, 'icon.svg'), 'utf8');
    const sizes = [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_SIZES])].sort((a, b) => a - b);
    const app = new Map();
    for (const edge of sizes) app.set(edge, await draw.png(appSvg, edge));

    writeFileSync(join(ASSETS, 'icon.png'), app.get(1024));
    rmSync(join(ASSETS, 'icons'), { recursive: true, force: true });
    mkdirSync(join(ASSETS, 'icons'));
    for (const edge of LINUX_SIZES) writeFileSync(join(ASSETS, 'icons', `${edge}x${edge}.png`), app.get(edge));
    writeFileSync(join(ASSETS, 'icon.ico'), writeIco(ICO_SIZES.map((e) => app.get(e))));
    writeFileSync(join(ASSETS, 'icon.icns'), writeIcns(ICNS_SIZES.map((e) => app.get(e))));

    for (const [kind, label] of Object.entries(DOCUMENT_KINDS)) {
      const svg = documentSvg(label);
      const doc = new Map();
      for (const edge of [...new Set([...ICO_SIZES, ...ICNS_SIZES])]) doc.set(edge, await draw.png(svg, edge));
      writeFileSync(join(ASSETS, `doc-${kind}.ico`), writeIco(ICO_SIZES.map((e) => doc.get(e))));
      writeFileSync(join(ASSETS, `doc-${kind}.icns`), writeIcns(ICNS_SIZES.map((e) => doc.get(e))));
      writeFileSync(join(ASSETS, `doc-${kind}.svg`), svg + '\n');
    }
  } finally {
    await draw.close();
  }
  console.log(`icons written to ${ASSETS}`);
}

await main();
