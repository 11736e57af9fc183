import { z } from 'zod'
import { method } from './define'

export interface SeedSummary {
  scale: string
  organizations: number
  branches: number
  members: number
  meetings: number
}

const seedInput = z
  .object({
    scale: z.enum(['small', 'large', 'city'], { error: '规模应为 small、large 或 city' }).default('small'),
    seed: z.number().int().min(0).max(2 ** 31).default(20251124),
  })
  .strict()

export const demoContract = {
  /** loads realistic generated data into an EMPTY database (for trying the app and for the benchmark) */
  'demo.seed': method<typeof seedInput, SeedSummary>(seedInput, 'admin'),
}
