import { describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/backend/context'
import type { Scheme } from '../../../electron/shared/rules/scoring'
import { fails, ok } from '../helpers'
import { rewritten } from './crafted'
import { b64, hospital, site, snapshot, trust } from './sites'

/** The 局党办's own 考评指标体系 for 2026, as it would type it in (docs/exchange.md §5.8). */
const CITY: Scheme = {
  name: '全市公立医院星级党支部考评细则',
  year: 2026,
  dimensions: [
    { name: '组织建设', points: 40, indicators: [{ key: '1.1', name: '按期换届', kind: 'points', max: 20 }, { key: '1.2', name: '三会一课', kind: 'points', max: 20, source: 'meetingCompliance' }] },
    { name: '业务融合', points: 60, indicators: [{ key: '2.1', name: '医疗质量', kind: 'points', max: 60 }] },
  ],
}

async function pair() {
  const h = await hospital()
  const bureau = await site('市卫健委党委', 'B-100')
  await trust(h, bureau)
  await trust(bureau, h)
  const { row } = await ok(bureau, 'assessments.saveScheme', { id: null, scheme: CITY })
  return { h, bureau, schemeId: row.id }
}

const send = async (bureau: Backend, schemeId: number) => ok(bureau, 'exchange.export', { kind: 'assessment-scheme', schemeId, to: 'H-001' })
const fromAbove = async (h: Backend) => (await ok(h, 'assessments.schemes', {})).filter((s) => s.fromUnit !== null)

describe('上报与交换：考评指标体系下发', () => {
  it('上级的指标体系到达医院成为新的一版，标明来自上级，医院自己的同名体系不变，可以用它建考评', async () => {
    const { h, bureau, schemeId } = await pair()
    // the hospital already has a scheme of the same name and year of its own
    const { row: own } = await ok(h, 'assessments.saveScheme', { id: null, scheme: { ...CITY, dimensions: [{ ...CITY.dimensions[0]!, points: 100 }] } })
    const out = await send(bureau, schemeId)
    expect(out.counts).toEqual({ dimensions: 2, indicators: 3 })
    const got = await ok(h, 'exchange.import', { contentBase64: out.contentBase64 })
    expect(got).toMatchObject({ kindLabel: '考评指标体系', from: '市卫健委党委', period: '全市公立医院星级党支部考评细则（2026年第1版）', applied: true })
    const [received] = await fromAbove(h)
    expect(received).toMatchObject({ name: CITY.name, year: 2026, version: 2, fromUnit: '市卫健委党委', scheme: CITY })
    expect((await ok(h, 'assessments.schemes', {})).find((s) => s.id === own.id)).toMatchObject({ version: 1, fromUnit: null, scheme: { dimensions: [{ points: 100 }] } })

    // kept as sent: the hospital adapts it as its own copy
    expect((await fails(h, 'assessments.saveScheme', { id: received!.id, scheme: { ...CITY, name: '改过的' } })).message).toContain('市卫健委党委下发的指标体系保持原样')
    expect((await ok(h, 'assessments.copyScheme', { id: received!.id, year: 2026 })).fromUnit).toBeNull()
    const branch = (await ok(h, 'orgs.list', {})).find((o) => o.name === '内科党支部')!
    const round = await ok(h, 'assessments.createRound', { schemeId: received!.id, name: '2026年度星级党支部评定', period: '2026', periodFrom: '2026-01-01', periodTo: '2026-12-31', organizationIds: [branch.id], stages: ['院党委考评'], rating: {} })
    expect(round.scheme.fromUnit).toBe('市卫健委党委')
    // the 回执 goes back like any other
    await ok(bureau, 'exchange.import', { contentBase64: got.receipt!.contentBase64 })
    expect((await ok(bureau, 'exchange.packages', { direction: 'sent' })).find((p) => p.packageId === out.packageId)).toMatchObject({ status: 'receipted' })
    expect(snapshot(h).chain.ok).toBe(true)
  })

  it('同一数据包再导入不改动；较新的下发成为又一版；较旧的在较新之后被拒绝；改动一个字节被拒绝，数据库不变', async () => {
    const { h, bureau, schemeId } = await pair()
    const older = await send(bureau, schemeId)
    await ok(bureau, 'assessments.saveScheme', { id: schemeId, scheme: { ...CITY, dimensions: [CITY.dimensions[0]!, { ...CITY.dimensions[1]!, name: '业务工作融合' }] } })
    const newer = await send(bureau, schemeId)

    const tampered = Buffer.from(older.contentBase64, 'base64')
    const at = tampered.indexOf(Buffer.from('医疗质量'))
    tampered[at] = tampered[at]! ^ 0x01
    const before = snapshot(h)
    expect((await fails(h, 'exchange.import', { contentBase64: b64(tampered) })).message).toContain('已损坏或被改动')
    expect(snapshot(h)).toEqual(before)

    await ok(h, 'exchange.import', { contentBase64: older.contentBase64 })
    const once = snapshot(h)
    expect(await ok(h, 'exchange.import', { contentBase64: older.contentBase64 })).toMatchObject({ applied: false, receipt: null })
    expect(snapshot(h)).toEqual(once)

    const r = await ok(h, 'exchange.import', { contentBase64: newer.contentBase64 })
    expect(r.changes).toContainEqual({ path: 'scheme.json.scheme.dimensions[业务工作融合].name', before: null, after: '业务工作融合' })
    expect((await fromAbove(h)).map((s) => [s.version, s.scheme.dimensions[1]!.name])).toEqual([
      [2, '业务工作融合'],
      [1, '业务融合'],
    ])

    const h2 = await hospital()
    await trust(h2, bureau)
    await ok(h2, 'exchange.import', { contentBase64: newer.contentBase64 })
    const held = snapshot(h2)
    expect((await fails(h2, 'exchange.import', { contentBase64: older.contentBase64 })).message).toContain('较旧的数据包不会覆盖它')
    expect(snapshot(h2)).toEqual(held)
  })

  it('不合指标体系规则的数据包被拒绝（与本院录入时同样的检查），数据库不变', async () => {
    const { h, bureau, schemeId } = await pair()
    expect((await fails(bureau, 'exchange.export', { kind: 'assessment-scheme', schemeId: null, to: 'H-001' })).message).toContain('请指定指标体系编号')
    const real = Buffer.from((await send(bureau, schemeId)).contentBase64, 'base64')
    const edit = (change: (s: Scheme) => unknown) => rewritten(real, (parts) => parts.set('scheme.json', { version: 1, scheme: change(structuredClone(CITY)) }), bureau)
    const before = snapshot(h)
    // a dimension without indicators: the form's own schema refuses it
    expect((await fails(h, 'exchange.import', { contentBase64: b64(edit((s) => ({ ...s, dimensions: [{ ...s.dimensions[0]!, indicators: [] }] }))) })).message).toContain('“scheme.json”的内容不合格式')
    // two indicators numbered alike: the scoring rules refuse it, as for a scheme typed in
    const twice = edit((s) => ({ ...s, dimensions: [s.dimensions[0]!, { ...s.dimensions[1]!, indicators: [{ ...s.dimensions[1]!.indicators[0]!, key: '1.1' }] }] }))
    expect((await fails(h, 'exchange.import', { contentBase64: b64(twice) })).message).toMatch(/收到的指标体系有错误（.*指标编号“1.1”与“.*”重复/)
    expect(snapshot(h)).toEqual(before)
  })
})
