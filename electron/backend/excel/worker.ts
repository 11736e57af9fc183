/**
 * The sandbox worker (started and watched by excel/supervisor.ts for excel/sandbox.ts): opens one file from outside
 * at a time, under the memory limit it was started with. The answer goes straight to the asker's port, then the
 * shared flag says it is there (the asker may be blocked in Atomics.wait and unable to hear a message), then the
 * supervisor hears that this worker is free again.
 */
import { getHeapStatistics } from 'node:v8'
import { parentPort, type MessagePort } from 'node:worker_threads'
import { AppError, type AppErrorData } from '../../shared/result'
import { fillTemplate, inspectTemplate, type ColumnNames, type SheetHeader } from '../exports/template-sheet'
import { parseWorkbook } from './parse'

// SheetJS reports every odd record of a damaged .xls with console.error: a crafted file makes millions of lines,
// and a worker's output is queued in the memory of the asker's thread, which may be blocked. Nobody reads them.
for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) console[level] = () => {}

export type SandboxRequest =
  | { task: 'read'; bytes: Uint8Array; fileName: string }
  | { task: 'inspectTemplate'; bytes: Uint8Array; columns: ColumnNames[] }
  | { task: 'fillTemplate'; bytes: Uint8Array; sheet: SheetHeader; mapping: [string, string | null][]; rows: readonly Record<string, unknown>[]; formats: [string, string][] }

async function perform(request: SandboxRequest): Promise<{ data: unknown; transfer?: ArrayBuffer[] }> {
  switch (request.task) {
    case 'read':
      return { data: parseWorkbook(request.bytes, request.fileName) }
    case 'inspectTemplate':
      return { data: await inspectTemplate(request.bytes, request.columns) }
    case 'fillTemplate': {
      const out = await fillTemplate(request.bytes, request.sheet, new Map(request.mapping), request.rows, new Map(request.formats))
      return { data: out, transfer: [out.buffer as ArrayBuffer] }
    }
  }
}

const RECYCLE_HEAP_BYTES = 192 * 1024 * 1024

/** Anything a parser throws that is not ours: a crafted file, not a bug of the clerk's making. */
const UNREADABLE: AppErrorData = { code: 'VALIDATION', message: '无法读取该文件：文件已损坏或不是 Excel/CSV 文件。请用 Excel 或 WPS 打开后另存为 .xlsx 再试' }

parentPort!.on('message', async ({ id, request, reply, flag }: { id: number; request: SandboxRequest; reply: MessagePort; flag: SharedArrayBuffer }) => {
  try {
    const { data, transfer } = await perform(request)
    reply.postMessage({ ok: true, data }, transfer ?? [])
  } catch (error) {
    reply.postMessage({ ok: false, error: error instanceof AppError ? error.toData() : UNREADABLE })
  }
  reply.close()
  const shared = new Int32Array(flag)
  Atomics.compareExchange(shared, 0, 0, 1)
  Atomics.notify(shared, 0)
  // after a large file the heap stays as large as it grew: this worker is let go and a fresh one started, so the
  // app does not keep hundreds of megabytes for the next small file (excel/supervisor.ts)
  parentPort!.postMessage({ id, spent: getHeapStatistics().total_heap_size > RECYCLE_HEAP_BYTES })
})

// loaded (a job's time limit starts now, not while the parsers load)
parentPort!.postMessage('ready')
