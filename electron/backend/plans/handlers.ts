import type { plansContract } from '../../shared/contract/plans'
import type { Handlers } from '../handler'
import { listPlans, savePlan, voidPlan } from './service'

export const plansHandlers: Handlers<typeof plansContract> = {
  'plans.list': ({ organizationId, year, asOf }, ctx) => listPlans(ctx, organizationId, year, asOf),
  'plans.save': (input, ctx) => savePlan(ctx, input),
  'plans.void': ({ id, reason }, ctx) => voidPlan(ctx, id, reason),
}
