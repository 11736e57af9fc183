import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { screenshotPath } from './app'

/** Reading the PDFs our prints produce, with poppler-utils (pdfinfo, pdftotext, pdffonts, pdftoppm). */
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' })

export const pdfInfo = (file: string): string => run('pdfinfo', [file])
export const pdfPages = (file: string): number => Number(/Pages:\s+(\d+)/.exec(pdfInfo(file))![1])
/** width × height in points, e.g. [595, 842] for A4 portrait */
export function pdfSize(file: string): [number, number] {
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(pdfInfo(file))!
  return [Math.round(Number(m[1])), Math.round(Number(m[2]))]
}
/** the text of each page (pdftotext separates pages with a form feed) */
export const pdfText = (file: string): string[] => run('pdftotext', ['-layout', file, '-']).split('\f').slice(0, -1)
/** the text inside a rectangle of one page, in points from the top-left corner */
export const pdfTextIn = (file: string, page: number, [x, y, w, h]: [number, number, number, number]): string =>
  run('pdftotext', ['-f', String(page), '-l', String(page), '-r', '72', ...[['-x', x], ['-y', y], ['-W', w], ['-H', h]].flatMap(([k, v]) => [String(k), String(Math.round(Number(v)))]), '-layout', file, '-']).replace(/\f/g, '').trim()
/** the PDF's fonts: name, whether the glyphs are embedded, whether text can be copied out (ToUnicode) */
export function pdfFonts(file: string): { name: string; embedded: boolean; unicode: boolean }[] {
  return run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      // name … type … encoding, then: emb sub uni object-number generation
      const t = l.trim().split(/\s+/)
      return { name: t[0]!, embedded: t[t.length - 5] === 'yes', unicode: t[t.length - 3] === 'yes' }
    })
}

/** Share of dark pixels in a rectangle of a page (points from the top-left), rendered in grey at 100 dpi. */
export function ink(file: string, page: number, [x, y, w, h]: [number, number, number, number]): number {
  const dir = mkdtempSync(join(tmpdir(), 'dangban-ink-'))
  const k = 100 / 72
  execFileSync('pdftoppm', ['-gray', '-r', '100', '-f', String(page), '-l', String(page), '-x', String(Math.round(x * k)), '-y', String(Math.round(y * k)), '-W', String(Math.round(w * k)), '-H', String(Math.round(h * k)), file, join(dir, 'crop')])
  const pgm = readFileSync(join(dir, readdirSync(dir)[0]!))
  rmSync(dir, { recursive: true, force: true })
  // binary PGM: "P5\n<width> <height>\n255\n" then one byte per pixel
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'))!
  const pixels = pgm.subarray(header[0].length)
  let dark = 0
  for (const v of pixels) if (v < 128) dark++
  return dark / pixels.length
}

/**
 * PNG pages for a person to look at: test-results/screenshots/print/ on every run, the reviewed copies under
 * tests/e2e/__screenshots__/print/ with UPDATE_SCREENSHOTS=1. 80 dpi: small files, every character legible.
 */
export function savePngs(file: string, name: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'dangban-png-'))
  execFileSync('pdftoppm', ['-png', '-r', '80', file, join(dir, name)])
  const made = readdirSync(dir).filter((f) => f.endsWith('.png')).sort()
  const saved = made.map((f, i) => {
    const target = screenshotPath(`print/${name}-${i + 1}.png`)
    copyFileSync(join(dir, f), target)
    return target
  })
  rmSync(dir, { recursive: true, force: true })
  return saved
}
