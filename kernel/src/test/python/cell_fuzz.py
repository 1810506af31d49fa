#!/usr/bin/python3
"""The kernel's cell fuzzer: thousands of generated cells (cell_gen.py), other requests with
garbage arguments, cells interrupted at random moments, and malformed or badly signed messages on
the shell, control and stdin channels, all against one kernel through Debian's jupyter-client.

After every item it checks that the kernel process lives and that every request got its reply
(and every cell its idle status) in time; every `--canary-every` items it reads back a variable
declared at the start (a string and a tensor's repr). A kernel that died is restarted (and counted),
so one run reports every death. Targets: 0 deaths, 0 hangs, every request answered, canary intact,
interrupted loops and tensor ops stopped within 1 s (counted; over 3 s fails).

    /usr/bin/python3 kernel/src/test/python/cell_fuzz.py [--cells N] [--minutes M] [--seed S]
        [--jar PATH] [--java-home DIR] [--dump-dir DIR]

A hang's finding names a thread dump of the kernel (jcmd Thread.print) written to --dump-dir.

test_cell_fuzz.py runs a bounded run in the kernel's end-to-end tests; the soak is e.g.
`--cells 20000 --minutes 60`.
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter

import zmq

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

CANARY_TENSOR = "tensor([1.5000, 2.2500])"
# an interrupt should take effect within STOP_TARGET_S (counted and shown); one that takes longer
# than STOP_LIMIT_S is a failure even on a loaded machine
STOP_TARGET_S = 1.0
STOP_LIMIT_S = 3.0
REPLY_TIMEOUT_S = 90


class Report:
    def __init__(self, echo=False):
        self.echo = echo  # print each finding as it happens (long runs)
        self.counts = Counter()
        self.statuses = Counter()
        self.findings = []
        self.latencies = []
        self.reply_times = []
        self.rss = []

    def finding(self, kind, what):
        self.counts[kind] += 1
        if self.echo:
            print(f"cellfuzz finding: {kind}: {what}", flush=True)
        if len(self.findings) < 40:
            self.findings.append(f"{kind}: {what}")

    def summary(self, seconds):
        lat = sorted(self.latencies)
        c = self.counts
        parts = [
            f"{c['cells']} cells ({c['interrupted']} interrupted), {c['requests']} other requests, "
            f"{c['wire']} bad messages, {c['canary_checks']} canary checks in {seconds:.0f} s",
            f"deaths {c['death']} (restarts {c['restarts']}), hangs {c['hang']}, unanswered {c['unanswered']}, "
            f"canary failures {c['canary']}, interrupts over {STOP_TARGET_S:g} s {c['slow_interrupt']} "
            f"(over {STOP_LIMIT_S:g} s {c['stuck_interrupt']}), "
            f"unexpected statuses {c['unexpected_status']}",
            "statuses " + ", ".join(f"{k} {v}" for k, v in sorted(self.statuses.items())),
        ]
        if lat:
            parts.append(f"interrupt latency median {statistics.median(lat):.2f} s, max {lat[-1]:.2f} s")
        if self.reply_times:
            parts.append(f"slowest reply {max(self.reply_times):.1f} s")
        if self.rss:
            parts.append(f"kernel RSS {self.rss[0] / 1024:.0f} -> {self.rss[-1] / 1024:.0f} MiB "
                         f"(max {max(self.rss) / 1024:.0f})")
        return "; ".join(parts)


class CellFuzz:
    def __init__(self, kernel_factory, seed, report=None, canary_every=100, reply_timeout=REPLY_TIMEOUT_S,
                 dump_dir=None):
        import cell_gen
        self.new_kernel = kernel_factory
        self.rng = random.Random(seed)
        self.cells = cell_gen.CellGenerator(seed)
        self.report = report or Report()
        self.canary_every = canary_every
        self.canary = f"canary-{seed}"
        self.reply_timeout = reply_timeout
        self.dump_dir = dump_dir or os.path.join(tempfile.gettempdir(), "cellfuzz-dumps")
        self.k = None

    # ------------------------------------------------------------ kernel lifecycle

    def start(self):
        self.k = self.new_kernel()
        content, _ = self.k.run(f'String canary = "{self.canary}";\nvar canaryT = torch.tensor(new double[]{{1.5, 2.25}});',
                                timeout=self.reply_timeout)
        if content["status"] != "ok":
            raise RuntimeError(f"cannot declare the canary: {content}")

    def restart(self):
        self.report.counts["restarts"] += 1
        try:
            self.k.close()
        except Exception:  # noqa: BLE001 -- it is dead or hung already
            pass
        self.start()

    def alive(self):
        return self.k.km.is_alive()

    def close(self):
        if self.k is not None:
            self.k.close()

    # ------------------------------------------------------------ one run

    def run(self, cells, seconds):
        started = time.time()
        self.start()
        self.sample_rss()
        i = 0
        while i < cells and time.time() - started < seconds:
            i += 1
            r = self.rng.random()
            if r < 0.04:
                what = self.bad_message()
            elif r < 0.10:
                what = self.other_request()
            else:
                cell = self.cells.cell()
                what = f"{cell.category} cell {cell.code[:160]!r}"
                self.one_cell(cell)
            if not self.alive():
                self.report.finding("death", f"the kernel died after the {what}")
                self.restart()
            if i % self.canary_every == 0:
                self.check_canary()
                self.sample_rss()
        self.check_canary()
        self.sample_rss()
        return time.time() - started

    def sample_rss(self):
        from kernel_harness import rss_kib
        if self.k.pid:
            self.report.rss.append(rss_kib(self.k.pid))

    def check_canary(self):
        self.report.counts["canary_checks"] += 1
        code = "torch.setDefaultDtype(torch.float32);\ntorch.setPrintoptions(PrintOptions.defaults());\ncanary + \" \" + canaryT"
        try:
            content, outs = self.k.run(code, timeout=self.reply_timeout)
        except Exception as e:  # noqa: BLE001
            self.report.finding("canary", f"no reply: {e!r}")
            return
        text = "".join(m["content"]["data"].get("text/plain", "") for m in outs if m["msg_type"] == "execute_result")
        if content["status"] != "ok" or self.canary not in text or CANARY_TENSOR not in text:
            self.report.finding("canary", f"read back {content.get('status')} {text!r} {content.get('evalue', '')!r}")

    # ------------------------------------------------------------ items

    def one_cell(self, cell):
        self.report.counts["cells"] += 1
        self.report.counts["cat:" + cell.category.split(":")[0]] += 1
        sent = time.time()
        msg_id = self.k.send(cell.code, allow_stdin=False, stop_on_error=False)
        interrupted_at = None
        if cell.interrupt:
            time.sleep(self.rng.uniform(0, 1.5))
            interrupted_at = time.time()
            interrupt_id = self.send_interrupt()
        reply = self.await_reply(msg_id, cell.code)
        if interrupted_at is not None:
            self.await_interrupt_reply(interrupt_id)
        if reply is None:
            return
        replied = time.time()
        self.report.reply_times.append(replied - sent)
        status = reply["content"]["status"]
        self.report.statuses[status] += 1
        if status not in cell.expect:
            self.report.finding("unexpected_status", f"{status} ({reply['content'].get('ename', '')}) "
                                f"for {cell.category} cell {cell.code[:120]!r}")
        if interrupted_at is not None and reply["content"].get("ename") == "KeyboardInterrupt":
            self.report.counts["interrupted"] += 1
            latency = replied - interrupted_at
            self.report.latencies.append(latency)
            if latency > STOP_LIMIT_S:
                self.report.finding("stuck_interrupt", f"{latency:.2f} s for {cell.code[:100]!r}")
            elif latency > STOP_TARGET_S:
                self.report.finding("slow_interrupt", f"{latency:.2f} s for {cell.code[:100]!r}")
        try:
            self.k.outputs(msg_id, timeout=self.reply_timeout)
        except Exception:  # noqa: BLE001 -- queue.Empty
            self.report.finding("unanswered", f"no idle status after the reply to {cell.code[:100]!r}")

    def send_interrupt(self):
        """An interrupt_request on the control channel (interrupt_mode "message"); its msg_id."""
        msg = self.k.kc.session.msg("interrupt_request", {})
        self.k.kc.control_channel.send(msg)
        return msg["header"]["msg_id"]

    def await_interrupt_reply(self, msg_id):
        """Waits for the interrupt's reply, so a late interrupt cannot hit the next item."""
        deadline = time.time() + self.reply_timeout
        while time.time() < deadline:
            try:
                msg = self.k.kc.get_control_msg(timeout=max(0.01, deadline - time.time()))
            except Exception:  # noqa: BLE001 -- queue.Empty
                break
            if msg["parent_header"].get("msg_id") == msg_id:
                return
        if self.alive():
            self.report.finding("unanswered", "interrupt_request")

    def await_reply(self, msg_id, what):
        try:
            return self.k.reply(msg_id, timeout=self.reply_timeout)
        except Exception:  # noqa: BLE001 -- queue.Empty: no reply in time
            pass
        if not self.alive():
            return None  # counted as a death by run()
        self.report.finding("hang", f"no reply in {self.reply_timeout} s to {what[:160]!r}; threads: {self.thread_dump()}")
        self.await_interrupt_reply(self.send_interrupt())
        try:
            return self.k.reply(msg_id, timeout=30)
        except Exception:  # noqa: BLE001
            self.restart()
            return None

    def thread_dump(self):
        """Writes the kernel's thread dump (jcmd Thread.print of the kernel's own JDK) for a hang;
        returns the file's path, or why there is none."""
        if not self.k.pid:
            return "no kernel pid"
        try:
            jcmd = os.path.join(os.path.dirname(os.path.realpath(f"/proc/{self.k.pid}/exe")), "jcmd")
            dump = subprocess.run([jcmd, str(self.k.pid), "Thread.print", "-l"], capture_output=True, text=True,
                                  timeout=60).stdout
        except (OSError, subprocess.SubprocessError) as e:
            return f"no thread dump ({e})"
        os.makedirs(self.dump_dir, exist_ok=True)
        path = os.path.join(self.dump_dir, f"hang-{self.k.pid}-{int(time.time())}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(dump)
        return path

    def other_request(self):
        """complete/inspect/is_complete/history/kernel_info/comm requests with odd arguments."""
        self.report.counts["requests"] += 1
        kc, rng = self.k.kc, self.rng
        code = self.cells.cell().code
        pos = rng.choice([0, len(code), len(code) + 7, -3, rng.randint(0, max(len(code), 1))])
        kind = rng.choice(["complete", "inspect", "is_complete", "history", "kernel_info", "comm_info",
                           "comm_open", "comm_msg", "unknown"])
        if kind == "complete":
            msg_id = kc.complete(code, cursor_pos=pos)
        elif kind == "inspect":
            msg_id = kc.inspect(code, cursor_pos=pos, detail_level=rng.choice([0, 1, 7]))
        elif kind == "is_complete":
            msg_id = kc.is_complete(code)
        elif kind == "history":
            msg_id = kc.history(hist_access_type=rng.choice(["tail", "range", "search", "bogus"]),
                                n=rng.choice([0, 5, -1, 10**9]), pattern=code[:20], unique=rng.random() < 0.5,
                                session=rng.choice([0, -1, 7]), start=rng.choice([0, 5, -2]), stop=rng.choice([0, 9]))
        elif kind == "kernel_info":
            msg_id = kc.kernel_info()
        elif kind == "comm_info":
            msg_id = kc.comm_info(target_name=code[:20])
        else:
            msg_type = {"comm_open": "comm_open", "comm_msg": "comm_msg", "unknown": "no_such_request"}[kind]
            msg = kc.session.msg(msg_type, {"comm_id": uuid.uuid4().hex, "target_name": code[:20], "data": {"x": code}})
            kc.shell_channel.send(msg)
            return f"{kind} message"  # no reply expected; the next item shows the kernel lives
        if self.await_reply(msg_id, f"{kind} request for {code[:80]!r}") is None and self.alive():
            self.report.finding("unanswered", f"{kind} request")
        return f"{kind} request for {code[:80]!r}"

    def bad_message(self):
        """A malformed or badly signed message on the shell, control or stdin channel."""
        self.report.counts["wire"] += 1
        rng, session = self.rng, self.k.kc.session
        info = self.k.kc.get_connection_info()
        channel = rng.choice(["shell", "control", "stdin"])
        header = session.msg_header("execute_request" if channel != "stdin" else "input_reply")
        good = [json.dumps(header, default=str).encode(), b"{}", b"{}",
                json.dumps({"code": "1 + 1", "silent": False}).encode()]
        variant = rng.randrange(9)
        if variant == 0:
            frames = [b"<IDS|MSG>", b"0" * 64] + good  # wrong signature
        elif variant == 1:
            frames = [b"<IDS|MSG>", b""] + good  # no signature
        elif variant == 2:
            frames = [b"garbage"]
        elif variant == 3:
            frames = [b"<IDS|MSG>", session.sign([b"{not json"]), b"{not json"]
        elif variant == 4:
            parts = [b"[1, 2]", b"{}", b"{}", b"{}"]  # a header that is not an object, validly signed
            frames = [b"<IDS|MSG>", session.sign(parts)] + parts
        elif variant == 5:
            parts = [good[0], b"{}", b"{}", b"\xff\xfe not utf-8"]
            frames = [b"<IDS|MSG>", session.sign(parts)] + parts
        elif variant == 6:
            parts = [good[0], b"{}", b"{}", json.dumps({"code": 123, "silent": "no"}).encode()]
            frames = [b"<IDS|MSG>", session.sign(parts)] + parts
        elif variant == 7:
            frames = [b"<IDS|MSG>", b"x" * 64] + [os.urandom(rng.randint(0, 2048)) for _ in range(4)]
        else:
            frames = [os.urandom(rng.randint(1, 200_000))]
        sock = zmq.Context.instance().socket(zmq.DEALER)
        sock.linger = 0
        try:
            sock.connect(f"{info['transport']}://{info['ip']}:{info[channel + '_port']}")
            sock.send_multipart(frames)
            time.sleep(0.05)
        finally:
            sock.close(linger=0)
        return f"bad message (variant {variant}) on {channel}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cells", type=int, default=2000)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reply-timeout", type=float, default=REPLY_TIMEOUT_S, help="seconds before a request counts as hung")
    parser.add_argument("--dump-dir", help="where a hang's kernel thread dump goes (default: $TMPDIR/cellfuzz-dumps)")
    parser.add_argument("--jar")
    parser.add_argument("--java-home")
    args = parser.parse_args()
    if args.jar:
        os.environ["JTORCH_KERNEL_JAR"] = args.jar
    if args.java_home:
        os.environ["JTORCH_JAVA_HOME"] = args.java_home
    import signal
    signal.signal(signal.SIGINT, signal.default_int_handler)
    from kernel_harness import Kernel, java_feature_version
    fuzz = CellFuzz(Kernel, args.seed, report=Report(echo=True), reply_timeout=args.reply_timeout,
                    dump_dir=args.dump_dir)
    try:
        seconds = fuzz.run(args.cells, args.minutes * 60)
    finally:
        fuzz.close()
    print(f"cellfuzz (JDK {java_feature_version()}, seed {args.seed}): {fuzz.report.summary(seconds)}")
    c = fuzz.report.counts
    return 1 if c["death"] or c["hang"] or c["unanswered"] or c["canary"] or c["stuck_interrupt"] else 0


if __name__ == "__main__":
    sys.exit(main())
