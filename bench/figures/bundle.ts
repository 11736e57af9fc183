import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Figure } from '../harness'

/** The renderer's initial JS: the entry script and its modulepreloads in the built index.html, gzipped. */
export function bundleFigures(rendererDir: string): Figure[] {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8')
  const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!)
  const gz = files.reduce((n, f) => n + gzipSync(readFileSync(join(rendererDir, f))).length, 0)
  const kb = gz / 1024
  return [{ name: 'renderer initial JS (gzip)', value: Math.round(kb), unit: 'KiB', target: '< 1024 KiB', met: kb < 1024 }]
}
