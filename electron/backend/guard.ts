import type { z } from 'zod'
import { contract, type Method } from '../shared/contract'
import type { AppErrorData } from '../shared/result'
import { accessProblem } from './access'
import { branchScope, secretaryRefuses } from './branch-scope'
import type { BackendContext } from './context'

export function validationError(error: z.ZodError): AppErrorData {
  const issues = error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }))
  return { code: 'VALIDATION', message: issues.map((i) => i.message).join('；'), issues }
}

/**
 * What every call passes before its handler runs, written once for the dispatcher and for a background job's
 * start (jobs.start): the role may call the method; the input is what the contract says (each field's message
 * kept for the form); a 支部书记's input lies within their branch (lists narrowed to it). Who may call comes
 * before what was sent: without the right role nothing about the input is answered.
 */
export function admit(method: Method, input: unknown, context: BackendContext): { input: unknown } | { error: AppErrorData } {
  const spec = contract[method]
  const denied = accessProblem(spec.access, context) ?? secretaryRefuses(method, context)
  if (denied) return { error: { code: 'FORBIDDEN', message: denied } }
  const parsed = spec.input.safeParse(input ?? {})
  if (!parsed.success) return { error: validationError(parsed.error) }
  const scoped = branchScope(method, parsed.data, context)
  if ('problem' in scoped) return { error: { code: 'FORBIDDEN', message: scoped.problem } }
  return { input: scoped.input }
}
