import type { workPointsContract } from '../../shared/contract/work-points'
import type { Handlers } from '../handler'
import { listWorkPoints, saveWorkPoint, voidWorkPoint } from './service'

export const workPointsHandlers: Handlers<typeof workPointsContract> = {
  'workPoints.list': ({ year, asOf }, ctx) => listWorkPoints(ctx, year, asOf),
  'workPoints.save': (input, ctx) => saveWorkPoint(ctx, input),
  'workPoints.void': ({ id, reason }, ctx) => voidWorkPoint(ctx, id, reason),
}
