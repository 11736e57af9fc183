import { describe, expect, it } from 'vitest'
import { fails, ok } from '../helpers'
import { hospital, site, trust } from './sites'

describe('上报与交换：组织生活达标', () => {
  it('已结束的年度：各支部各类会议各期的应开、已开和是否达标到达上级，与达标表一致；未结束的年度不能上报', async () => {
    const h = await hospital()
    const bureau = await site('市卫健委党委', 'B-100')
    await trust(h, bureau)
    await trust(bureau, h)
    const grid = await ok(h, 'compliance.grid', { from: '2025-01-01', to: '2025-12-31', organizationId: null })
    const out = await ok(h, 'exchange.export', { kind: 'organizational-life', year: 2025, to: 'B-100' })
    expect(out.counts).toMatchObject({ branches: 1, ok: grid.filter((c) => c.status === 'ok').length, missing: grid.filter((c) => c.status === 'missing').length })
    expect(grid.length).toBeGreaterThan(0)
    await ok(bureau, 'exchange.import', { contentBase64: out.contentBase64 })
    const data = JSON.parse(bureau.context.db.prepare("SELECT data_json FROM exchange_packages WHERE direction = 'received'").pluck().get() as string)['compliance.json']
    expect(data.cells).toHaveLength(grid.length)
    expect(data.cells[0]).toMatchObject({ organizationName: '内科党支部', type: grid[0]!.type, period: grid[0]!.period, required: grid[0]!.required, held: grid[0]!.held, status: grid[0]!.status })
    expect((await fails(h, 'exchange.export', { kind: 'organizational-life', year: 2026, to: 'B-100' })).message).toContain('2026年尚未结束')
  })
})
