import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openBackend } from '../../../electron/backend/boot/open'
import { defaultUserDataDir } from '../../../electron/backend/paths'
import { ok } from '../helpers'

const mode = (path: string) => statSync(path).mode & 0o777
const saved = process.env.XDG_CONFIG_HOME
const savedKeys = process.env.DANGBAN_KEY_DIR
afterEach(() => {
  process.env.DANGBAN_KEY_DIR = savedKeys
  if (saved === undefined) delete process.env.XDG_CONFIG_HOME
  else process.env.XDG_CONFIG_HOME = saved
})

/** An office's data: one branch, one meeting with a photo, one backup. */
async function useFor(dbPath: string) {
  const backend = openBackend(dbPath, 'cli')
  const committee = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  const m = await ok(backend, 'meetings.create', { organizationId: committee.id, types: ['study_group'], title: '中心组学习', heldOn: '2025-06-10', host: '王', recorder: '李', minutes: '学习', attendance: [] } as never)
  await ok(backend, 'meetings.attach', { meetingId: m.id, fileName: '合影.jpg', contentBase64: Buffer.from('jpeg bytes').toString('base64') } as never)
  const made = await ok(backend, 'backup.create', {})
  return { backend, made }
}

describe.skipIf(process.platform === 'win32')('数据文件只有本人的账号能读', () => {
  it('程序自己的数据目录、数据库和 -wal/-shm、附件、备份和备份说明：同一台电脑上的其他账号都读不到', async () => {
    process.env.XDG_CONFIG_HOME = mkdtempSync(join(tmpdir(), 'dangban-home-'))
    process.env.DANGBAN_KEY_DIR = join(mkdtempSync(join(tmpdir(), 'dangban-profile-')), 'keys')
    const dataDir = defaultUserDataDir()
    // the desktop app and the CLI make the folder with the usual umask before opening the database
    mkdirSync(dataDir, { recursive: true })
    chmodSync(dataDir, 0o755)
    const db = join(dataDir, 'dangban.db')
    const { backend, made } = await useFor(db)
    expect(mode(dataDir)).toBe(0o700)
    for (const f of [db, `${db}-wal`, `${db}-shm`]) expect([f, mode(f)]).toEqual([f, 0o600])
    const attachments = join(dataDir, 'attachments')
    expect(mode(attachments)).toBe(0o700)
    for (const f of readdirSync(attachments)) expect(mode(join(attachments, f))).toBe(0o600)
    const backups = join(dataDir, 'backups')
    expect(mode(backups)).toBe(0o700)
    expect([mode(made.file), mode(`${made.file}.json`)]).toEqual([0o600, 0o600])
    expect(mode(join(backups, 'attachments'))).toBe(0o700)
    for (const f of readdirSync(join(backups, 'attachments'))) expect(mode(join(backups, 'attachments', f))).toBe(0o600)
    // the audit key and this PC's anchors, apart from the data folder
    const keys = process.env.DANGBAN_KEY_DIR!
    expect([mode(keys), mode(join(keys, 'audit.key')), mode(join(keys, 'anchors'))]).toEqual([0o700, 0o600, 0o700])
    for (const f of readdirSync(join(keys, 'anchors'))) expect(mode(join(keys, 'anchors', f))).toBe(0o600)
    backend.context.db.close()
  })

  it('旧版本留下的人人可读的文件：下次打开和备份时收紧；用 --db 指定的文件夹保持管理员设定的权限', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dangban-old-'))
    chmodSync(dir, 0o755)
    const db = join(dir, 'dangban.db')
    const first = await useFor(db)
    first.backend.context.db.close()
    // what older versions left behind
    const photo = join(dir, 'backups', 'attachments', readdirSync(join(dir, 'backups', 'attachments'))[0]!)
    for (const f of [db, photo]) chmodSync(f, 0o644)
    chmodSync(join(dir, 'backups'), 0o755)
    const again = openBackend(db, 'cli')
    expect(mode(db)).toBe(0o600)
    const made = await ok(again, 'backup.create', {})
    expect([mode(join(dir, 'backups')), mode(photo), mode(made.file), mode(`${made.file}.json`)]).toEqual([0o700, 0o600, 0o600, 0o600])
    expect(mode(dir)).toBe(0o755)
    again.context.db.close()
  })
})
