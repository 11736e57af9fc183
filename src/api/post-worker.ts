/**
 * Browser mode only: posts one large request body (a picked file travels as base64 inside it) from a worker.
 * Handing a 2 MB string to fetch on the page's thread held the window for 50–100 ms while the browser encoded it;
 * here that happens off the page, which only copies the string to the worker. The Electron app never starts it:
 * its calls go over IPC.
 */
import { BRIDGE_HEADERS } from './bridge-headers'

interface PostRequest {
  url: string
  body: string
}

/** what the page gets back: the response's text, its refusal status, or that nothing answered */
export type PostReply = { text: string } | { status: number } | { unreachable: true }

const scope = self as unknown as { onmessage: ((e: MessageEvent<PostRequest>) => void) | null; postMessage: (reply: PostReply) => void }

scope.onmessage = async ({ data }) => {
  try {
    const response = await fetch(data.url, { method: 'POST', headers: BRIDGE_HEADERS, body: data.body })
    scope.postMessage(response.ok ? { text: await response.text() } : { status: response.status })
  } catch {
    scope.postMessage({ unreachable: true })
  }
}
