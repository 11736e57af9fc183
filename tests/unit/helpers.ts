import { createBackend, type Backend } from '../../electron/backend/boot/dispatch'
import { openDatabase } from '../../electron/backend/db/open'
import type { Input, Method, Output } from '../../electron/shared/contract'

/** A backend over a fresh in-memory database, with a fixed clock unless told otherwise. */
export function testBackend(now = '2025-06-15T10:00:00+08:00', user = '测试干事', transport: 'cli' | 'web' = 'cli'): Backend {
  const db = openDatabase(':memory:')
  return createBackend({ db, user, databasePath: ':memory:', transport, now: () => new Date(now), session: { user: null } }, () => {})
}

/** Calls a method and returns its data, failing the test with the Chinese message when it errs. */
export async function ok<M extends Method>(backend: Backend, method: M, input: Input<M>): Promise<Output<M>> {
  const result = await backend.call(method, input)
  if (!result.ok) throw new Error(`${method} 失败：${result.error.message}`)
  return result.data as Output<M>
}

/** Calls a method that must fail; returns the error. */
export async function fails(backend: Backend, method: Method, input: unknown) {
  const result = await backend.call(method, input)
  if (result.ok) throw new Error(`${method} 本应失败，却成功了`)
  return result.error
}
