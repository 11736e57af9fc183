import { MEETING_TYPE_LABELS } from '../../../shared/meetings'
import { text } from '../flags'
import { CliError, table } from '../output'
import type { CliCommand } from '../types'

const STATUS = { ok: '达标', missing: '未达标', exempt: '不适用' } as const

/** `compliance --from --to --json`: every branch × type × period in the range. */
export const complianceCommand: CliCommand = {
  usage: 'compliance --from YYYY-MM-DD --to YYYY-MM-DD [--json]   各支部组织生活达标情况',
  options: { from: 'string', to: 'string' },
  async run({ call, flags, io }) {
    const from = text(flags, 'from')
    const to = text(flags, 'to')
    if (!from || !to) throw new CliError('请用 --from 和 --to 指定日期范围，例如 --from 2025-01-01 --to 2025-12-31', 2)
    const cells = await call('compliance.grid', { from, to })
    const out = cells.map((c) => ({ organization: c.organization, type: MEETING_TYPE_LABELS[c.type], period: c.period, required: c.required, held: c.held, status: c.status }))
    if (flags.json) return io.out(JSON.stringify(out, null, 2))
    io.out(table(['党组织', '会议类型', '期间', '应开', '已开', '情况', '说明'], cells.map((c) => [c.organization, MEETING_TYPE_LABELS[c.type], c.period, String(c.required), String(c.held), STATUS[c.status], c.reason ?? ''])))
    const missing = cells.filter((c) => c.status === 'missing').length
    io.out(`共 ${cells.length} 项，未达标 ${missing} 项`)
  },
}
