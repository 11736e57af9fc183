import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sha256File } from '../../../electron/backend/backup/backup'

// A city's database is over 2 GiB (README 性能): Node refuses to read a file that large in one piece
// (ERR_FS_FILE_TOO_LARGE), and reading it whole would need as much memory. The backup's, the verify's and the
// restore's checksum all go through sha256File, so it must read in pieces.
const module = resolve(__dirname, '../../../electron/backend/backup/backup.ts')

describe('大于 2 GiB 的数据库文件', () => {
  it('分块读取与一次读取算出同一个 SHA-256（跨块边界）', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dangban-chunks-'))
    const file = join(dir, 'pieces.db')
    const bytes = Buffer.alloc(9 * 1024 ** 2 + 3)
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) & 0xff
    writeFileSync(file, bytes)
    try {
      expect(sha256File(file)).toBe(createHash('sha256').update(bytes).digest('hex'))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('备份、校验与恢复所用的 SHA-256 分块读取：2.1 GiB 的稀疏文件算得出，内存不随文件增长', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dangban-large-'))
    const file = join(dir, 'city.db')
    const size = 2 * 1024 ** 3 + 100 * 1024 ** 2
    const fd = openSync(file, 'w')
    // sparse: no disk used, but every byte is read back (zeros), with a marker at the very end
    ftruncateSync(fd, size - 4)
    writeSync(fd, Buffer.from('城'), 0, 3, size - 4)
    writeSync(fd, Buffer.from([0x0a]), 0, 1, size - 1)
    closeSync(fd)
    try {
      // in a process of its own, so that its peak memory is the checksum's alone
      const script = `import { sha256File } from ${JSON.stringify(module)}; const sum = sha256File(process.argv[1]); console.log(JSON.stringify({ sum, maxRss: process.resourceUsage().maxRSS * 1024 }))`
      const child = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, file], { encoding: 'utf8' })
      const { sum, maxRss } = JSON.parse(child) as { sum: string; maxRss: number }

      expect(sum).toMatch(/^[0-9a-f]{64}$/)
      // the whole file would be 2,150 MB (and Node refuses to read it at once); in 4 MB pieces the process stays small
      expect(maxRss).toBeLessThan(400 * 1024 ** 2)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})
