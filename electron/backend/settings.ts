import type { Database } from 'better-sqlite3'
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings'

/** The effective settings: stored values over the national defaults. */
export function readSettings(db: Database): Settings {
  const stored = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS }
  for (const { key, value } of stored) if (Object.hasOwn(DEFAULT_SETTINGS, key)) settings[key] = JSON.parse(value)
  return settings as Settings
}
