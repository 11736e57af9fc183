/** Browser mode: every bridge call carries this header — a page of another site cannot send it. */
export const BRIDGE_HEADERS = { 'content-type': 'application/json', 'x-dangban-request': '1' }
