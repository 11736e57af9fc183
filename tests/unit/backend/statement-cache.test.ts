import { describe, expect, it } from 'vitest'
import { cachedStatements, STATEMENT_CACHE_SIZE } from '../../../electron/backend/db/open'
import { rowsOf } from '../../fixtures/workbooks'
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

  it('5,000 次按不同人员、不同支部导出和查列表：语句数不变，导出的正是所选的人', async () => {
    const backend = testBackend()
    const committee = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    const branches: { id: number }[] = []
    for (let i = 0; i < 10; i++) branches.push(await ok(backend, 'orgs.create', { name: `第${i}党支部`, type: 'branch', parentId: committee.id }))
    const memberIds: number[] = []
    for (let i = 0; i < 30; i++) {
      const fields = { name: `党员${i}`, gender: '男' as const, joinedOn: '2000-01-01', convertedOn: '2001-01-01' }
      memberIds.push((await ok(backend, 'members.create', { organizationId: branches[i % 10]!.id, fields })).member.id)
    }
    const roster = (ids: number[], organizationId: number | null) => ok(backend, 'exports.workbook', { source: 'members', columns: ['name'], ids, scope: { organizationId, from: null, to: null } })
    const calls = [
      (i: number) => roster(memberIds.filter((_, k) => (k * 7 + i) % 5 < 2), i % 3 ? branches[i % 10]!.id : null),
      (i: number) => ok(backend, 'exports.workbook', { source: 'meetings', ids: [i + 1, i + 2, 2 * i + 5], scope: { organizationId: branches[i % 10]!.id, from: null, to: null } }),
      (i: number) => ok(backend, 'exports.workbook', { source: 'attendance', ids: memberIds.slice(i % 30), scope: { organizationId: committee.id, from: null, to: null } }),
      (i: number) => ok(backend, 'meetings.list', { organizationId: i % 2 ? committee.id : branches[i % 10]!.id }),
      (i: number) => ok(backend, 'dashboard.branch', { organizationId: branches[i % 10]!.id, year: 2025 }),
    ]
    // a few rounds first, so every statement they use (the roster with and without a branch) is compiled before counting
    for (let i = 0; i < 3 * calls.length; i++) await calls[i % calls.length]!(i)
    const before = cachedStatements(backend.context.db)
    for (let i = 0; i < 5000; i++) await calls[i % calls.length]!(i)
    expect(cachedStatements(backend.context.db)).toBe(before)
    // the chosen people, and only those within the chosen branch, are what the file holds
    const names = (file: { contentBase64: string }) => rowsOf(file.contentBase64).slice(3).map((r) => r[0])
    expect(names(await roster([memberIds[0]!, memberIds[1]!, memberIds[10]!], null))).toEqual(['党员0', '党员10', '党员1'])
    expect(names(await roster([memberIds[0]!, memberIds[1]!, memberIds[10]!], branches[0]!.id))).toEqual(['党员0', '党员10'])
  }, 300_000)
})
