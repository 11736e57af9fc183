import { extractAll, listPackage } from '@electron/asar'
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IPC } from '../../electron/shared/desktop'
import { b64, workbook } from '../fixtures/workbooks'
import { launchMain, ROOT } from './harness'
import { linuxNeeds, peImports } from './native-binary'

/** The budget for app.asar: the bundled main process and renderer, nothing else (issue: < 25 MB). */
const ASAR_BUDGET = 25 * 1024 * 1024
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const FUSES = ['RunAsNode', 'EnableCookieEncryption', 'EnableNodeOptionsEnvironmentVariable', 'EnableNodeCliInspectArguments', 'EnableEmbeddedAsarIntegrityValidation', 'OnlyLoadAppFromAsar', 'LoadBrowserProcessSpecificV8Snapshot', 'GrantFileProtocolExtraPrivileges']

/**
 * An Electron distribution with nothing real in it: an "executable" carrying the fuse wire (every fuse on, as
 * Electron ships), the locale files and a version. electron-builder packages it exactly as it would the real one.
 */
function fakeElectronDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dangban-fake-electron-'))
  writeFileSync(join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), Buffer.alloc(32), Buffer.from(FUSE_SENTINEL), Buffer.from([1, FUSES.length]), Buffer.from('1'.repeat(FUSES.length)), Buffer.alloc(32)]))
  chmodSync(join(dir, 'electron'), 0o755)
  writeFileSync(join(dir, 'version'), '45.4.1')
  writeFileSync(join(dir, 'LICENSE'), 'MIT')
  mkdirSync(join(dir, 'locales'))
  for (const locale of ['zh-CN', 'en-US', 'de', 'fr', 'ja', 'ko']) writeFileSync(join(dir, 'locales', `${locale}.pak`), locale)
  return dir
}

function fuseWire(executable: string): Record<string, string> {
  const bytes = readFileSync(executable)
  const at = bytes.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length
  return Object.fromEntries(FUSES.map((name, i) => [name, String.fromCharCode(bytes[at + 2 + i]!)]))
}

const packaged: Record<string, string> = {}

beforeAll(() => {
  const dist = fakeElectronDist()
  for (const arch of ['x64', 'arm64']) {
    const out = mkdtempSync(join(tmpdir(), `dangban-package-${arch}-`))
    const r = spawnSync(join(ROOT, 'node_modules/.bin/electron-builder'), ['--linux', 'dir', `--${arch}`, `-c.electronDist=${dist}`, `-c.directories.output=${out}`], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 })
    if (r.status !== 0) throw new Error(`electron-builder 失败：${r.stdout}\n${r.stderr}`)
    packaged[arch] = join(out, arch === 'x64' ? 'linux-unpacked' : 'linux-arm64-unpacked')
  }
}, 240_000)

