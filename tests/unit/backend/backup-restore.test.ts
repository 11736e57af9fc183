import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { automaticBackup, startBackend, type AppBackend } from '../../../electron/backend/boot/startup'
import type { Backend } from '../../../electron/backend/boot/dispatch'
import { fails, ok } from '../helpers'

const ADMIN = { username: 'admin', password: 'a-long-password' }

/** A backend on a real file, as the window sees it (transport 'web'), with an administrator and a leader. */
async function office(now = '2025-06-15T10:00:00+08:00'): Promise<{ backend: AppBackend; db: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'dangban-restore-'))
  const db = join(dir, 'dangban.db')
  const backend = startBackend(db, 'web', { now: () => new Date(now) })
  await ok(backend, 'auth.setup', { username: ADMIN.username, displayName: '党办王主任', password: ADMIN.password })
  await ok(backend, 'users.create', { username: 'leader', displayName: '李书记', role: 'leader', password: 'leader-pass-1' })
  await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  return { backend, db, dir }
}

const orgNames = async (b: Backend) => (await ok(b, 'orgs.list', {})).map((o) => o.name).sort()

describe('自动备份', () => {
  it('启动时没有人登录也会自动备份（已设置账号时），一天之内不重复备份', async () => {
    const { backend, dir } = await office()
    await ok(backend, 'auth.logout', {})
    const first = await automaticBackup(backend, '启动时自动备份', 'due', new Date('2025-06-15T10:00:00+08:00'))
    expect(first.error).toBeNull()
    expect(first.made?.file).toContain(join(dir, 'backups'))
    expect(first.made?.counts).toMatchObject({ organizations: 1, users: 2 })
    // two hours later nothing is due; a day and a bit later it is
    expect((await automaticBackup(backend, '启动时自动备份', 'due', new Date('2025-06-15T12:00:00+08:00'))).made).toBeNull()
    expect((await automaticBackup(backend, '启动时自动备份', 'due', new Date('2025-06-16T11:00:00+08:00'))).made).not.toBeNull()
    const log = backend.context.db.prepare("SELECT user FROM audit_log WHERE entity = 'backup'").pluck().all()
    expect(log).toEqual(['系统（自动备份）', '系统（自动备份）'])
  })

  it('设置了另存文件夹时同时备份到那里；该文件夹不可用（U盘未插）时主备份照常完成并说明原因', async () => {
    const { backend, dir } = await office()
    const usb = join(dir, 'usb')
    await ok(backend, 'settings.update', { key: 'backup.extraDir', value: usb })
    const made = await ok(backend, 'backup.create', {})
    expect(made.copies).toEqual([{ dir: usb, file: expect.stringContaining(usb), error: null }])
    expect(existsSync(made.copies[0]!.file!)).toBe(true)
    expect((await ok(backend, 'backup.list', {})).length).toBe(2)
    // the drive letter now points at a file, not a folder
    writeFileSync(join(dir, 'not-a-folder'), 'x')
    await ok(backend, 'settings.update', { key: 'backup.extraDir', value: join(dir, 'not-a-folder') })
    const again = await ok(backend, 'backup.create', {})
    expect(existsSync(again.file)).toBe(true)
    expect(again.copies[0]!.error).toContain('未能备份到')
  })

  it('附件随备份一起保存，恢复时补回数据目录中缺少的附件', async () => {
    const { backend, dir } = await office()
    // attachments are named by the SHA-256 of their content
    const photo = createHash('sha256').update('photo bytes').digest('hex')
    mkdirSync(join(dir, 'attachments'))
    writeFileSync(join(dir, 'attachments', photo), 'photo bytes')
    const made = await ok(backend, 'backup.create', {})
    expect(readFileSync(join(dir, 'backups', 'attachments', photo), 'utf8')).toBe('photo bytes')
    const { rmSync } = await import('node:fs')
    rmSync(join(dir, 'attachments'), { recursive: true })
    await ok(backend, 'backup.restore', { file: made.file })
    expect(readFileSync(join(dir, 'attachments', photo), 'utf8')).toBe('photo bytes')
  })

  it('考评的佐证材料也算作备份需要的附件：少了文件时备份的检查结果会说出来', async () => {
    const { backend, dir } = await office()
    const scheme = (await ok(backend, 'assessments.schemes', {}))[0]!
    const branch = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: 1 })
    const round = await ok(backend, 'assessments.createRound', { schemeId: scheme.id, name: '2025年度评定', period: '2025', periodFrom: '2025-01-01', periodTo: '2025-12-31', organizationIds: [branch.id], stages: ['支部自评'], rating: { bands: [{ min: 90, stars: 5 }] } })
    await ok(backend, 'assessments.attach', { roundId: round.id, organizationId: branch.id, key: 'setup', fileName: '换届批复.pdf', contentBase64: Buffer.from('%PDF 批复').toString('base64') })
    const made = await ok(backend, 'backup.create', {})
    expect(made.attachments).toEqual({ needed: 1, missing: 0 })
    // 检测恢复 looks for them beside the backup (it restores into a scratch folder)
    expect((await ok(backend, 'backup.testRestore', { file: made.file })).steps.find((s) => s.label === '附件齐全')).toMatchObject({ ok: true })
    const { rmSync } = await import('node:fs')
    rmSync(join(dir, 'backups', 'attachments'), { recursive: true })
    expect((await ok(backend, 'backup.inspect', { file: made.file })).attachments).toEqual({ needed: 1, missing: 1 })
  })

  it('督办事项进展反馈的附件也算作备份需要的附件（docs/deadlines.md §6）', async () => {
    const { backend } = await office()
    const org = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: 1, departments: ['心内科'] })
    const item = await ok(backend, 'supervision.create', { source: 'manual', title: '整改', organizationId: org.id, leadDepartment: '心内科', assignedOn: '2025-01-02', dueOn: '2025-03-01' })
    await ok(backend, 'supervision.act', { action: 'feedback', id: item.id, on: '2025-01-03', note: '已整改', files: [{ fileName: '整改报告.pdf', contentBase64: Buffer.from('%PDF 整改').toString('base64') }] })
    expect((await ok(backend, 'backup.create', {})).attachments).toEqual({ needed: 1, missing: 0 })
  })
})

