import type { jobsContract } from '../../shared/contract/jobs'
import { contract } from '../../shared/contract'
import { AppError } from '../../shared/result'
import { accessProblem } from '../access'
import { branchScope, secretaryRefuses } from '../branch-scope'
import type { Handlers } from '../handler'
import { cancelJob, jobStatus, startJob } from './runner'

export const jobsHandlers: Handlers<typeof jobsContract> = {
  'jobs.start': ({ method, input }, ctx) => {
    const denied = accessProblem(contract[method].access, ctx) ?? secretaryRefuses(method, ctx)
    if (denied) throw new AppError('FORBIDDEN', denied)
    // the job's own input is validated again in the worker; here it decides what a 支部书记 may start
    const parsed = contract[method].input.safeParse(input ?? {})
    if (!parsed.success) throw new AppError('VALIDATION', parsed.error.issues.map((i) => i.message).join('；'))
    const scoped = branchScope(method, parsed.data, ctx)
    if ('problem' in scoped) throw new AppError('FORBIDDEN', scoped.problem)
    return { id: startJob(ctx, method, scoped.input) }
  },
  'jobs.status': ({ id }, ctx) => jobStatus(ctx, id),
  'jobs.cancel': ({ id }, ctx) => cancelJob(ctx, id),
}
