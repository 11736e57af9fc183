import type { Input, Method, Output } from '@shared/contract'
import type { AppErrorData, Result } from '@shared/result'

/** A backend error as the renderer sees it: the Chinese message is meant to be shown as is. */
export class ApiError extends Error {
  constructor(readonly error: AppErrorData) {
    super(error.message)
    this.name = 'ApiError'
  }
}

type Transport = (method: string, input: unknown) => Promise<Result<unknown>>

/** Browser mode: the loopback bridge put its per-run token into the page it served. */
function bridgeTransport(): Transport {
  const token = document.querySelector<HTMLMetaElement>('meta[name="dangban-bridge-token"]')?.content ?? ''
  return async (method, input) => {
    let response: Response
    try {
      response = await fetch('./api/call', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dangban-token': token },
        body: JSON.stringify({ method, input }),
      })
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: '无法连接后台服务，请确认 npm run web 仍在运行' } }
    }
    if (!response.ok) return { ok: false, error: { code: 'FORBIDDEN', message: `后台拒绝了请求（${response.status}），请刷新页面` } }
    return (await response.json()) as Result<unknown>
  }
}

const transport: Transport = window.api ? (m, i) => window.api!.call(m, i) as Promise<Result<unknown>> : bridgeTransport()

/** Calls one backend method of the contract; resolves with its data or rejects with an ApiError. */
export async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const result = await transport(method, input)
  if (!result.ok) throw new ApiError(result.error)
  return result.data as Output<M>
}
