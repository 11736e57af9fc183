import type { z } from 'zod'

/**
 * Who may call a method: 'public' before signing in (status, setup, login), 'read' any signed-in role,
 * 'write' 管理员 and 党务干事 (and 支部书记 in their branch), 'admin' 管理员 only; 'sensitive' a look at a masked
 * value (身份证号, 电话, 住址): those who handle the records, not 只读领导 (shared/permissions.ts says why).
 * By default 'write', 'sensitive' and 'admin' methods run in one transaction (a look is audited).
 */
export type Access = 'public' | 'read' | 'write' | 'sensitive' | 'admin'

export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I
  /** phantom: carries the result type only, never read at run time */
  output: O
  access: Access
  /**
   * Whether the dispatcher runs the handler inside one IMMEDIATE transaction: by default the 'write' and 'admin'
   * methods. A few admin methods cannot (restoring a backup closes and reopens the database; a test restore only reads).
   */
  transaction: boolean
  /**
   * Whether the method changes the database at all — its records, or only an entry in the audit log (every print,
   * export and sign-in is recorded). Apart from `access` on purpose: a print is open to every role and still
   * writes. A method that writes outside the dispatcher's transaction has each audit entry written in a short
   * IMMEDIATE transaction of its own, after its (possibly long) reading is done (backend/audit.ts); a method
   * declared as not writing may not record an entry at all.
   */
  writes: boolean
}

/** Declares a method: its zod input schema, its result type, who may call it, and whether it writes. */
export function method<I extends z.ZodType, O>(input: I, access: Access, options: { transaction?: boolean; writes?: boolean } = {}): MethodSpec<I, O> {
  const transaction = options.transaction ?? (access === 'write' || access === 'sensitive' || access === 'admin')
  return { input, access, transaction, writes: options.writes ?? transaction, output: undefined as O }
}
