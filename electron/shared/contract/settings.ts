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
const emptyInput = z.object({}).strict()

export const settingsContract = {
  'settings.get': method<typeof emptyInput, SettingsView>(emptyInput, 'read'),
  'settings.update': method<typeof updateInput, SettingsView>(updateInput, 'admin'),
}
