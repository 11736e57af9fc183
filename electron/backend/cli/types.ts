import type { Input, Method, Output } from '../../shared/contract'
import type { Backend } from '../context'
import type { Io } from './output'

export interface CliRun {
  /** calls the backend through the same contract as the UI, typed by it; throws CliError with the Chinese message on failure */
  call: <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>
  flags: Record<string, string | boolean | undefined>
  positionals: string[]
  io: Io
  dbPath: string
  /** opens the database at dbPath again (restore records itself in the database it restored); the caller closes it */
  openBackend: () => Backend
}

export interface CliCommand {
  usage: string
  /** runs with the database closed (restore): `call` is not available */
  withoutBackend?: boolean
  /** the command's own flags; --db and --json are common to all */
  options?: Record<string, 'string' | 'boolean'>
  /** resolves to an exit code when it is not 0 (e.g. verify found a problem it already reported) */
  run: (run: CliRun) => Promise<void | number>
}
