import type { Access } from '../shared/contract'
import type { BackendContext } from './context'

/**
 * Roles (issue 8): enforced here, for every transport, so calling the API directly gets no further than the
 * screens do. The CLI runs as the administrator of the machine (whoever can run it can read the file anyway).
 */
export function accessProblem(access: Access, context: BackendContext): string | null {
  if (access === 'public' || context.transport === 'cli') return null
  const user = context.session.user
  if (!user) return '请先登录'
  if (access === 'write' && user.role === 'leader') return '只读账号不能修改数据'
  if (access === 'admin' && user.role !== 'admin') return '只有管理员可以进行此操作'
  return null
}
