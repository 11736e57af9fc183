import type { demoContract } from '../../shared/contract/demo'
import { AppError } from '../../shared/result'
import type { Handlers } from '../handler'
import { seed } from './index'

export const demoHandlers: Handlers<typeof demoContract> = {
  'demo.seed': ({ scale, seed: seedValue }, ctx) => {
    const existing = ctx.db.prepare('SELECT count(*) FROM organizations').pluck().get() as number
    if (existing > 0) throw new AppError('CONFLICT', '数据库中已有党组织，演示数据只能加载到空数据库中，以免与真实数据混在一起')
    return seed(ctx, scale, seedValue)
  },
}
