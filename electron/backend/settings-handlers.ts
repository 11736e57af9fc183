import type { settingsContract } from '../shared/contract/settings'
import { unitCodeProblem } from '../shared/exchange'
import { invalid } from '../shared/result'
import { parseHolidayCalendar } from '../shared/rules/working-days'
import { DEFAULT_SETTINGS, type SettingKey } from '../shared/settings'
import { recordAudit } from './audit'
import type { CallContext } from './context'
import type { Handlers } from './handler'
import { readSettings } from './settings'

const kindOf = (v: unknown): string => (Array.isArray(v) ? 'array' : typeof v)

/** Sets one key (null: back to the default) after judging its value; the message names the field by key. */
function setOne(ctx: CallContext, key: string, value: unknown): void {
  if (!Object.hasOwn(DEFAULT_SETTINGS, key)) throw invalid(`没有名为“${key}”的设置项`)
  const k = key as SettingKey
  const before = readSettings(ctx.db)[k]
  if (value === null) {
    ctx.db.prepare('DELETE FROM settings WHERE key = ?').run(k)
  } else {
    if (kindOf(value) !== kindOf(DEFAULT_SETTINGS[k])) throw invalid('设置值的类型不正确，请重新填写', k)
    if (typeof value === 'number' && (!Number.isFinite(value) || value < 0)) throw invalid('数值不能为负数', k)
    if (k.endsWith('Per') && !['month', 'quarter', 'year'].includes(String(value))) throw invalid('周期应为每月、每季度或每年，请从列表中选择', k)
    if (Array.isArray(value) && value.some((n) => !Number.isInteger(n) || n < 0 || n > 120)) throw invalid('请填写0至120之间的整数，用逗号分隔', k)
    // a package names its receiver by this code (docs/exchange.md §3): a code with spaces or slashes would never match
    if (k === 'unit.code' && value !== '') {
      const problem = unitCodeProblem(String(value))
      if (problem) throw invalid(problem, k)
    }
    // a misread holiday line would shorten or lengthen every 公示期 after it: refused with what is wrong
    if (k === 'calendar.holidays') {
      const { problems } = parseHolidayCalendar(String(value))
      if (problems.length) throw invalid(`节假日安排有${problems.length}处看不懂：${problems.join('；')}`, k)
    }
    ctx.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(k, JSON.stringify(value))
  }
  const after = readSettings(ctx.db)[k]
  if (JSON.stringify(after) !== JSON.stringify(before)) recordAudit(ctx, { entity: 'setting', entityId: null, before: { [k]: before }, after: { [k]: after } })
}

export const settingsHandlers: Handlers<typeof settingsContract> = {
  'settings.get': (_i, ctx) => ({ values: readSettings(ctx.db), defaults: DEFAULT_SETTINGS }),

  // a threshold must keep its type and stay sensible; null restores the national default
  'settings.update': ({ key, value }, ctx) => {
    setOne(ctx, key, value)
    return { values: readSettings(ctx.db), defaults: DEFAULT_SETTINGS }
  },

  // one 保存 per panel: the panel's keys in one transaction, each change audited; a refused value
  // refuses the whole panel and is named under its field
  'settings.save': ({ values }, ctx) => {
    for (const [key, value] of Object.entries(values)) setOne(ctx, key, value)
    return { values: readSettings(ctx.db), defaults: DEFAULT_SETTINGS }
  },
}
