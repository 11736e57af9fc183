import type { Input, Method, Output } from '@shared/contract'
import type { AppErrorData, Result } from '@shared/result'
import { BRIDGE_HEADERS } from './bridge-headers'
import type { PostReply } from './post-worker'

/** A backend error as the renderer sees it: the Chinese message is meant to be shown as is. */
export class ApiError extends Error {
  constructor(readonly error: AppErrorData) {
    super(error.message)
    this.name = 'ApiError'
  }
}

type Transport = (method: string, input: unknown) => Promise<Result<unknown>>

/** a request body this large (a picked file) is posted from a worker, so the page's thread never encodes it */
const LARGE_BODY = 256 * 1024

/** Browser mode: the loopback bridge knows this browser by its session cookie (set when the printed address was opened). */
function bridgeTransport(): Transport {
  const url = new URL('./api/call', location.href).href
  const unreachable: Result<unknown> = { ok: false, error: { code: 'INTERNAL', message: '无法连接后台服务，请确认 npm run web 仍在运行' } }
  const refused = (status: number): Result<unknown> => ({
    ok: false,
    error: { code: 'FORBIDDEN', message: `后台拒绝了请求（${status}）：这个窗口的会话已失效，请用 npm run web 启动时显示的地址重新打开` },
  })
  return async (method, input) => {
    const body = JSON.stringify({ method, input })
    if (body.length > LARGE_BODY) {
      const reply = await postFromWorker({ url, body })
      return 'text' in reply ? (JSON.parse(reply.text) as Result<unknown>) : 'status' in reply ? refused(reply.status) : unreachable
    }
    let response: Response
    try {
      response = await fetch(url, { method: 'POST', headers: BRIDGE_HEADERS, body })
    } catch {
      return unreachable
    }
    if (!response.ok) return refused(response.status)
    return (await response.json()) as Result<unknown>
  }
}

/** One worker per large request: they are rare (a file picked), and a worker that is gone holds nothing. */
function postFromWorker(request: { url: string; body: string }): Promise<PostReply> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./post-worker.ts', import.meta.url), { type: 'module' })
    const done = (reply: PostReply): void => {
      worker.terminate()
      resolve(reply)
    }
    worker.onmessage = (e: MessageEvent<PostReply>) => done(e.data)
    worker.onerror = () => done({ unreachable: true })
    worker.postMessage(request)
  })
}

const transport: Transport = window.api ? (m, i) => window.api!.call(m, i) as Promise<Result<unknown>> : bridgeTransport()

const signedOutListeners: Array<(message: string) => void> = []
/** Told whenever the backend says nobody is signed in on this window (its sign-in expired, or another window signed out). */
export function onSignedOut(listener: (message: string) => void): void {
  signedOutListeners.push(listener)
}

/** Calls one backend method of the contract; resolves with its data or rejects with an ApiError. */
export async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const result = await transport(method, input)
  if (!result.ok && result.error.code === 'UNAUTHENTICATED') for (const l of signedOutListeners) l(result.error.message)
  if (!result.ok) throw new ApiError(result.error)
  return result.data as Output<M>
}
