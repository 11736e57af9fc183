import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

/**
 * The Linux SQLite binaries the installers ship (resources/native/linux-<arch>.node, built by
 * scripts/build-sqlite-compat.mjs and committed), checked apart from the script's own checks: they must load on
 * UOS 20 / 1070 and Kylin V10 (glibc 2.28, GCC 8's libstdc++).
 */
const ROOT = resolve(__dirname, '../..')
const OUT = join(ROOT, 'resources/native')

function readelf(args: string[], file: string): string {
  const r = spawnSync('readelf', ['-W', ...args, file], { encoding: 'utf8', maxBuffer: 64 << 20 })
  if (r.status !== 0) throw new Error(`readelf ${args.join(' ')} ${file}: ${r.stderr}`)
  return r.stdout
}

function elf(file: string) {
  const symbols = readelf(['--dyn-syms'], file)
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => /^\d+:$/.test(f[0] ?? '') && f.length >= 8)
    .map((f) => ({ bind: f[4]!, defined: f[6] !== 'UND', name: f[7]! }))
  const versions = [...readelf(['-V'], file).matchAll(/Name: (\S+)\s+Flags/g)].map((m) => m[1]!)
  return {
    machine: /Machine:\s+(.*)/.exec(readelf(['-h'], file))?.[1],
    needed: [...readelf(['-d'], file).matchAll(/\(NEEDED\)\s+Shared library: \[(.+?)\]/g)].map((m) => m[1]!).sort(),
    flags: /\(FLAGS\)\s+(.*)/.exec(readelf(['-d'], file))?.[1] ?? '',
    versions,
    glibc: versions.filter((v) => v.startsWith('GLIBC_2.')).map((v) => v.slice('GLIBC_'.length).split('.').map(Number)),
    exported: symbols.filter((s) => s.defined && s.bind !== 'LOCAL').map((s) => s.name).sort(),
    imported: symbols.filter((s) => !s.defined).map((s) => s.name),
  }
}

const ARCHS = [
  { arch: 'x64', machine: 'X86-64', loader: 'ld-linux-x86-64.so.2' },
  { arch: 'arm64', machine: 'AArch64', loader: 'ld-linux-aarch64.so.1' },
] as const

describe('Linux 版 SQLite 组件：glibc 2.28 起可用（统信 UOS、银河麒麟）', () => {
  it('提交的文件完好，由当前安装的 better-sqlite3 构建（升级后忘了重建会在这里失败）', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-sqlite-compat.mjs'), '--verify'], { cwd: ROOT, encoding: 'utf8' })
    expect(`${r.stdout}${r.stderr}`).toContain('最高需要 glibc 2.28')
    expect(r.status).toBe(0)
  })

  for (const { arch, machine, loader } of ARCHS) {
    it(`linux-${arch}.node：最高 GLIBC_2.28，不依赖 libstdc++，只引用 glibc 与 Node-API`, () => {
      const e = elf(join(OUT, `linux-${arch}.node`))
      expect(e.machine).toContain(machine)
      // glibc 2.28's own libraries only (libdl and libpthread were separate files until 2.34); no libstdc++.so.6
      expect(e.needed).toContain('libc.so.6')
      expect(e.needed.filter((n) => ![loader, 'libc.so.6', 'libdl.so.2', 'libm.so.6', 'libpthread.so.0'].includes(n))).toEqual([])
      expect(e.glibc.length).toBeGreaterThan(0)
      for (const [major, minor] of e.glibc) expect(major! * 1000 + minor!).toBeLessThanOrEqual(2028)
      expect(e.versions.filter((v) => /^(GLIBCXX|CXXABI)_|GLIBC_PRIVATE/.test(v))).toEqual([])
      expect(e.flags).not.toContain('STATIC_TLS')
      // the two Node-API entry points and nothing else (SQLite and libc++ stay inside)
      expect(e.exported).toEqual(['napi_register_module_v1', 'node_api_module_get_api_version_v1'])
      const unexpected = e.imported.filter((n) => !/@GLIBC_2\.[\d.]+( \(\d+\))?$/.test(n) && !/^(napi|node_api)_/.test(n) && n !== '__gmon_start__')
      expect(unexpected).toEqual([])
      // stat() goes to glibc's own __xstat family (sqlite-compat-stat.c), so glibc sets its errno
      expect(e.imported.some((n) => n.startsWith('__lxstat@GLIBC_'))).toBe(true)
    })
  }

  describe.runIf(process.platform === 'linux' && process.arch === 'x64')('在 Node 中加载（nativeBinding）', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dangban-native-'))
    afterAll(() => rmSync(dir, { recursive: true, force: true }))

    it('打开新的数据库文件（中文路径）、WAL、事务提交与回滚、FTS5 中文检索', () => {
      const db = new Database(join(dir, '党办通.db'), { nativeBinding: join(OUT, 'linux-x64.node') })
      try {
        expect(db.pragma('journal_mode = WAL', { simple: true })).toBe('wal')
        db.exec("create table m(id integer primary key, name text not null); create virtual table f using fts5(body, tokenize='trigram')")
        const add = db.prepare('insert into m(name) values (?)')
        db.transaction((names: string[]) => names.forEach((n) => add.run(n)))(['张三', '李四'])
        expect(() =>
          db.transaction(() => {
            add.run('王五')
            add.run(null)
          })(),
        ).toThrow(/NOT NULL/)
        expect(db.prepare('select group_concat(name) n from m').get()).toEqual({ n: '张三,李四' })
        db.prepare('insert into f(body) values (?)').run('中国共产党党员发展工作细则')
        expect(db.prepare("select count(*) c from f where f match '党员发展'").get()).toEqual({ c: 1 })
        expect(db.prepare("select json_extract('{\"a\":[1,2]}', '$.a[1]') v").get()).toEqual({ v: 2 })
      } finally {
        db.close()
      }
    })

    it('要求已存在的文件不存在时报 SQLite 的错误（SQLITE_CANTOPEN），不崩溃', () => {
      expect(() => new Database(join(dir, '没有.db'), { fileMustExist: true, nativeBinding: join(OUT, 'linux-x64.node') })).toThrow(
        expect.objectContaining({ code: 'SQLITE_CANTOPEN' }),
      )
    })
  })
})
