import type { jobsContract } from '../../shared/contract/jobs'
import type { Handlers } from '../handler'
import { jobStatus, startJob } from './runner'

export const jobsHandlers: Handlers<typeof jobsContract> = {
  'jobs.start': ({ method, input }, ctx) => ({ id: startJob(ctx, method, input) }),
  'jobs.status': ({ id }) => jobStatus(id),
}
