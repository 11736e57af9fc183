import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../../..')
const SCRIPT = join(ROOT, 'scripts/package-offline.mjs')
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', timeout: 30_000 })
  return { status: r.status, out: `${r.stdout}${r.stderr}` }
}

describe('离线打包工具：先核对带入的文件，再打包', () => {
  it('文件夹里缺的文件逐个列出下载地址和 SHA-256，不开始打包', () => {
    const r = run(['--kit', mkdtempSync(join(tmpdir(), 'dangban-kit-')), '--win', '--linux'])
    expect(r.status).toBe(1)
    for (const file of ['electron-v45.4.1-win32-x64.zip', 'electron-v45.4.1-linux-x64.zip', 'electron-v45.4.1-linux-arm64.zip', 'nsis-3.0.4.1.7z', 'nsis-resources-3.4.1.7z', 'fpm-1.17.0-ruby-3.4.3-linux-']) {
      expect(r.out).toContain(`缺少 ${file}`)
    }
    expect(r.out.match(/SHA-256：[0-9a-f]{64}/g)).toHaveLength(6)
    expect(r.out).not.toContain('> npx')
  })

  it('校验值不符的文件被指出（文件不完整或被改动）', () => {
    const kit = mkdtempSync(join(tmpdir(), 'dangban-kit-'))
    writeFileSync(join(kit, 'electron-v45.4.1-win32-x64.zip'), 'truncated download')
    const r = run(['--kit', kit, '--win'])
    expect(r.status).toBe(1)
    expect(r.out).toContain('electron-v45.4.1-win32-x64.zip 的 SHA-256 不对')
  })

  it('参数写错时说明用法，不打包', () => {
    expect(run(['--kit']).out).toContain('用法')
    expect(run(['--kit', '/tmp', '--windows']).out).toMatch(/参数有误[\s\S]*用法/)
  })

  it('固定的工具包校验值与 electron-builder 自己写死的相同（升级 electron-builder 时会发现）', () => {
    const script = readFileSync(SCRIPT, 'utf8')
    const pins = [...script.matchAll(/file: '([^']+)', sha256: '([0-9a-f]{64})'/g)].map((m) => ({ file: m[1]!, sum: m[2]! }))
    expect(pins.length).toBe(4)
    const builder = ['windows', 'linux'].map((f) => readFileSync(join(ROOT, `node_modules/app-builder-lib/out/toolsets/${f}.js`), 'utf8')).join('\n')
    for (const { file, sum } of pins) expect(builder, file).toMatch(new RegExp(`"?${file.replace(/\./g, '\\.')}"?\\S*[\\s\\S]{0,40}${sum}`))
  })
})
