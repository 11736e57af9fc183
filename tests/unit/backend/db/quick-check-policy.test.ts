import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ALWAYS_CHECK_BYTES, DatabaseCorruptError, needsQuickCheck, openDatabase } from '../../../../electron/backend/db/open'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))
function fileOf(bytes: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'dangban-qc-'))
  dirs.push(dir)
  const file = join(dir, 'dangban.db')
  const fd = openSync(file, 'w')
  ftruncateSync(fd, bytes) // sparse: no disk used
  closeSync(fd)
  return file
}

describe('启动时的 quick_check：医院规模每次都查，城市规模只在上次没有正常关闭时查', () => {
  it('不超过 256 MB 的文件每次打开都检查', () => {
    expect(needsQuickCheck(fileOf(ALWAYS_CHECK_BYTES))).toBe(true)
  })

  it('更大的文件：正常关闭（没有 -wal）时不查，留下 -wal（崩溃、断电）时查', () => {
    const file = fileOf(ALWAYS_CHECK_BYTES + 1)
    expect(needsQuickCheck(file)).toBe(false)
    writeFileSync(`${file}-wal`, '')
    expect(needsQuickCheck(file)).toBe(true)
  })

  it('新建的数据库不需要检查；没检查的大文件若不是数据库，打开时仍按损坏处理（引导恢复）', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dangban-qc-'))
    dirs.push(dir)
    expect(needsQuickCheck(join(dir, 'new.db'))).toBe(false)
    // not SQLite at all: a large file that starts with text
    const big = fileOf(ALWAYS_CHECK_BYTES + 4096)
    const fd = openSync(big, 'r+')
    writeSync(fd, Buffer.alloc(4096, 0x41), 0, 4096, 0)
    closeSync(fd)
    expect(needsQuickCheck(big)).toBe(false)
    expect(() => openDatabase(big)).toThrow(DatabaseCorruptError)
  })
})
