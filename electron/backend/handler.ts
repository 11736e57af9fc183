import type { z } from 'zod'
import type { MethodSpec } from '../shared/contract'
import type { CallContext } from './context'

/** The implementations of one area's contract: one plain function per method, over the call context. */
export type Handlers<C extends Record<string, MethodSpec>> = {
  [K in keyof C]: (input: z.output<C[K]['input']>, ctx: CallContext) => C[K]['output'] | Promise<C[K]['output']>
}
