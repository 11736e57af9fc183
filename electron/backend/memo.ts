import type { CallContext } from './context'
import { readSettings } from './settings'
import type { Settings } from '../shared/settings'

const memos = new WeakMap<CallContext, Map<string, unknown>>()

/**
 * Remembers a value for the rest of one call (one user action). An import of thousands of rows asks the same
 * questions (the settings, the branch named "内科党支部") once instead of once per row.
 */
export function memo<T>(ctx: CallContext, key: string, compute: () => T): T {
  let m = memos.get(ctx)
  if (!m) memos.set(ctx, (m = new Map()))
  if (!m.has(key)) m.set(key, compute())
  return m.get(key) as T
}

export const settingsOf = (ctx: CallContext): Settings => memo(ctx, 'settings', () => readSettings(ctx.db))
