import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { QUITTING } from '../backend/boot/host-protocol'
import { IPC, type IpcChannel } from '../shared/desktop'
import type { BackendHost } from './backend-host'
import { measureSections, printPreview, saveAsPdf } from './printing'

const REFUSED = { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' } } as const

/**
 * The one place IPC is handled: each channel of shared/desktop.ts, every message checked against the sender
 * before anything else. Backend calls go to the worker; after shutdown has begun they answer 程序正在退出.
 */
export function handleIpc(trusted: (event: IpcMainInvokeEvent) => boolean, host: () => BackendHost | null): void {
  const handlers: Record<IpcChannel, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown> = {
    [IPC.call]: (_event, method, input) => host()?.call(String(method), input) ?? QUITTING,
    [IPC.savePdf]: (event, name) => saveAsPdf(event, name),
    [IPC.print]: (event) => printPreview(event),
    [IPC.measureSections]: (event, selector) => measureSections(event, selector),
  }
  for (const [channel, handler] of Object.entries(handlers)) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => (trusted(event) ? handler(event, ...args) : channel === IPC.call ? REFUSED : { ok: false }))
  }
}
