/** `npm run cli -- <command>`: the administrator's command line over the same backend and contract as the UI. */
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { runCli } from './cli'
import { processIo } from '../cli/output'

void runCli(process.argv.slice(2), processIo, process.env, (dbPath) => mkdirSync(dirname(resolve(dbPath)), { recursive: true })).then((code) => {
  process.exitCode = code
})
