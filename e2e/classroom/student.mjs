// One student: a notebook session on their single-user server, opened through the hub's proxy
// with JupyterLab's own client library (@jupyterlab/services over REST + websocket, the user's
// API token), running code cells one after another as a student pressing Shift-Enter does.
import { KernelManager, ServerConnection, SessionManager } from '@jupyterlab/services';
import WebSocket from 'ws';

const OUTPUT_TYPES = new Set(['stream', 'execute_result', 'display_data', 'update_display_data', 'error']);

/** Resolves to true when `promise` fulfils within `ms`, else to false (and leaves no timer behind). */
function settlesWithin(promise, ms) {
  let timer;
  const late = new Promise((resolve) => { timer = setTimeout(resolve, ms, false); });
  return Promise.race([promise.then(() => true), late]).finally(() => clearTimeout(timer));
}

/** An iopub message as the notebook output it becomes (nbformat's fields). */
function asOutput(msg) {
  const { msg_type: type } = msg.header;
  const { name, text, data, ename, evalue, traceback } = msg.content;
  return { output_type: type, name, text, data, ename, evalue, traceback };
}

export class Student {
  /** `serverUrl`: http://127.0.0.1:PORT/user/NAME/ (through the proxy); `token`: the user's. */
  constructor(name, serverUrl, token) {
    this.name = name;
    this.settings = ServerConnection.makeSettings({ baseUrl: serverUrl,
      wsUrl: serverUrl.replace(/^http/, 'ws'), token, appendToken: true, WebSocket });
    this.kernelEvents = []; // kernel states a student would see as trouble: dead, restarting
    this.unansweredInfo = 0;
  }

  /**
   * Starts a notebook session on a `kernelName` kernel; resolves once a kernel_info request
   * completed. While none has within `infoWaitMs`, one is asked again on a connected socket (what
   * JupyterLab's FIXME in KernelConnection suggests: a reply or idle status can be lost while the
   * server's iopub subscription is not established yet); those are counted in `unansweredInfo`,
   * restarts of the kernel before it answered in `startRestarts`.
   */
  async open(notebookName, { kernelName = 'jtorch', infoWaitMs = 30_000, timeoutMs = 600_000 } = {}) {
    const started = performance.now();
    this.kernelManager = new KernelManager({ serverSettings: this.settings });
    this.sessionManager = new SessionManager({ kernelManager: this.kernelManager, serverSettings: this.settings });
    this.session = await this.sessionManager.startNew({ path: notebookName, type: 'notebook',
      name: notebookName, kernel: { name: kernelName } });
    this.kernel = this.session.kernel;
    this.startRestarts = 0;
    this.kernel.statusChanged.connect((_, status) => {
      if (!['dead', 'restarting', 'autorestarting'].includes(status)) return;
      if (this.openMs === undefined) this.startRestarts += 1;
      else this.kernelEvents.push(status);
    });
    while (!(await settlesWithin(this.kernel.info, infoWaitMs))) {
      if (performance.now() - started > timeoutMs) {
        throw new Error(`${this.name}: the kernel did not answer kernel_info within ${timeoutMs / 1000} s`);
      }
      if (this.kernel.connectionStatus === 'connected') {
        this.unansweredInfo += 1;
        this.kernel.requestKernelInfo().catch(() => {}); // its reply resolves kernel.info
      }
    }
    this.openMs = performance.now() - started;
  }

  /**
   * Runs `code`; resolves to { status, ms, outputs, payload } once the reply and the idle status
   * arrived (`payload`: the reply's pages, e.g. the help of `?torch.tensor`). After `timeoutMs`
   * without both, the status says what never came: 'no reply' or '<status> without idle'.
   */
  async execute(code, timeoutMs = 300_000) {
    const started = performance.now();
    const future = this.kernel.requestExecute({ code, stop_on_error: true });
    const outputs = [];
    let reply;
    future.onIOPub = (msg) => {
      if (OUTPUT_TYPES.has(msg.header.msg_type)) outputs.push(asOutput(msg));
    };
    future.onReply = (msg) => { reply = msg; };
    const done = await settlesWithin(future.done, timeoutMs);
    const ms = performance.now() - started;
    if (!done) future.dispose();
    const { status = 'no reply', payload = [] } = reply?.content ?? {};
    return { status: done || !reply ? status : `${status} without idle`, ms, outputs, payload };
  }

  /** Runs the sources one after another; resolves to one execute() result per source. */
  async runCells(sources) {
    const started = performance.now();
    this.cells = [];
    for (const source of sources) this.cells.push(await this.execute(source));
    this.courseMs = performance.now() - started;
    return this.cells;
  }

  /** What was measured, as plain data. */
  record() {
    const { name, openMs, courseMs, kernelEvents, startRestarts, unansweredInfo, cells } = this;
    return { name, openMs, courseMs, kernelEvents, startRestarts, unansweredInfo, cells };
  }

  /** Shuts the kernel down (as closing the notebook with "shut down kernel" does). */
  async close() {
    await this.session?.shutdown().catch(() => {});
    this.session?.dispose();
    this.sessionManager?.dispose();
    this.kernelManager?.dispose();
  }
}
