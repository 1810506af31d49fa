// What JupyterLab does with the kernel, through JupyterLab's own client library
// (@jupyterlab/services from the npm registry) against Debian's jupyter-server: start a jtorch
// session, run a tensor cell and the course's error cells, receive the rich outputs JupyterLab
// renders, interrupt a runaway cell and restart the kernel.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { KernelManager, KernelSpecManager, ServerConnection, SessionManager } from '@jupyterlab/services';
import WebSocket from 'ws';
import { installKernel, scratchDir, sleep, startJupyter } from './helpers.mjs';

let server;
let kernelManager;
let sessionManager;
let session;

before(async () => {
  const work = scratchDir('services');
  const jupyterPath = installKernel(join(work, '..', 'jupyter prefix'));
  server = await startJupyter('server', { rootDir: work, jupyterPath, logName: 'jupyter-server.log' });
  const serverSettings = ServerConnection.makeSettings({
    baseUrl: server.baseUrl, wsUrl: server.baseUrl.replace(/^http/, 'ws'), token: server.token,
    appendToken: true, WebSocket });
  kernelManager = new KernelManager({ serverSettings });
  sessionManager = new SessionManager({ kernelManager, serverSettings });
  const specs = new KernelSpecManager({ serverSettings });
  await specs.ready;
  assert.equal(specs.specs.kernelspecs.jtorch?.display_name, 'Java (JTorch)');
  assert.equal(specs.specs.kernelspecs.jtorch?.language, 'java');
  specs.dispose();
  session = await sessionManager.startNew({ path: 'course.ipynb', type: 'notebook',
    name: 'course.ipynb', kernel: { name: 'jtorch' } });
});

after(async () => {
  await session?.shutdown().catch(() => {});
  session?.dispose();
  sessionManager?.dispose();
  kernelManager?.dispose();
  await server?.stop();
});

/** Executes `code`; resolves to { reply, outputs } with the iopub messages a notebook renders. */
async function execute(code, { stopOnError = true } = {}) {
  const future = session.kernel.requestExecute({ code, stop_on_error: stopOnError });
  const outputs = [];
  future.onIOPub = (msg) => {
    if (['stream', 'execute_result', 'display_data', 'update_display_data', 'error']
      .includes(msg.header.msg_type)) outputs.push({ type: msg.header.msg_type, ...msg.content });
  };
  const reply = await future.done;
  return { reply: reply.content, outputs };
}

test('kernel_info names Java and the jtorch language settings', async () => {
  const info = await session.kernel.info; // the reply JupyterLab gets when it connects
  assert.equal((await session.kernel.requestKernelInfo()).content.status, 'ok');
  assert.equal(info.status, 'ok');
  assert.equal(info.language_info.name, 'java');
  assert.equal(info.language_info.file_extension, '.java');
  assert.equal(info.protocol_version, '5.3');
});

test('a tensor cell returns text/plain and an HTML card', async () => {
  const { reply, outputs } = await execute('var t = torch.tensor(new double[][]{{1, 2}, {3, 4}}, true);\nt');
  assert.equal(reply.status, 'ok');
  const result = outputs.find((o) => o.type === 'execute_result');
  assert.ok(result, JSON.stringify(outputs));
  assert.equal(result.data['text/plain'], 'tensor([[1., 2.],\n        [3., 4.]], requires_grad=True)');
  assert.match(result.data['text/html'], /<table/);
  assert.match(result.data['text/html'], /requires_grad/);
});

test('printing streams the PyTorch text', async () => {
  const { outputs } = await execute('print(torch.arange(1, 3).view(1, 2).add(torch.arange(1, 4).view(3, 1)));');
  const stdout = outputs.filter((o) => o.type === 'stream' && o.name === 'stdout').map((o) => o.text).join('');
  assert.equal(stdout, 'tensor([[2, 3],\n        [3, 4],\n        [4, 5]])\n');
});

