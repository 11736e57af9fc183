import Database from 'better-sqlite3'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../../..')
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string>; scripts: Record<string, string> }

describe('工具链：脚本在 Node 24 上运行，SQLite 组件不需要重新编译', () => {
  it('npm 脚本用的是开发依赖 node 带来的 Node 24（与 Electron 45 内置的 Node 同一大版本）', () => {
    const pinned = pkg.devDependencies.node
    expect(pinned).toMatch(/^24\.\d+\.\d+$/)
    expect(process.versions.node).toBe(pinned)
  })

  it('better-sqlite3 加载的是随包附带的 Node-API 预编译文件，本机没有编译过', () => {
    const dir = dirname(createRequire(__filename).resolve('better-sqlite3/package.json'))
    expect(existsSync(join(dir, 'build'))).toBe(false)
    expect(existsSync(join(dir, 'prebuilds', `${process.platform}-${process.arch}.node`))).toBe(true)
    const db = new Database(':memory:')
    expect(db.prepare('select sqlite_version() as v').get()).toMatchObject({ v: expect.stringMatching(/^3\.\d+/) })
    db.close()
  })

  it('没有任何重新编译原生模块的步骤', () => {
    const scripts = Object.values(pkg.scripts).join('\n')
    expect(scripts).not.toMatch(/install-app-deps|electron-rebuild|npm rebuild|node-gyp|ensure-abi/)
  })
})