describe('在程序中查看、试恢复和恢复备份', () => {
  it('管理员恢复备份：当前数据库先另存，恢复后所有人重新登录，恢复记入审计并立即再备份一次', async () => {
    const { backend, db } = await office()
    const made = await ok(backend, 'backup.create', {})
    await ok(backend, 'orgs.create', { name: '备份之后新建的党支部', type: 'branch', parentId: 1 })
    const seen = await ok(backend, 'backup.inspect', { file: made.file })
    expect(seen).toMatchObject({ ok: true, counts: { organizations: 1 }, schemaVersion: expect.any(Number) })

    const r = await ok(backend, 'backup.restore', { file: made.file })
    expect(r.savedAs).toMatch(/dangban\.db\.before-restore-/)
    // the replaced database is kept, with the branch created after the backup
    const aside = new Database(r.savedAs!, { readonly: true })
    expect(aside.prepare('SELECT count(*) FROM organizations').pluck().get()).toBe(2)
    aside.close()
    expect((await fails(backend, 'orgs.list', {})).message).toBe('请先登录')
    await ok(backend, 'auth.login', ADMIN)
    expect(await orgNames(backend)).toEqual(['中共示范医院委员会'])
    const last = (await ok(backend, 'audit.search', { entity: 'backup' })).rows
    expect(last.map((e) => (e.after as { reason?: string; restoredFrom?: string }).reason ?? 'restore')).toEqual(['恢复后自动备份', 'restore'])
    expect(last[1]!.user).toBe('党办王主任（admin）')
    expect(r.backupAfter && existsSync(r.backupAfter)).toBe(true)
    expect(existsSync(db)).toBe(true)
  })

  it('只读领导不能恢复、不能把备份存到别的文件夹；窗口不能用备份文件夹以外的文件恢复', async () => {
    const { backend, dir } = await office()
    const made = await ok(backend, 'backup.create', {})
    await ok(backend, 'auth.logout', {})
    await ok(backend, 'auth.login', { username: 'leader', password: 'leader-pass-1' })
    expect((await fails(backend, 'backup.restore', { file: made.file })).code).toBe('FORBIDDEN')
    expect((await fails(backend, 'backup.create', { dir: join(dir, 'elsewhere') })).message).toContain('只有管理员')
    // a leader may still make an ordinary backup: it changes no data
    expect((await ok(backend, 'backup.create', {})).ok).toBe(true)
    await ok(backend, 'auth.logout', {})
    await ok(backend, 'auth.login', ADMIN)
    const foreign = join(dir, 'foreign.db')
    new Database(foreign).close()
    expect((await fails(backend, 'backup.restore', { file: foreign })).code).toBe('NOT_FOUND')
  })

  it('试恢复在临时文件中完成并逐项核对；被改动过的备份文件试恢复不通过', async () => {
    const { backend } = await office()
    const made = await ok(backend, 'backup.create', {})
    const good = await ok(backend, 'backup.testRestore', { file: made.file })
    expect(good.ok).toBe(true)
    expect(good.steps.map((s) => s.label)).toEqual(['文件与备份时一致', '完整性检查', '本程序可以打开', '审计日志哈希链', '记录数与备份时相同', '附件齐全'])
    // someone edits the backup file behind the app's back
    const raw = new Database(made.file)
    raw.prepare("UPDATE organizations SET name = '改过的名字'").run()
    raw.close()
    const bad = await ok(backend, 'backup.testRestore', { file: made.file })
    expect(bad.ok).toBe(false)
    expect(bad.steps.find((s) => !s.ok)?.detail).toContain('文件内容与备份时不同')
  })

  it('校验能发现审计日志末尾被删掉的记录（对照最近一次备份）', async () => {
    const { backend, db } = await office()
    await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: 1 })
    await ok(backend, 'backup.create', {})
    expect((await ok(backend, 'backup.verify', {})).sinceBackup?.ok).toBe(true)
    // cut the newest entries off the end: the chain itself still links up
    const raw = new Database(db)
    raw.prepare('DELETE FROM audit_log WHERE id >= (SELECT max(id) - 1 FROM audit_log)').run()
    raw.close()
    const v = await ok(backend, 'backup.verify', {})
    expect(v.auditChain.ok).toBe(true)
    expect(v.sinceBackup).toMatchObject({ ok: false, message: expect.stringContaining('不存在') })
  })
})