test("the course's two errors arrive as rich error outputs and the session lives on", async () => {
  await execute('var x1 = torch.tensor(1.0, true);\nvar x2 = torch.tensor(2.0, true);\nvar y = x1.add(torch.mul(2, x2));');
  const npe = await execute('print(x1.grad().data());', { stopOnError: false });
  assert.equal(npe.reply.status, 'error');
  const npeError = npe.outputs.find((o) => o.type === 'error');
  assert.equal(npeError.ename, 'NullPointerException');
  assert.match(npeError.evalue, /grad\(\)/);
  assert.ok(npeError.traceback.length > 0);
  assert.ok(!npe.outputs.some((o) => o.type === 'stream' && o.name === 'stderr'), 'nothing on stderr');

  const noGrad = await execute('x1 = torch.tensor(1.0, false);\nx2 = torch.tensor(2.0, false);\n'
    + 'y = x1.add(torch.mul(2, x2));\ny.backward();', { stopOnError: false });
  const backwardError = noGrad.outputs.find((o) => o.type === 'error');
  assert.equal(backwardError.evalue, 'element 0 of tensors does not require grad and does not have a grad_fn');
  assert.ok(backwardError.traceback.join('\n').includes('y.backward()'));

  const after = await execute('y');
  assert.equal(after.outputs.find((o) => o.type === 'execute_result').data['text/plain'], 'tensor(5.)');
});

test('display and updateDisplay send the messages JupyterLab updates an output with', async () => {
  const { reply, outputs } = await execute('var shown = display(torch.ones(2));\nupdateDisplay(shown, torch.zeros(2));');
  assert.equal(reply.status, 'ok');
  const [shown, updated] = ['display_data', 'update_display_data'].map((type) => outputs.find((o) => o.type === type));
  assert.ok(shown && updated, JSON.stringify(outputs));
  assert.equal(shown.data['text/plain'], 'tensor([1., 1.])');
  assert.match(shown.data['text/html'], /jtorch-tensor/);
  assert.equal(updated.data['text/plain'], 'tensor([0., 0.])');
  assert.ok(shown.transient.display_id);
  assert.equal(updated.transient.display_id, shown.transient.display_id);
});

test('a plot arrives as the PNG bundle JupyterLab renders, with its shown size', async () => {
  const { reply, outputs } = await execute('plot(List.of(3, 1, 2)).title("loss").xlabel("epoch")');
  assert.equal(reply.status, 'ok');
  const result = outputs.find((o) => o.type === 'execute_result');
  assert.deepEqual(Object.keys(result.data).sort(), ['image/png', 'text/plain']);
  assert.equal(result.data['text/plain'], '<Figure size 640x420 with 1 Axes>');
  const png = Buffer.from(result.data['image/png'], 'base64');
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1280, 840], 'drawn at twice its size');
  assert.deepEqual(result.metadata['image/png'], { width: 640, height: 420 }, 'shown at its size');
});

test('interrupt stops a runaway cell and keeps the variables', async (t) => {
  await execute('var kept = torch.ones(2);');
  const future = session.kernel.requestExecute({ code: 'while (true) {}' });
  await sleep(1000);
  const start = Date.now();
  await session.kernel.interrupt();
  const reply = (await future.done).content;
  assert.equal(reply.status, 'error');
  const took = Date.now() - start;
  t.diagnostic(`interrupt to reply: ${took} ms`);
  assert.ok(took < 5000, `interrupt took ${took} ms`);
  const { outputs } = await execute('kept');
  assert.equal(outputs.find((o) => o.type === 'execute_result').data['text/plain'], 'tensor([1., 1.])');
});

test('restart gives a fresh session with the tensor API imported', async () => {
  await session.kernel.restart();
  const gone = await execute('kept', { stopOnError: false });
  assert.equal(gone.reply.status, 'error');
  const fresh = await execute('torch.zeros(2)');
  assert.equal(fresh.outputs.find((o) => o.type === 'execute_result').data['text/plain'], 'tensor([0., 0.])');
});
