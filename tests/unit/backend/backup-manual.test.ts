import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { backupNow } from '../../../electron/backend/backup/service'
import { openBackend } from '../../../electron/backend/boot/open'
import type { BackupInfo } from '../../../electron/shared/contract/backup'
import { fails, ok } from '../helpers'

describe('手动备份不参与自动轮换', () => {
  it('导入前手动做的备份，在此后一周的自动备份轮换中保留；自动备份不能手工删除，手动备份删除后留痕', async () => {
    let clock = new Date('2025-06-01T09:00:00+08:00')
    const backend = openBackend(join(mkdtempSync(join(tmpdir(), 'dangban-manual-')), 'dangban.db'), 'cli', { now: () => clock })
    try {
      await ok(backend, 'settings.save', { values: { 'backup.keepDaily': 1, 'backup.keepWeekly': 0, 'backup.keepMonthly': 0 } })
      const manual = await ok(backend, 'backup.create', { reason: '手动备份' })
      expect(manual.manual).toBe(true)
      // a start-up backup each day for a week: the rotation keeps one of them, and the manual one
      const ctx = { ...backend.context, method: 'backup.auto', user: '系统（自动备份）' }
      for (let day = 2; day <= 8; day++) {
        clock = new Date(`2025-06-0${day}T09:00:00+08:00`)
        await backupNow(ctx, null, '启动时自动备份')
      }
      const list = await ok(backend, 'backup.list', {})
      expect(list.map((b: BackupInfo) => [b.reason, b.createdAt.slice(0, 10)])).toEqual([
        ['启动时自动备份', '2025-06-08'],
        ['手动备份', '2025-06-01'],
      ])
      const auto = list[0]!
      expect((await fails(backend, 'backup.delete', { file: auto.file })).message).toContain('只能删除手动备份')
      const after = await ok(backend, 'backup.delete', { file: manual.file })
      expect(after.map((b: BackupInfo) => b.reason)).toEqual(['启动时自动备份'])
      const audit = (await ok(backend, 'audit.list', { entity: 'backup' })) as { method: string }[]
      expect(audit.map((a) => a.method)).toContain('backup.delete')
    } finally {
      backend.context.db.close()
    }
  })
})
