import { CliError } from './output'
import type { CliRun } from './types'

type Flags = CliRun['flags']

/** A string flag's value (the parser has checked it is one); undefined when not given. */
export const text = (flags: Flags, name: string): string | undefined => {
  const v = flags[name]
  return typeof v === 'string' ? v : undefined
}

/** A string flag that must be given: otherwise the command stops with what to add. */
export function required(flags: Flags, name: string, what: string): string {
  const v = text(flags, name)
  if (!v) throw new CliError(`请用 --${name} 指定${what}`, 2)
  return v
}

/** A flag whose value must be one of `allowed`: the message lists them (labels shown where given). */
export function oneOf<T extends string>(flags: Flags, name: string, allowed: readonly T[], labels?: Partial<Record<T, string>>): T | undefined {
  const v = text(flags, name)
  if (v === undefined) return undefined
  const byLabel = allowed.find((a) => a === v || labels?.[a] === v)
  if (!byLabel) throw new CliError(`--${name} 应为：${allowed.map((a) => labels?.[a] ?? a).join('、')}`, 2)
  return byLabel
}

/** As oneOf, and it must be given. */
export function requiredOneOf<T extends string>(flags: Flags, name: string, allowed: readonly T[], what: string): T {
  const v = oneOf(flags, name, allowed)
  if (v === undefined) throw new CliError(`请用 --${name} 指定${what}（${allowed.join('、')}）`, 2)
  return v
}
