import { describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/backend/context'
import { fails, ok } from '../helpers'
import { b64, hospital, site, snapshot, trust } from './sites'

/**
 * A hospital's 督办台账 of 2025 (docs/deadlines.md §6): two 上级交办 items of 总务科 (one 办结 on time, one late),
 * a 三重一大 item of 党委办公室 left open past its 时限, and a 领导交办 item that is neither (not reported).
 */
/** 申请办结 then 办结（销号） on the same day (docs/deadlines.md §6) */
async function finish(h: Backend, id: number, on: string, result: string): Promise<void> {
  await ok(h, 'supervision.act', { action: 'request', id, on, result })
  await ok(h, 'supervision.act', { action: 'complete', id, on, result })
}

async function ledger(h: Backend): Promise<void> {
  const c = await ok(h, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null, departments: ['党委办公室', '总务科'] })
  const create = (i: Record<string, unknown>) => ok(h, 'supervision.create', { organizationId: c.id, ...i } as never)
  const onTime = await create({ source: 'document', documentNo: '卫党发〔2025〕3号', title: '落实巡察反馈问题整改', leadDepartment: '总务科', assignedOn: '2025-03-01', dueOn: '2025-06-30' })
  await finish(h, onTime.id, '2025-06-20', '已整改到位')
  const late = await create({ source: 'document', documentNo: '卫党发〔2025〕9号', title: '开展医德医风专项检查', leadDepartment: '总务科', assignedOn: '2025-05-01', dueOn: '2025-06-01' })
  await finish(h, late.id, '2025-07-10', '检查完成并通报')
  await create({ source: 'manual', instructedBy: '王书记', major: true, title: '门诊楼改造项目招标', leadDepartment: '党委办公室', assignedOn: '2025-04-01', dueOn: '2025-05-31' })
  await create({ source: 'manual', instructedBy: '王书记', title: '整理年度工作档案', leadDepartment: '党委办公室', assignedOn: '2025-04-01', dueOn: '2025-05-31' })
}

async function pair() {
  const h = await hospital()
  await ledger(h)
  const bureau = await site('市卫健委党委', 'B-100')
  await trust(h, bureau)
  await trust(bureau, h)
  return { h, bureau }
}

const received = (b: Backend) => JSON.parse(b.context.db.prepare("SELECT data_json FROM exchange_packages WHERE direction = 'received' AND superseded_by IS NULL").pluck().get() as string)['supervision.json']

