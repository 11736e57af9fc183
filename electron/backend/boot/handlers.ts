import type { Contract } from '../../shared/contract'
import { accountsHandlers } from '../accounts/handlers'
import { appHandlers } from '../app/handlers'
import { assessmentsHandlers, ballotsHandlers } from '../assessments/handlers'
import { backupHandlers } from '../backup/handlers'
import type { Handlers } from '../handler'
import { dashboardHandlers } from '../dashboard/handlers'
import { duesHandlers } from '../dues/handlers'
import { exchangeHandlers } from '../exchange/handlers'
import { exportsHandlers } from '../exports/handlers'
import { importsHandlers } from '../imports/handlers'
import { jobsHandlers } from '../jobs/handlers'
import { meetingsHandlers } from '../meetings/handlers'
import { membersHandlers } from '../members/handlers'
import { organizationsHandlers } from '../organizations/handlers'
import { printHandlers } from '../print/handlers'
import { demoHandlers } from '../seed/handlers'
import { settingsHandlers } from '../settings-handlers'
import { statisticsHandlers } from '../statistics/handlers'
import { supervisionHandlers } from '../supervision/handlers'
import { plansHandlers } from '../plans/handlers'
import { workPointsHandlers } from '../work-points/handlers'
import { todoHandlers } from '../todo/handlers'

/** Every method of the contract has exactly one implementation here (a missing one is a type error). */
export const handlers: Handlers<Contract> = {
  ...appHandlers,
  ...accountsHandlers,
  ...organizationsHandlers,
  ...membersHandlers,
  ...meetingsHandlers,
  ...statisticsHandlers,
  ...importsHandlers,
  ...exportsHandlers,
  ...settingsHandlers,
  ...jobsHandlers,
  ...demoHandlers,
  ...backupHandlers,
  ...printHandlers,
  ...dashboardHandlers,
  ...assessmentsHandlers,
  ...ballotsHandlers,
  ...duesHandlers,
  ...todoHandlers,
  ...supervisionHandlers,
  ...plansHandlers,
  ...workPointsHandlers,
  ...exchangeHandlers,
}
