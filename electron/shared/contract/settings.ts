import { z } from 'zod'
import type { Settings } from '../settings'
import { method } from './define'

export interface SettingsView {
  values: Settings
  defaults: Settings
}

const updateInput = z
  .object({
    key: z.string().min(1).max(100),
    /** the new value, or null to go back to the national default */
    value: z.union([z.string().max(2000), z.number(), z.boolean(), z.array(z.number()).max(20), z.null()]),
  })
  .strict()
/** several keys at once, as one panel of 规则参数 saves them (null: back to the default) */
const saveInput = z.object({ values: z.record(z.string().min(1).max(100), updateInput.shape.value).refine((v) => Object.keys(v).length <= 60, { message: '一次最多保存60项' }) }).strict()
const emptyInput = z.object({}).strict()

export const settingsContract = {
  'settings.get': method<typeof emptyInput, SettingsView>(emptyInput, 'read'),
  'settings.update': method<typeof updateInput, SettingsView>(updateInput, 'admin'),
  'settings.save': method<typeof saveInput, SettingsView>(saveInput, 'admin'),
}