describe('上报与交换：督办情况', () => {
  it('三重一大和上级交办的事项连同各牵头部门的办结率、按时办结率到达上级；上报情况由未报变为已报，回执关闭发出的数据包', async () => {
    const { h, bureau } = await pair()
    expect((await ok(bureau, 'exchange.reportStatus', { year: 2025 }))[0]!.supervision.statusText).toBe('未报')
    const out = await ok(h, 'exchange.export', { kind: 'supervision-report', year: 2025, to: 'B-100' })
    expect(out.counts).toEqual({ items: 3, completed: 2, overdue: 1, major: 1 })
    const got = await ok(bureau, 'exchange.import', { contentBase64: out.contentBase64 })
    expect(got).toMatchObject({ kindLabel: '督办情况', period: '2025年度', applied: true })

    const data = received(bureau)
    expect(data.asOf).toBe('2025-12-31')
    expect(data.items.map((i: { title: string }) => i.title).sort()).toEqual(['开展医德医风专项检查', '落实巡察反馈问题整改', '门诊楼改造项目招标'])
    expect(data.items.find((i: { title: string }) => i.title === '门诊楼改造项目招标')).toMatchObject({ source: 'manual', major: true, leadDepartment: '党委办公室', dueOn: '2025-05-31', completed: false, completedOn: null, overdue: true })
    expect(data.items.find((i: { title: string }) => i.title === '开展医德医风专项检查')).toMatchObject({ sourceLabel: '上级交办', completed: true, completedOn: '2025-07-10', overdue: false })
    // docs/deadlines.md §8, over the reported items only: 总务科 2 of 2 办结, 1 of 2 on time; 党委办公室 none, 1 逾期
    expect(data.departments).toEqual([
      { department: '总务科', items: 2, completed: 2, onTime: 1, due: 2, overdue: 0, completionRate: 1, onTimeRate: 0.5 },
      { department: '党委办公室', items: 1, completed: 0, onTime: 0, due: 1, overdue: 1, completionRate: 0, onTimeRate: 0 },
    ])
    expect(data.total).toMatchObject({ items: 3, completed: 2, onTime: 1, overdue: 1 })
    // 责任人 and the history stay at the hospital
    expect(JSON.stringify(data)).not.toContain('已整改到位')

    const status = (await ok(bureau, 'exchange.reportStatus', { year: 2025 }))[0]!
    expect(status.supervision).toMatchObject({ status: 'reported', statusText: '已报' })
    expect((await ok(bureau, 'exchange.reportStatus', { year: 2024 }))[0]!.supervision.statusText).toBe('未报')
    expect(await ok(bureau, 'exchange.receivedSupervision', { year: 2025 })).toEqual([
      expect.objectContaining({ unitName: '示范医院党委', asOf: '2025-12-31', major: 1, assigned: 2, overdue: ['门诊楼改造项目招标'], total: expect.objectContaining({ items: 3, completed: 2, onTimeRate: 1 / 3 }) }),
    ])
    expect(await ok(bureau, 'exchange.receivedSupervision', { year: 2024 })).toEqual([])
    await ok(h, 'exchange.import', { contentBase64: got.receipt!.contentBase64 })
    expect((await ok(h, 'exchange.packages', { direction: 'sent' })).find((p) => p.packageId === out.packageId)).toMatchObject({ status: 'receipted' })
    expect(snapshot(bureau).chain.ok).toBe(true)
  })

  it('同一数据包再导入不改动也不再写回执；较新的取代较旧的并列出改变；较旧的在较新之后被拒绝；改动一个字节被拒绝，数据库不变', async () => {
    const { h, bureau } = await pair()
    const older = await ok(h, 'exchange.export', { kind: 'supervision-report', year: 2025, to: 'B-100' })
    const open = (await ok(h, 'supervision.list', {})).find((r) => r.title === '门诊楼改造项目招标')!
    await finish(h, open.id, '2025-12-20', '已完成招标')
    const newer = await ok(h, 'exchange.export', { kind: 'supervision-report', year: 2025, to: 'B-100' })

    const tampered = Buffer.from(older.contentBase64, 'base64')
    const at = tampered.indexOf(Buffer.from('门诊楼'))
    tampered[at + 1] = tampered[at + 1]! ^ 0x01
    const before = snapshot(bureau)
    expect((await fails(bureau, 'exchange.import', { contentBase64: b64(tampered) })).message).toContain('已损坏或被改动')
    expect(snapshot(bureau)).toEqual(before)

    await ok(bureau, 'exchange.import', { contentBase64: older.contentBase64 })
    const once = snapshot(bureau)
    expect(await ok(bureau, 'exchange.import', { contentBase64: older.contentBase64 })).toMatchObject({ applied: false, receipt: null })
    expect(snapshot(bureau)).toEqual(once)

    const r = await ok(bureau, 'exchange.import', { contentBase64: newer.contentBase64 })
    expect(r.changes).toContainEqual({ path: 'supervision.json.total.completed', before: 2, after: 3 })
    // items and departments are compared by who they are, not by their place in the list
    const ref = (received(bureau).items as { ref: string; title: string }[]).find((i) => i.title === '门诊楼改造项目招标')!.ref
    expect(r.changes).toContainEqual({ path: `supervision.json.items[${ref}].completedOn`, before: null, after: '2025-12-20' })
    expect(r.changes).toContainEqual({ path: 'supervision.json.departments[党委办公室].completed', before: 0, after: 1 })
    expect(r.changes.filter((c) => c.path.includes('[总务科]'))).toEqual([])
    expect(received(bureau).total.overdue).toBe(0)

    // another 局党办 that got the newer one first: the older one changes nothing
    const b2 = await site('市卫健委党委', 'B-100')
    await trust(b2, h)
    await ok(b2, 'exchange.import', { contentBase64: newer.contentBase64 })
    const held = snapshot(b2)
    expect((await fails(b2, 'exchange.import', { contentBase64: older.contentBase64 })).message).toContain('较旧的数据包不会覆盖它')
    expect(snapshot(b2)).toEqual(held)
  })

  it('还没有到的年度不能上报；本年度按今天的情况上报', async () => {
    const { h } = await pair()
    expect((await fails(h, 'exchange.export', { kind: 'supervision-report', year: 2027, to: 'B-100' })).message).toContain('2027年还没有到')
    expect((await fails(h, 'exchange.export', { kind: 'supervision-report', year: null, to: 'B-100' })).message).toContain('请指定年度')
    const out = await ok(h, 'exchange.export', { kind: 'supervision-report', year: 2026, to: 'B-100' })
    // the 三重一大 item still open on 2026-01-01 is carried over; what was 办结 in 2025 is not
    expect(out.counts).toEqual({ items: 1, completed: 0, overdue: 1, major: 1 })
  })
})
