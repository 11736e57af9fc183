import { describe, expect, it } from 'vitest'
import { cachedStatements, STATEMENT_CACHE_SIZE } from '../../../electron/backend/db/open'
import { ok, testBackend } from '../helpers'

describe('编译过的语句不会无限增多（窗口开一整天也一样）', () => {
  it('按不同支部反复查名册和发展党员进度：语句数不随之增长', async () => {
    const backend = testBackend()
    const committee = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    const branches = []
    for (let i = 0; i < 40; i++) branches.push(await ok(backend, 'orgs.create', { name: `第${i}党支部`, type: 'branch', parentId: committee.id }))
    const db = backend.context.db
    await ok(backend, 'members.list', { organizationId: branches[0]!.id })
    await ok(backend, 'members.pipeline', { organizationId: branches[0]!.id })
    const before = cachedStatements(db)
    for (let round = 0; round < 5; round++) {
      for (const b of [committee, ...branches]) {
        await ok(backend, 'members.list', { organizationId: b.id, includeSub: round % 2 === 0 })
        await ok(backend, 'members.pipeline', { organizationId: b.id })
      }
    }
    expect(cachedStatements(db)).toBe(before)
  })

  it('即使每次的语句文字都不同，缓存也不超过上限（最久未用的先丢）', () => {
    const { db } = testBackend().context
    for (let i = 0; i < 5000; i++) db.prepare(`SELECT ${i} AS n`).get()
    expect(cachedStatements(db)).toBe(STATEMENT_CACHE_SIZE)
    // a statement in use stays: the most recently used are kept
    expect(db.prepare('SELECT 4999 AS n').get()).toEqual({ n: 4999 })
  })
})
