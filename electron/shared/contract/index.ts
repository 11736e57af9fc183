import type { z } from 'zod'
import { accountsContract } from './accounts'
import { appContract } from './app'
import { assessmentsContract } from './assessments'
import { backupContract } from './backup'
import { ballotsContract } from './ballots'
import type { MethodSpec } from './define'
import { dashboardContract } from './dashboard'
import { demoContract } from './demo'
import { duesContract } from './dues'
import { exchangeContract } from './exchange'
import { exportsContract } from './exports'
import { importsContract } from './imports'
import { jobsContract } from './jobs'
import { meetingsContract } from './meetings'
import { membersContract } from './members'
import { organizationsContract } from './organizations'
import { printContract } from './print'
import { settingsContract } from './settings'
import { statisticsContract } from './statistics'
import { supervisionContract } from './supervision'
import { plansContract } from './plans'
import { workPointsContract } from './work-points'
import { todoContract } from './todo'

/**
 * The one contract between renderer and backend, keyed by method name. Electron IPC, the loopback HTTP
 * bridge and the CLI all dispatch through it; each area adds its own file and spreads it in here.
 */
export const contract = {
  ...appContract,
  ...accountsContract,
  ...organizationsContract,
  ...membersContract,
  ...meetingsContract,
  ...statisticsContract,
  ...importsContract,
  ...exportsContract,
  ...settingsContract,
  ...jobsContract,
  ...demoContract,
  ...backupContract,
  ...printContract,
  ...dashboardContract,
  ...assessmentsContract,
  ...ballotsContract,
  ...duesContract,
  ...todoContract,
  ...supervisionContract,
  ...plansContract,
  ...workPointsContract,
  ...exchangeContract,
} satisfies Record<string, MethodSpec>

export type Contract = typeof contract
export type Method = keyof Contract
/** what a caller sends (before defaults are applied) */
export type Input<M extends Method> = z.input<Contract[M]['input']>
/** what a handler receives (validated, defaults applied) */
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>
export type Output<M extends Method> = Contract[M]['output']

export const isMethod = (name: unknown): name is Method => typeof name === 'string' && Object.hasOwn(contract, name)
export type { Access, MethodSpec } from './define'
