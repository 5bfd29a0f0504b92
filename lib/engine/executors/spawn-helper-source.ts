/**
 * Source of the Python spawn helper run by {@link HelperSpawner} as
 * `python3 -c` when the native one (native-helper-source.ts) cannot be built:
 * same job, same wire format (helper-protocol.ts). Kept in a TypeScript
 * string so that bundlers ship it with the engine.
 * "spawned" comes 2 ms after the start, or with the first output or the exit
 * if sooner; "exit" once the process exited and both pipes reached EOF, or
 * 200 ms after exit (background processes holding the pipes are not waited for).
 */
export const SPAWN_HELPER_SOURCE = String.raw`# Myrmex spawn helper (lib/engine/executors/spawner.ts): starts shell steps
# with posix_spawn (vfork-like: its cost does not grow with the engine's
# memory, unlike Node's fork-based spawn) and relays their output and exit
# status. Wire format: helper-protocol.ts. Exits when its stdin closes (the
# engine is gone).
import os, selectors, signal, struct, sys, time

signal.signal(signal.SIGINT, signal.SIG_IGN)
if not hasattr(os, "posix_spawn"):
    sys.exit(3)
# Children get every signal at its default (like libuv) and an empty mask.
RESET = [s for s in range(1, 32) if s not in (signal.SIGKILL, signal.SIGSTOP)]
DRAIN = 0.2
# "spawned" waits this long: a short step then costs the engine one wake-up
# (spawned + exit in one write) instead of two while it runs.
ANNOUNCE = 0.002
out = sys.stdout.buffer
sel = selectors.DefaultSelector()
wake_r, wake_w = os.pipe()
os.set_blocking(wake_r, False)
os.set_blocking(wake_w, False)
signal.set_wakeup_fd(wake_w)
signal.signal(signal.SIGCHLD, lambda *_: None)
sel.register(wake_r, selectors.EVENT_READ, ("sig",))
sel.register(0, selectors.EVENT_READ, ("cmd",))
procs = {}  # pid -> [request id, open pipes, exit message or None, drain deadline or None]
pipes = {}  # pid -> [fds]
unannounced = {}  # pid -> (request id, time to send "spawned", start identity)


def send(kind, rid, payload, flush=True):
    try:
        out.write(struct.pack("<IBI", 5 + len(payload), kind, rid) + payload)
        if flush:
            out.flush()
    except (BrokenPipeError, OSError):
        os._exit(0)


def announce(pid):
    rid, _, start = unannounced.pop(pid)
    send(1, rid, struct.pack("<i", pid) + (start or "").encode(), flush=False)


try:
    with open("/proc/sys/kernel/random/boot_id") as f:
        BOOT = f.read().strip()
except OSError:
    BOOT = None


def start_identity(pid):
    # "<boot id>:<starttime ticks>" (process-tree.ts processStartIdentity), read
    # right after the spawn, while the process surely exists.
    if BOOT is None:
        return None
    try:
        with open("/proc/%d/stat" % pid, "rb") as f:
            stat = f.read()
        return "%s:%s" % (BOOT, stat[stat.rindex(b")") + 2:].split()[19].decode())
    except (OSError, ValueError, IndexError):
        return None


def finish(pid):
    p = procs.pop(pid)
    for fd in pipes.pop(pid, []):
        try:
            sel.unregister(fd)
            os.close(fd)
        except (KeyError, ValueError, OSError):
            pass
    if pid in unannounced:
        announce(pid)
    send(4, p[0], p[2])


base_env = {}


def set_base_env(frame):
    global base_env
    (envc,) = struct.unpack_from("<I", frame)
    base_env = dict(kv.split(b"=", 1) for kv in frame[4:].split(b"\0")[:envc])


def spawn(frame):
    rid, argc, envc = struct.unpack_from("<III", frame)
    parts = frame[12:].split(b"\0")
    cwd, argv = parts[0], parts[1 : 1 + argc]
    env = dict(base_env)
    env.update(kv.split(b"=", 1) for kv in parts[1 + argc : 1 + argc + envc])
    r1, w1 = os.pipe()
    r2, w2 = os.pipe()
    actions = [(os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0), (os.POSIX_SPAWN_DUP2, w1, 1), (os.POSIX_SPAWN_DUP2, w2, 2)]
    try:
        os.chdir(cwd)
        try:
            pid = os.posix_spawn(argv[0], argv, env, file_actions=actions, setsigdef=RESET, setsigmask=[], setsid=True)
        except NotImplementedError:  # glibc < 2.26: a new process group is enough
            pid = os.posix_spawn(argv[0], argv, env, file_actions=actions, setsigdef=RESET, setsigmask=[], setpgroup=0)
    except Exception as e:
        for fd in (r1, w1, r2, w2):
            os.close(fd)
        code = getattr(e, "errno", None)
        send(2, rid, ("spawn %s %s" % (argv[0].decode(errors="replace"), os.strerror(code) if code else e)).encode())
        return
    os.close(w1)
    os.close(w2)
    for fd, stream in ((r1, 1), (r2, 2)):
        os.set_blocking(fd, False)
        sel.register(fd, selectors.EVENT_READ, ("out", pid, stream, rid))
    procs[pid] = [rid, 2, None, None]
    pipes[pid] = [r1, r2]
    unannounced[pid] = (rid, time.monotonic() + ANNOUNCE, start_identity(pid))


def reap():
    while procs:
        try:
            pid, status, usage = os.wait4(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        p = procs.get(pid)
        if p is None:
            continue
        # CPU time of the process and of the descendants it waited for (exact, unlike sampling).
        cpu = usage.ru_utime + usage.ru_stime
        if os.WIFSIGNALED(status):
            p[2] = struct.pack("<iid", -1, os.WTERMSIG(status), cpu)
        else:
            p[2] = struct.pack("<iid", os.WEXITSTATUS(status), 0, cpu)
        if p[1] == 0:
            finish(pid)
        else:
            p[3] = time.monotonic() + DRAIN  # background processes may hold the pipes


buf = b""
send(0, 0, struct.pack("<i", os.getpid()))
while True:
    deadlines = [p[3] for p in procs.values() if p[3] is not None] + [u[1] for u in unannounced.values()]
    timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
    for key, _ in sel.select(timeout):
        kind = key.data[0]
        if kind == "sig":
            try:
                while os.read(wake_r, 512):
                    pass
            except BlockingIOError:
                pass
        elif kind == "cmd":
            chunk = os.read(0, 1 << 16)
            if not chunk:
                sys.exit(0)
            buf += chunk
            while len(buf) >= 4:
                (size,) = struct.unpack_from("<I", buf)
                if len(buf) < 4 + size:
                    break
                (set_base_env if buf[4] == 0 else spawn)(buf[5 : 4 + size])
                buf = buf[4 + size :]
        else:
            _, pid, stream, rid = key.data
            try:
                data = os.read(key.fd, 1 << 16)
            except BlockingIOError:
                continue
            if data:
                if pid in unannounced:
                    announce(pid)
                send(3, rid, bytes((stream,)) + data)
                continue
            sel.unregister(key.fd)
            os.close(key.fd)
            pipes[pid].remove(key.fd)
            p = procs[pid]
            p[1] -= 1
            if p[1] == 0 and p[2] is not None:
                finish(pid)
    reap()
    now = time.monotonic()
    for pid in [pid for pid, p in procs.items() if p[3] is not None and p[3] <= now]:
        finish(pid)
    due = [pid for pid, u in unannounced.items() if u[1] <= now]
    for pid in due:
        announce(pid)
    if due:
        out.flush()
`;
