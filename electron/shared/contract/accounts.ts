import { z } from 'zod'
import { id, requiredText } from '../schemas'
import { method } from './define'

/**
 * 管理员 manages accounts and settings; 党务干事 records and changes; 只读领导 only looks; 支部书记 reads and
 * records the affairs of one branch (and its 党小组) only.
 */
export const ROLES = ['admin', 'clerk', 'leader', 'secretary'] as const
export type Role = (typeof ROLES)[number]
export const ROLE_LABELS: Record<Role, string> = { admin: '管理员', clerk: '党务干事', leader: '只读领导', secretary: '支部书记' }

export interface SessionUser {
  id: number
  username: string
  displayName: string
  role: Role
  /** the branch a 支部书记 account is limited to (null for the other roles) */
  organizationId: number | null
  organizationName: string | null
}

export interface UserRow extends SessionUser {
  disabled: boolean
  lastLoginAt: string | null
}

const password = z.string({ error: '请填写密码' }).min(8, { message: '密码至少 8 位' }).max(100)
const username = z.string().trim().regex(/^[A-Za-z0-9_.\u4e00-\u9fa5-]{2,30}$/, { message: '用户名为 2–30 个字母、数字或汉字' })
const setupInput = z.object({ username, displayName: requiredText('姓名', 30), password }).strict()
const loginInput = z.object({ username: z.string().max(30), password: z.string().max(100) }).strict()
const createInput = z
  .object({ username, displayName: requiredText('姓名', 30), role: z.enum(ROLES, { error: '请选择角色' }), organizationId: z.number().int().positive().nullable().default(null), password })
  .strict()
  .refine((u) => u.role !== 'secretary' || u.organizationId !== null, { message: '支部书记账号请选择所在党支部', path: ['organizationId'] })
const byId = z.object({ id: id('用户') }).strict()
const resetInput = z.object({ id: id('用户'), password }).strict()
const emptyInput = z.object({}).strict()

export const accountsContract = {
  /** open to everyone: whether an administrator must be set up first, and who is signed in */
  'auth.status': method<typeof emptyInput, { setupNeeded: boolean; user: SessionUser | null }>(emptyInput, 'public'),
  'auth.setup': method<typeof setupInput, SessionUser>(setupInput, 'public', { writes: true }),
  'auth.login': method<typeof loginInput, SessionUser>(loginInput, 'public', { writes: true }),
  'auth.logout': method<typeof emptyInput, { ok: true }>(emptyInput, 'public'),
  'users.list': method<typeof emptyInput, UserRow[]>(emptyInput, 'admin'),
  'users.create': method<typeof createInput, UserRow[]>(createInput, 'admin'),
  'users.disable': method<typeof byId, UserRow[]>(byId, 'admin'),
  'users.resetPassword': method<typeof resetInput, UserRow[]>(resetInput, 'admin'),
}