describe('启动时数据库损坏', () => {
  it('不崩溃：说明损坏并列出可用的备份；恢复前其他操作一律不可用；从备份恢复后正常使用', async () => {
    const { backend, db, dir } = await office()
    await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: 1 })
    const made = await ok(backend, 'backup.create', {})
    backend.close()
    const bytes = readFileSync(db)
    bytes.fill(0x5a, 4096, Math.min(bytes.length, 4096 * 8))
    writeFileSync(db, bytes)

    const started = startBackend(db, 'web')
    expect(started.damaged).toBe(true)
    const status = await ok(started, 'recovery.status', {})
    if (!status.damaged) throw new Error('应当处于恢复模式')
    expect(status.message).toContain('数据库文件已损坏')
    expect(status.backups.map((b) => [b.file, b.ok])).toEqual([[made.file, true]])
    expect((await fails(started, 'auth.status', {})).code).toBe('DAMAGED')
    expect((await fails(started, 'recovery.restore', { file: join(dir, 'other.db') })).code).toBe('NOT_FOUND')

    const r = await ok(started, 'recovery.restore', { file: made.file })
    expect(started.damaged).toBe(false)
    expect(readFileSync(r.savedAs!).subarray(4096, 4100).toString()).toBe('ZZZZ')
    expect(await ok(started, 'recovery.status', {})).toEqual({ damaged: false })
    await ok(started, 'auth.login', ADMIN)
    expect(await orgNames(started)).toEqual(['中共示范医院委员会', '内科党支部'].sort())
    const byRecovery = (await ok(started, 'audit.search', { entity: 'backup', user: '启动时恢复' })).rows
    expect(byRecovery.map((e) => (e.after as { restoredFrom?: string }).restoredFrom).filter(Boolean)).toEqual([made.file])
    expect((await ok(started, 'backup.verify', {})).auditChain.ok).toBe(true)
    started.close()
  })

  it('没有任何备份时照样启动并如实说明，不会反复崩溃', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dangban-nobackup-'))
    const db = join(dir, 'dangban.db')
    writeFileSync(db, 'this is not a database file at all, but a clerk copied it here')
    const started = startBackend(db, 'web')
    const status = await ok(started, 'recovery.status', {})
    expect(status).toMatchObject({ damaged: true, backups: [] })
  })
})
