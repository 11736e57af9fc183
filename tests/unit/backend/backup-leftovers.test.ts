import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openBackend } from '../../../electron/backend/boot/open'
import { ok } from '../helpers'

const ROOT = resolve(__dirname, '../../..')

/** Runs the real CLI's `backup` in a child process and SIGKILLs it as soon as it has written its first file. */
function killedBackup(db: string): Promise<'killed midway' | 'finished first'> {
  return new Promise((done) => {
    const dir = join(db, '..', 'backups')
    const before = new Set(readdirSync(dir))
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/backend/boot/cli-main.ts'), 'backup', '--db', db], { cwd: ROOT, stdio: 'ignore' })
    let killed = false
    const watch = setInterval(() => {
      if (!killed && readdirSync(dir).some((n) => !before.has(n))) {
        killed = true
        child.kill('SIGKILL')
      }
    }, 1)
    child.on('exit', (_code, signal) => {
      clearInterval(watch)
      done(signal === 'SIGKILL' ? 'killed midway' : 'finished first')
    })
  })
}

/** Every name in the backup folder that is neither a whole backup with its manifest nor the attachments folder. */
function strays(dir: string): string[] {
  const names = readdirSync(dir)
  return names.filter((n) => n !== 'attachments' && !(n.endsWith('.db') && names.includes(`${n}.json`)) && !(n.endsWith('.db.json') && names.includes(n.slice(0, -5))))
}

describe('备份的收尾', () => {
  it('备份进行到一半被强行结束：留下的东西不列为备份、不像备份；下一次备份把它清掉', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'dangban-killed-')), 'dangban.db')
    const backend = openBackend(db, 'cli')
    await ok(backend, 'demo.seed', { scale: 'small' })
    const first = await ok(backend, 'backup.create', {})
    let outcome: string = 'finished first'
    for (let attempt = 0; attempt < 8 && outcome !== 'killed midway'; attempt++) outcome = await killedBackup(db)
    expect(outcome).toBe('killed midway')
    const dir = join(db, '..', 'backups')
    // what is left is hidden and named as unfinished, never a .db a clerk would take for a backup
    expect(strays(dir).every((n) => n.startsWith('.') && /\.part(-journal|-wal|-shm)?$|\.json$/.test(n))).toBe(true)
    expect((await ok(backend, 'backup.list', {})).every((b) => b.ok && existsSync(b.file))).toBe(true)
    expect((await ok(backend, 'backup.list', {})).map((b) => b.file)).toContain(first.file)

    await ok(backend, 'backup.create', {})
    expect(strays(dir)).toEqual([])
    backend.context.db.close()
  }, 120_000)

  it('同一文件夹里的两个数据库各有各的备份，校验时不拿另一个数据库的备份作对照', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dangban-two-'))
    const a = openBackend(join(dir, 'dangban.db'), 'cli')
    const b = openBackend(join(dir, 'training.db'), 'cli')
    await ok(a, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    const madeA = await ok(a, 'backup.create', {})
    // the training database gets more entries, and a newer backup, in the same folder
    for (const name of ['培训党委', '培训一支部', '培训二支部']) await ok(b, 'orgs.create', { name, type: 'committee', parentId: null })
    const madeB = await ok(b, 'backup.create', {})
    expect(madeB.file).toMatch(/training-\d{8}-\d{6}(-\d+)?\.db$/)
    expect((await ok(a, 'backup.list', {})).map((x) => x.file)).toEqual([madeA.file])
    expect((await ok(b, 'backup.list', {})).map((x) => x.file)).toEqual([madeB.file])
    const v = await ok(a, 'backup.verify', {})
    expect(v.ok).toBe(true)
    expect(v.sinceBackup?.file).toBe(madeA.file)
    a.context.db.close()
    b.context.db.close()
  })
})
