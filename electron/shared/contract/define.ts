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
}

/** Declares a method: its zod input schema, its result type and who may call it. */
export function method<I extends z.ZodType, O>(input: I, access: Access): MethodSpec<I, O> {
  return { input, access, output: undefined as O }
}
