// Draws 党办通's icon set from one SVG (resources/icon.svg) with the Chromium used by the e2e tests:
// resources/icons/<N>x<N>.png for Linux and the window, resources/icon.ico (PNG entries) for Windows.
// Run after changing the SVG: node scripts/icons.mjs  (the results are committed; packaging only reads them)
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { ROOT } from './electron-dist.mjs'

const SIZES = [16, 24, 32, 48, 64, 128, 256, 512]
const svg = readFileSync(join(ROOT, 'resources/icon.svg'), 'utf8')
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
const page = await browser.newPage()
const pngs = new Map()
for (const size of SIZES) {
  await page.setViewportSize({ width: size, height: size })
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`)
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } })
  writeFileSync(join(ROOT, `resources/icons/${size}x${size}.png`), png)
  pngs.set(size, png)
}
await browser.close()

// ICO: a 6-byte header, a 16-byte entry per image, then the PNG data (Windows Vista and later read PNG entries)
const entries = SIZES.filter((s) => s <= 256)
const header = Buffer.alloc(6 + 16 * entries.length)
header.writeUInt16LE(0, 0)
header.writeUInt16LE(1, 2)
header.writeUInt16LE(entries.length, 4)
let offset = header.length
entries.forEach((size, i) => {
  const png = pngs.get(size)
  const at = 6 + 16 * i
  header.writeUInt8(size === 256 ? 0 : size, at)
  header.writeUInt8(size === 256 ? 0 : size, at + 1)
  header.writeUInt16LE(1, at + 4) // colour planes
  header.writeUInt16LE(32, at + 6) // bits per pixel
  header.writeUInt32LE(png.length, at + 8)
  header.writeUInt32LE(offset, at + 12)
  offset += png.length
})
writeFileSync(join(ROOT, 'resources/icon.ico'), Buffer.concat([header, ...entries.map((s) => pngs.get(s))]))
console.log(`icons: ${SIZES.join(', ')} px and icon.ico`)
