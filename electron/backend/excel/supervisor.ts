/**
 * The sandbox's supervisor thread (started by excel/sandbox.ts), as plain JavaScript run with `eval`, so it needs
 * no bundling and no loader. The thread that asks for a parse may be blocked in Atomics.wait (a synchronous import
 * inside a write transaction) and then hears nothing of its workers' deaths: this thread's event loop stays free to
 * see a parse worker exit (out of memory, crashed) or run over its time, kill it, and say so in the job's shared
 * flag. The answer itself goes from the parse worker straight to the asker's port, never through here.
 *
 * Flag values: 0 pending, 1 done, 2 timed out, 3 out of memory, 4 crashed (excel/sandbox.ts reads them).
 * A job's time starts when its worker has loaded (a cold start took 2–7 s on a loaded 2-core machine). A worker
 * whose flag says done takes the next job at once, even before its "done" reaches this thread (the asker, woken
 * by the flag, may send the next job first); one free worker is kept for `keepIdleMs`, and one is started ahead
 * after a worker was killed or let go because its heap grew large on a big file. Background jobs' threads send their files here too, through ports the backend's
 * thread connects (excel/sandbox.ts sandboxPort), so they find the worker warm. Nothing here writes to stdout or stderr: those go through the asker's thread, which
 * may be blocked.
 */
export const SUPERVISOR = `
const { parentPort, workerData, Worker } = require('node:worker_threads')
const { entry, resourceLimits, keepIdleMs, startMs } = workerData
const workers = new Set()
let nextId = 1

const flagOf = (job) => Atomics.load(new Int32Array(job.flag), 0)
const free = (w) => w.ready && !w.dying && (!w.job || flagOf(w.job) === 1)

function settle(job, code) {
  if (!job || job.settled) return
  job.settled = true
  clearTimeout(job.timer)
  const flag = new Int32Array(job.flag)
  Atomics.compareExchange(flag, 0, 0, code)
  Atomics.notify(flag, 0)
}

function kill(w) {
  w.dying = true
  clearTimeout(w.idleTimer)
  w.terminate()
}

function spawn() {
  const w = entry.eval ? new Worker(entry.code, { eval: true, resourceLimits }) : new Worker(entry.file, { resourceLimits })
  Object.assign(w, { ready: false, dying: false, job: null, failure: 0 })
  workers.add(w)
  w.starting = setTimeout(() => kill(w), startMs)
  w.on('message', (m) => {
    if (m === 'ready') {
      w.ready = true
      clearTimeout(w.starting)
      return w.job ? dispatch(w, w.job) : rest(w)
    }
    if (w.job && w.job.id === m.id) {
      settle(w.job, 1)
      w.job = null
      if (!m.spent) return rest(w)
      kill(w)
      if (![...workers].some((x) => !x.dying)) spawn()
    }
  })
  w.on('error', (e) => { w.failure = e && e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 3 : 4 })
  w.on('exit', () => {
    workers.delete(w)
    clearTimeout(w.starting)
    clearTimeout(w.idleTimer)
    const killed = w.job
    w.job = null
    if (!killed || flagOf(killed) === 1) return
    settle(killed, w.failure || 4)
    // the next file should not wait for a cold start too
    if (![...workers].some((x) => !x.dying)) spawn()
  })
  return w
}

function dispatch(w, job) {
  // its last job is answered (the flag says so) even if its "done" is still on the way
  if (w.job && w.job !== job) settle(w.job, 1)
  clearTimeout(w.idleTimer)
  w.job = job
  job.timer = setTimeout(() => { settle(job, 2); kill(w) }, job.timeoutMs)
  w.postMessage({ id: job.id, request: job.request, reply: job.reply, flag: job.flag }, [job.reply, ...job.transfer])
}

function rest(w) {
  if ([...workers].some((x) => x !== w && free(x))) return kill(w)
  w.idleTimer = setTimeout(() => kill(w), keepIdleMs)
}

function take(job) {
  job.id = nextId++
  const ready = [...workers].find(free)
  if (ready) return dispatch(ready, job)
  const starting = [...workers].find((x) => !x.ready && !x.dying && !x.job)
  if (starting) starting.job = job
  else spawn().job = job
}

// jobs come from the thread that started this one, and from background-job threads it connected (one warm worker for all)
parentPort.on('message', (m) => (m && m.connect ? m.connect.on('message', take) : take(m)))
`
