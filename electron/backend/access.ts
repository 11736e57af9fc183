import type { Access } from '../shared/contract'
import { roleProblem } from '../shared/permissions'
import type { BackendContext } from './context'

/**
 * Roles: enforced here, for every transport, so calling the API directly gets no further than the
 * screens do (the screens ask the same shared/permissions.ts to hide what a role cannot do). The CLI runs as the
 * administrator of the machine (whoever can run it can read the file anyway).
 */
export function accessProblem(access: Access, context: BackendContext): string | null {
  if (access === 'public' || context.transport === 'cli') return null
  const user = context.session.user
  if (!user) return '请先登录'
  return roleProblem(access, user.role)
}