describe('安装包里有什么（electron-builder --dir，假的 Electron 程序包，不下载任何东西）', () => {
  it('app.asar 只有构建出的主进程、preload、界面和 better-sqlite3 的 JavaScript；没有开发依赖、没有 source map；小于预算', () => {
    const asar = join(packaged.x64!, 'resources/app.asar')
    const files = listPackage(asar, { isPack: false }).map((f) => f.replace(/\\/g, '/').replace(/^\//, ''))
    for (const needed of ['out/main/index.js', 'out/main/backend-host.js', 'out/main/jobs-worker.js', 'out/main/excel-worker.js', 'out/preload/index.js', 'out/renderer/index.html', 'package.json', 'node_modules/better-sqlite3/lib/index.js']) {
      expect(files, needed).toContain(needed)
    }
    const packagesWithFiles = [...new Set(files.filter((x) => x.startsWith('node_modules/') && /\.\w+$/.test(x)).map((x) => x.split('/')[1]))]
    expect(packagesWithFiles).toEqual(['better-sqlite3'])
    const devDependencies = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies)
    for (const dev of devDependencies) expect(files.some((x) => x.startsWith(`node_modules/${dev}/`)), dev).toBe(false)
    expect(files.filter((x) => x.endsWith('.map'))).toEqual([])
    expect(files.filter((x) => /better-sqlite3\/(deps|src)\//.test(x))).toEqual([])
    const size = statSync(asar).size
    console.log(`app.asar：${(size / 1024 / 1024).toFixed(1)} MB（预算 25 MB），${files.length} 个条目`)
    expect(size).toBeLessThan(ASAR_BUDGET)
  })

  it('只有本平台的 SQLite 二进制文件解包在 app.asar 旁边（x64 与 arm64 各自一份）', () => {
    for (const [arch, dir] of Object.entries(packaged)) {
      const unpacked = join(dir, 'resources/app.asar.unpacked')
      const all = (readdirSync(unpacked, { recursive: true }) as string[]).map((f) => f.replace(/\\/g, '/')).filter((f) => statSync(join(unpacked, f)).isFile())
      expect(all, arch).toEqual([`node_modules/better-sqlite3/prebuilds/linux-${arch}.node`])
    }
  })

  it('可执行文件名是 ASCII 的 dangban；熔断开关：不能当 Node 运行、不接受 NODE_OPTIONS 和调试参数、只从 app.asar 加载并校验完整性', () => {
    const executable = join(packaged.x64!, 'dangban')
    expect(existsSync(executable)).toBe(true)
    expect(fuseWire(executable)).toMatchObject({
      RunAsNode: '0',
      EnableCookieEncryption: '1',
      EnableNodeOptionsEnvironmentVariable: '0',
      EnableNodeCliInspectArguments: '0',
      EnableEmbeddedAsarIntegrityValidation: '1',
      OnlyLoadAppFromAsar: '1',
      GrantFileProtocolExtraPrivileges: '0',
    })
    expect(readdirSync(join(packaged.x64!, 'locales')).sort()).toEqual(['en-US.pak', 'zh-CN.pak'])
    expect(existsSync(join(packaged.x64!, 'resources/icons/256x256.png'))).toBe(true)
  })
})

describe('安装包里的程序能运行', () => {
  let app: ReturnType<typeof launchMain>
  afterAll(() => app?.kill())

  it('解开的 app.asar（连同解包的二进制文件）启动主进程：打开数据库、登录、后台导入、导出 Excel 都正常', async () => {
    const extracted = mkdtempSync(join(tmpdir(), 'dangban-extracted-'))
    extractAll(join(packaged.x64!, 'resources/app.asar'), extracted)
    expect(existsSync(join(extracted, 'node_modules/better-sqlite3/prebuilds/linux-x64.node'))).toBe(true)
    app = launchMain({ entry: join(extracted, 'out/main/index.js') })
    await app.waitFor('loadURL')
    const call = (method: string, input: unknown) => app.do<{ ok: boolean; data: { id?: string; state?: string; result?: unknown } }>({ op: 'invoke', channel: IPC.call, args: [method, input] })
    expect((await call('auth.setup', { username: 'admin', displayName: '管理员', password: 'desktop-pass-1' })).ok).toBe(true)
    const rows = [['组织名称', '组织类型', '上级组织'], ['中共示范医院委员会', '党委', null], ['内科党支部', '党支部', '中共示范医院委员会']]
    const job = await call('jobs.start', { method: 'imports.commit', input: { kind: 'organizations', fileName: 'a.xlsx', contentBase64: b64(workbook(rows)) } })
    let status = await call('jobs.status', { id: job.data.id })
    while (status.data.state === 'running') status = await call('jobs.status', { id: (await new Promise((r) => setTimeout(r, 100)), job.data.id) })
    expect(status.data.result).toMatchObject({ ok: true, data: { inserted: 2 } })
    // exceljs and SheetJS are bundled into the main process build, not shipped as node_modules
    const exported = await call('exports.workbook', { source: 'organizations' })
    expect(exported).toMatchObject({ ok: true, data: { rows: 2 } })
  })
})

describe('随包发布的 SQLite 二进制文件', () => {
  it('Linux（x64、arm64）：只依赖 Node-API 与 C 库，不依赖 V8/Node 的 C++ 接口；glibc 最低版本与 README 所写一致', () => {
    const stated = /Linux 最低要求：glibc (\d+\.\d+)/.exec(readFileSync(join(ROOT, 'README.md'), 'utf8'))?.[1]
    expect(stated, 'README 应写明“Linux 最低要求：glibc x.y”').toBeDefined()
    for (const [arch, dir] of Object.entries(packaged)) {
      const shipped = join(dir, `resources/app.asar.unpacked/node_modules/better-sqlite3/prebuilds/linux-${arch}.node`)
      // our glibc 2.28 build (resources/native), not better-sqlite3's own (glibc 2.34, GCC 11's libstdc++)
      expect(readFileSync(shipped).equals(readFileSync(join(ROOT, `resources/native/linux-${arch}.node`))), arch).toBe(true)
      const needs = linuxNeeds(shipped)
      expect(needs.libstdcxx, arch).toEqual([])
      expect(needs.napi.length, arch).toBeGreaterThan(50)
      expect(needs.foreign, arch).toEqual([])
      expect(needs.glibcFloor, arch).toBe(stated)
      console.log(`linux-${arch}.node：glibc ≥ ${needs.glibcFloor}；libstdc++：${needs.libstdcxx.length ? needs.libstdcxx.sort().at(-1) : '不依赖'}；依赖 ${needs.needed.join(', ')}`)
    }
  })

  it('Windows x64：只从系统 DLL 导入，不绑定 node.exe 或 electron.exe（Node-API 函数在运行时从宿主程序取得）', () => {
    const imports = peImports(join(ROOT, 'node_modules/better-sqlite3/prebuilds/win32-x64.node'))
    const dlls = [...imports.keys()]
    expect(dlls.length).toBeGreaterThan(0)
    for (const dll of dlls) expect(dll, dll).toMatch(/^(kernel32|advapi32|msvcrt|ucrtbase|api-ms-win-[\w-]+|vcruntime\d+|ntdll|user32)\.dll/)
    expect(readFileSync(join(ROOT, 'node_modules/better-sqlite3/prebuilds/win32-x64.node')).includes('napi_create_object')).toBe(true)
  })
})
