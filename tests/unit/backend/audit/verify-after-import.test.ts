import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Backend } from '../../../../electron/backend/boot/dispatch'
import { openBackend } from '../../../../electron/backend/boot/open'
import { b64, workbook, type Aoa } from '../../../fixtures/workbooks'
import { ok } from '../../helpers'

async function finished(backend: Backend, id: string) {
  for (;;) {
    const s = await ok(backend, 'jobs.status', { id })
    if (s.state !== 'running') return s
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('后台导入会议台账之后检查数据库', () => {
  it('主窗口的连接不会把刚导入的会议全文索引误报为损坏（fts5 checksum mismatch）', async () => {
    const backend = openBackend(join(mkdtempSync(join(tmpdir(), 'dangban-fts-')), 'dangban.db'), 'cli')
    const committee = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: committee.id })
    // the clerk checked the database earlier: this connection has read the meeting search index since it opened
    expect((await ok(backend, 'backup.verify', {})).integrity).toBe('ok')

    const rows: Aoa = [['党组织', '会议类型', '日期', '主题']]
    for (let i = 0; i < 120; i++) rows.push(['内科党支部', '支部委员会', `2025-0${1 + (i % 9)}-${10 + (i % 18)}`, `学习贯彻会议第${i}次`])
    const { id } = await ok(backend, 'jobs.start', { method: 'imports.commit', input: { kind: 'meetings', fileName: '台账.xlsx', contentBase64: b64(workbook(rows)) } })
    expect((await finished(backend, id)).result).toMatchObject({ ok: true, data: { inserted: 120 } })

    expect((await ok(backend, 'backup.verify', {})).integrity).toBe('ok')
    backend.context.db.close()
  }, 60_000)
})
