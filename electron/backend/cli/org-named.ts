import { CliError } from './output'
import type { CliRun } from './types'

/** The id of the (not dissolved) 党组织 named `name` on the command line; refused with the way to list them. */
export async function organizationNamed(call: CliRun['call'], name: string): Promise<number> {
  const orgs = await call('orgs.list', { includeDissolved: false })
  const org = orgs.find((o) => o.name === name)
  if (!org) throw new CliError(`找不到党组织“${name}”（请用 orgs list 查看名称）`, 2)
  return org.id
}
