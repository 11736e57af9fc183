import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../../..')
const exe = process.platform === 'win32' ? 'electron.exe' : 'electron'

/** `npm start`'s first step, as a clerk's IT person would meet it on a machine without Electron. */
function check(env: Record<string, string> = {}) {
  const cache = mkdtempSync(join(tmpdir(), 'dangban-electron-cache-'))
  const started = Date.now()
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/electron-check.mjs')], {
    env: { ...process.env, XDG_CACHE_HOME: cache, LOCALAPPDATA: cache, ELECTRON_OVERRIDE_DIST_PATH: '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  })
  return { status: r.status, out: `${r.stdout}${r.stderr}`, seconds: (Date.now() - started) / 1000 }
}

describe('npm start：没有 Electron 程序文件时', () => {
  it('几秒内用中文说明缺什么、怎么带入（解压的文件夹或下载缓存）、校验值，并指出 npm run web 可用', () => {
    const r = check()
    expect(r.status).toBe(1)
    expect(r.seconds).toBeLessThan(10)
    expect(r.out).toContain('没有找到 Electron 45.4.1 的程序文件')
    expect(r.out).toContain('ELECTRON_OVERRIDE_DIST_PATH')
    expect(r.out).toContain('下载缓存')
    expect(r.out).toMatch(/SHA-256 应为 [0-9a-f]{64}/)
    expect(r.out).toContain('npm run web')
    expect(r.out).not.toMatch(/Error:|at .*\.js:\d+/)
  })

  it('带入的 zip 校验值不符时拒绝使用并说明', () => {
    const kit = join(ROOT, 'offline-kit')
    mkdirSync(kit, { recursive: true })
    const zip = join(kit, `electron-v45.4.1-${process.platform}-${process.arch}.zip`)
    writeFileSync(zip, 'not electron')
    try {
      const r = check()
      expect(r.status).toBe(1)
      expect(r.out).toContain('与 Electron 公布的校验值不符')
    } finally {
      rmSync(zip)
    }
  })

  it('ELECTRON_OVERRIDE_DIST_PATH 指向解压好的 Electron 时直接通过；指向空文件夹时说明', () => {
    const dist = mkdtempSync(join(tmpdir(), 'dangban-electron-dist-'))
    expect(check({ ELECTRON_OVERRIDE_DIST_PATH: dist }).out).toContain('ELECTRON_OVERRIDE_DIST_PATH 指向的文件夹里没有 Electron 程序')
    writeFileSync(join(dist, exe), '#!/bin/sh\n')
    chmodSync(join(dist, exe), 0o755)
    expect(check({ ELECTRON_OVERRIDE_DIST_PATH: dist }).status).toBe(0)
  })
})
