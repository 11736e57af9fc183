import type { z } from 'zod'

/**
 * Who may call a method: 'public' before signing in (status, setup, login), 'read' any signed-in role,
 * 'write' 管理员 and 党务干事, 'admin' 管理员 only. 'write' and 'admin' methods run in one transaction.
 */
export type Access = 'public' | 'read' | 'write' | 'admin'

export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I
  /** phantom: carries the result type only, never read at run time */
  output: O
  access: Access
  /**
   * Whether the dispatcher runs the handler inside one transaction: by default the 'write' and 'admin' methods.
   * A few admin methods cannot (restoring a backup closes and reopens the database; a test restore only reads).
   */
  transaction: boolean
}

/** Declares a method: its zod input schema, its result type and who may call it. */
export function method<I extends z.ZodType, O>(input: I, access: Access, options: { transaction?: boolean } = {}): MethodSpec<I, O> {
  return { input, access, transaction: options.transaction ?? (access === 'write' || access === 'admin'), output: undefined as O }
}
