// One student: a notebook session on their single-user server, opened through the hub's proxy
// with JupyterLab's own client library (@jupyterlab/services over REST + websocket, the user's
// API token), running code cells one after another as a student pressing Shift-Enter does.
import { KernelManager, ServerConnection, SessionManager } from '@jupyterlab/services';
import WebSocket from 'ws';

const OUTPUT_TYPES = new Set(['stream', 'execute_result', 'display_data', 'update_display_data', 'error']);

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
  }

  /** Starts a notebook session on a `kernelName` kernel; resolves once kernel_info answered. */
  async open(notebookName, kernelName = 'jtorch') {
    const started = performance.now();
    this.kernelManager = new KernelManager({ serverSettings: this.settings });
    this.sessionManager = new SessionManager({ kernelManager: this.kernelManager, serverSettings: this.settings });
    this.session = await this.sessionManager.startNew({ path: notebookName, type: 'notebook',
      name: notebookName, kernel: { name: kernelName } });
    this.kernel = this.session.kernel;
    this.kernel.statusChanged.connect((_, status) => {
      if (['dead', 'restarting', 'autorestarting'].includes(status)) this.kernelEvents.push(status);
    });
    await this.kernel.info;
    this.openMs = performance.now() - started;
  }

  /**
   * Runs `code`; resolves to { status, ms, outputs, payload } once the reply and the idle status
   * arrived (`payload`: the reply's pages, e.g. the help of `?torch.tensor`).
   */
  async execute(code) {
    const started = performance.now();
    const future = this.kernel.requestExecute({ code, stop_on_error: true });
    const outputs = [];
    future.onIOPub = (msg) => {
      if (OUTPUT_TYPES.has(msg.header.msg_type)) outputs.push(asOutput(msg));
    };
    const reply = await future.done;
    const { status, payload = [] } = reply.content;
    return { status, ms: performance.now() - started, outputs, payload };
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
    const { name, openMs, courseMs, kernelEvents, cells } = this;
    return { name, openMs, courseMs, kernelEvents, cells };
  }

  /** Shuts the kernel down (as closing the notebook with "shut down kernel" does). */
  async close() {
    await this.session?.shutdown().catch(() => {});
    this.session?.dispose();
    this.sessionManager?.dispose();
    this.kernelManager?.dispose();
  }
}
