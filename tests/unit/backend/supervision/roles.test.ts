import { describe, expect, it } from 'vitest'
import { SECRETARY_REFUSED } from '../../../../electron/backend/branch-scope'
import { fails, ok, testBackend } from '../../helpers'

// roles as for every other method (backend/access.ts, backend/branch-scope.ts), through the window's transport
async function signedIn(role: 'leader' | 'secretary') {
  const backend = testBackend('2025-06-15T10:00:00+08:00', '系统', 'web')
  await ok(backend, 'auth.setup', { username: 'admin', displayName: '党办王主任', password: 'a-long-password' })
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null, departments: ['总务科'] })
  const medicine = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01', departments: ['心内科'] })
  const item = (organizationId: number, leadDepartment: string) => ({ source: 'manual' as const, title: '整改事项', organizationId, leadDepartment, assignedOn: '2025-06-01', dueOn: '2025-07-01' })
  const ours = await ok(backend, 'supervision.create', item(medicine.id, '心内科'))
  const theirs = await ok(backend, 'supervision.create', { ...item(c.id, '总务科'), milestones: [{ title: '制定方案', dueOn: '2025-06-20' }] })
  const fed = await ok(backend, 'supervision.act', { action: 'feedback', id: theirs.id, on: '2025-06-05', note: '方案初稿', files: [{ fileName: '方案.pdf', contentBase64: Buffer.from('%PDF 方案').toString('base64') }] })
  const file = fed.events.at(-1)!.attachments[0]!.id
  const step = fed.milestones[0]!.id
  // one account per test: each password is an scrypt derivation, seconds on a loaded machine
  if (role === 'leader') await ok(backend, 'users.create', { username: 'someone', displayName: '院领导', role, password: 'someone-pass-1' })
  else await ok(backend, 'users.create', { username: 'someone', displayName: '内科刘书记', role, organizationId: medicine.id, password: 'someone-pass-1' })
  await ok(backend, 'auth.logout', {})
  await ok(backend, 'auth.login', { username: 'someone', password: 'someone-pass-1' })
  return { backend, c, medicine, item, ours, theirs, file, step }
}

describe('督办事项的权限', () => {
  it('只读领导能看台账，不能立项或办理', async () => {
    const { backend, c, item, theirs, file, step } = await signedIn('leader')
    expect(await ok(backend, 'supervision.list', {})).toHaveLength(2)
    expect((await ok(backend, 'supervision.attachment', { id: file })).fileName).toBe('方案.pdf')
    expect((await fails(backend, 'supervision.withdrawAttachment', { id: file, reason: '错传' })).message).toBe('只读账号不能修改数据')
    expect((await fails(backend, 'supervision.milestoneDone', { id: step, on: '2025-06-10', note: '完成' })).message).toBe('只读账号不能修改数据')
    expect((await fails(backend, 'supervision.create', item(c.id, '总务科'))).message).toBe('只读账号不能修改数据')
    expect((await fails(backend, 'supervision.act', { action: 'urge', id: theirs.id, on: '2025-06-10' })).message).toBe('只读账号不能修改数据')
  })

  it('支部书记只看到、只办理本支部的事项', async () => {
    const { backend, c, medicine, item, ours, theirs, file, step } = await signedIn('secretary')
    expect((await ok(backend, 'supervision.list', {})).map((r) => r.id)).toEqual([ours.id])
    // the 党委's item's files and 节点 are not theirs either
    expect((await fails(backend, 'supervision.attachment', { id: file })).message).toContain(SECRETARY_REFUSED)
    expect((await fails(backend, 'supervision.withdrawAttachment', { id: file, reason: '错传' })).message).toContain(SECRETARY_REFUSED)
    expect((await fails(backend, 'supervision.milestoneDone', { id: step, on: '2025-06-10', note: '完成' })).message).toContain(SECRETARY_REFUSED)
    expect((await fails(backend, 'supervision.get', { id: theirs.id })).message).toContain(SECRETARY_REFUSED)
    expect((await fails(backend, 'supervision.create', item(c.id, '总务科'))).message).toContain(SECRETARY_REFUSED)
    await ok(backend, 'supervision.create', item(medicine.id, '心内科'))
    expect((await ok(backend, 'supervision.act', { action: 'feedback', id: ours.id, on: '2025-06-10', note: '已召开支委会部署' })).events).toHaveLength(2)
  })
})
