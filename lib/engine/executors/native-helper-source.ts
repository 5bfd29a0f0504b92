/**
 * Source of the native spawn helper (C, compiled once per machine by
 * native-helper.ts and cached). Same job and wire format as the Python helper
 * (spawn-helper-source.ts, helper-protocol.ts) at a fraction of its per-step
 * cost: one poll() loop, posix_spawn() with a chdir file action, frames
 * copied straight from and to the pipes. Kept in a TypeScript string so that
 * bundlers ship it with the engine.
 */
export const NATIVE_HELPER_SOURCE = String.raw`/* Myrmex spawn helper (lib/engine/executors/native-helper-source.ts): starts
 * shell steps with posix_spawn (vfork-like: its cost does not grow with the
 * engine's memory) and relays their output and exit status. Wire format:
 * helper-protocol.ts. Exits when its stdin closes (the engine is gone). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Lengths, ids and the f64 cross the wire in host order: the protocol says
 * little-endian. A big-endian machine fails to build this helper, and the
 * engine uses the Python one instead. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the native spawn helper assumes a little-endian machine"
#endif

/* Exit status on a malformed frame from the engine. */
#define EXIT_MALFORMED 65

#define DRAIN_MS 200
#define ANNOUNCE_MS 2

enum { T_READY = 0, T_SPAWNED = 1, T_ERROR = 2, T_OUT = 3, T_EXIT = 4 };

typedef struct {
  uint32_t id;
  pid_t pid;
  int fd[2];          /* stdout, stderr read ends (-1 once closed) */
  int exited;         /* exit status known */
  int code, sig;
  double cpu;
  double drain_at;    /* > 0: finish by then even if pipes are open */
  double announce_at; /* > 0: "spawned" not sent yet */
  char start[96];
} proc_t;

static proc_t *procs;
static size_t nprocs, cap_procs;
static unsigned char *obuf;
static size_t olen, ocap;
static int sig_r = -1, sig_w = -1;
static char boot_id[64];

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void put(const void *p, size_t n) {
  if (olen + n > ocap) {
    while (olen + n > ocap) ocap = ocap ? ocap * 2 : 65536;
    obuf = realloc(obuf, ocap);
    if (!obuf) _exit(70);
  }
  memcpy(obuf + olen, p, n);
  olen += n;
}

static void put_u32(uint32_t v) { unsigned char b[4] = {v, v >> 8, v >> 16, v >> 24}; put(b, 4); }

/* A frame: u32 length of what follows, u8 type, u32 id, payload. */
static void frame(uint8_t type, uint32_t id, size_t payload) {
  put_u32((uint32_t)(1 + 4 + payload));
  put(&type, 1);
  put_u32(id);
}

static void flush_out(void) {
  size_t off = 0;
  while (off < olen) {
    ssize_t w = write(1, obuf + off, olen - off);
    if (w < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN) { struct pollfd p = {1, POLLOUT, 0}; poll(&p, 1, -1); continue; }
      _exit(0); /* the engine is gone */
    }
    off += (size_t)w;
  }
  olen = 0;
}

static void read_start_identity(pid_t pid, char *out, size_t n) {
  out[0] = 0;
  if (!boot_id[0]) return;
  char path[64], buf[1024];
  snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  ssize_t len = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (len <= 0) return;
  buf[len] = 0;
  char *p = strrchr(buf, ')');
  if (!p) return;
  p += 2; /* field 3 (state) */
  for (int field = 3; field < 22 && p; field++) { p = strchr(p, ' '); if (p) p++; }
  if (!p) return;
  size_t k = strcspn(p, " ");
  snprintf(out, n, "%s:%.*s", boot_id, (int)k, p);
}

static void announce(proc_t *p) {
  size_t sl = strlen(p->start);
  frame(T_SPAWNED, p->id, 4 + sl);
  put_u32((uint32_t)p->pid);
  put(p->start, sl);
  p->announce_at = 0;
}

static void finish(size_t i) {
  proc_t *p = &procs[i];
  for (int k = 0; k < 2; k++) if (p->fd[k] >= 0) { close(p->fd[k]); p->fd[k] = -1; }
  if (p->announce_at > 0) announce(p);
  frame(T_EXIT, p->id, 16);
  put_u32((uint32_t)p->code);
  put_u32((uint32_t)p->sig);
  put(&p->cpu, 8);
  procs[i] = procs[--nprocs];
}

static void error_reply(uint32_t id, const char *file, int err) {
  char msg[512];
  int n = snprintf(msg, sizeof msg, "spawn %s %s", file, strerror(err));
  /* snprintf returns the untruncated length: send what fits. */
  size_t len = n < 0 ? 0 : (size_t)n >= sizeof msg ? sizeof msg - 1 : (size_t)n;
  frame(T_ERROR, id, len);
  put(msg, len);
}

/* The base env: one block of NUL-terminated entries and pointers into it. */
static char *base_block;
static char **base_env;
static uint32_t base_count;

/* "KEY=..." entries a and b have the same key. */
static int same_key(const char *a, const char *b) {
  while (*a && *a == *b && *a != '=') { a++; b++; }
  return *a == '=' && *b == '=';
}

/* The NUL-terminated string at *s, which must end before end (else the frame
 * is malformed); advances *s past it. */
static char *next_string(char **s, char *end) {
  char *str = *s;
  char *nul = str < end ? memchr(str, 0, (size_t)(end - str)) : NULL;
  if (!nul) _exit(EXIT_MALFORMED);
  *s = nul + 1;
  return str;
}

/* Base env: u32 envc, then envc NUL-terminated entries. */
static void set_base_env(const unsigned char *msg, size_t len) {
  if (len < 4) _exit(EXIT_MALFORMED);
  uint32_t envc;
  memcpy(&envc, msg, 4);
  /* Each entry takes at least its NUL: a count the frame cannot hold is malformed. */
  if ((uint64_t)envc > len - 4) _exit(EXIT_MALFORMED);
  free(base_block);
  free(base_env);
  base_block = malloc(len - 4 + 1);
  base_env = calloc((size_t)envc + 1, sizeof *base_env);
  if (!base_block || !base_env) _exit(70);
  memcpy(base_block, msg + 4, len - 4);
  base_block[len - 4] = 0;
  char *s = base_block, *end = base_block + (len - 4);
  for (uint32_t k = 0; k < envc; k++) base_env[k] = next_string(&s, end);
  base_count = envc;
}

/* Spawn: u32 id, u32 argc, u32 envc, then NUL-terminated cwd, argv[argc], env[envc] (on top of the base env). */
static void spawn_request(unsigned char *req, size_t len) {
  if (len < 12) _exit(EXIT_MALFORMED);
  uint32_t id, argc, envc;
  memcpy(&id, req, 4); memcpy(&argc, req + 4, 4); memcpy(&envc, req + 8, 4);
  /* cwd, argv and env each take at least their NUL: counts the frame cannot hold are malformed. */
  if (argc == 0 || (uint64_t)argc + envc + 1 > len - 12) _exit(EXIT_MALFORMED);
  char **argv = calloc((size_t)argc + 1, sizeof *argv), **envp = calloc((size_t)base_count + envc + 1, sizeof *envp);
  if (!argv || !envp) _exit(70);
  char *s = (char *)req + 12, *end = (char *)req + len;
  char *cwd = next_string(&s, end);
  for (uint32_t k = 0; k < argc; k++) argv[k] = next_string(&s, end);
  char *overrides = s;
  for (uint32_t k = 0; k < envc; k++) next_string(&s, end);
  /* From here on, every string scanned with strlen was found terminated within the frame. */
  size_t ne = 0;
  for (uint32_t b = 0; b < base_count; b++) {
    int replaced = 0;
    char *o = overrides;
    for (uint32_t k = 0; k < envc && !replaced; k++, o += strlen(o) + 1) replaced = same_key(base_env[b], o);
    if (!replaced) envp[ne++] = base_env[b];
  }
  for (uint32_t k = 0; k < envc; k++, overrides += strlen(overrides) + 1) envp[ne++] = overrides;

  int o[2], e[2];
  if (pipe2(o, O_CLOEXEC) < 0) { error_reply(id, argv[0], errno); goto out; }
  if (pipe2(e, O_CLOEXEC) < 0) { int err = errno; close(o[0]); close(o[1]); error_reply(id, argv[0], err); goto out; }
  posix_spawn_file_actions_t fa;
  posix_spawnattr_t at;
  posix_spawn_file_actions_init(&fa);
  posix_spawnattr_init(&at);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&fa, o[1], 1);
  posix_spawn_file_actions_adddup2(&fa, e[1], 2);
  int use_chdir_action = 0;
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 29)
  use_chdir_action = posix_spawn_file_actions_addchdir_np(&fa, cwd) == 0;
#endif
  sigset_t def, none;
  sigemptyset(&def);
  for (int sig = 1; sig < 32; sig++) if (sig != SIGKILL && sig != SIGSTOP) sigaddset(&def, sig);
  sigemptyset(&none);
  posix_spawnattr_setsigdefault(&at, &def);
  posix_spawnattr_setsigmask(&at, &none);
  short flags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK;
#ifdef POSIX_SPAWN_SETSID
  flags |= POSIX_SPAWN_SETSID;
#else
  flags |= POSIX_SPAWN_SETPGROUP;
  posix_spawnattr_setpgroup(&at, 0);
#endif
  posix_spawnattr_setflags(&at, flags);
  pid_t pid;
  int err = 0;
  if (!use_chdir_action && chdir(cwd) < 0) err = errno;
  if (!err) err = posix_spawn(&pid, argv[0], &fa, &at, argv, envp);
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&at);
  close(o[1]);
  close(e[1]);
  if (err) { close(o[0]); close(e[0]); error_reply(id, argv[0], err); goto out; }
  fcntl(o[0], F_SETFL, O_NONBLOCK);
  fcntl(e[0], F_SETFL, O_NONBLOCK);
  if (nprocs == cap_procs) {
    cap_procs = cap_procs ? cap_procs * 2 : 16;
    procs = realloc(procs, cap_procs * sizeof *procs);
    if (!procs) _exit(70);
  }
  proc_t *p = &procs[nprocs++];
  memset(p, 0, sizeof *p);
  p->id = id; p->pid = pid; p->fd[0] = o[0]; p->fd[1] = e[0];
  p->announce_at = now_ms() + ANNOUNCE_MS;
  read_start_identity(pid, p->start, sizeof p->start);
out:
  free(argv);
  free(envp);
}

static void reap(void) {
  for (;;) {
    int status;
    struct rusage ru;
    pid_t pid = wait4(-1, &status, WNOHANG, &ru);
    if (pid <= 0) return;
    for (size_t i = 0; i < nprocs; i++) {
      proc_t *p = &procs[i];
      if (p->pid != pid) continue;
      p->exited = 1;
      p->cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
      if (WIFSIGNALED(status)) { p->code = -1; p->sig = WTERMSIG(status); }
      else { p->code = WEXITSTATUS(status); p->sig = 0; }
      if (p->fd[0] < 0 && p->fd[1] < 0) finish(i);
      else p->drain_at = now_ms() + DRAIN_MS;
      break;
    }
  }
}

static void on_sigchld(int sig) {
  (void)sig;
  int saved = errno;
  ssize_t r = write(sig_w, "c", 1);
  (void)r;
  errno = saved;
}

int main(void) {
  signal(SIGINT, SIG_IGN);
  signal(SIGPIPE, SIG_IGN);
  int sp[2];
  if (pipe2(sp, O_CLOEXEC | O_NONBLOCK) < 0) return 71;
  sig_r = sp[0]; sig_w = sp[1];
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_sigchld;
  sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
  sigaction(SIGCHLD, &sa, NULL);
  int bfd = open("/proc/sys/kernel/random/boot_id", O_RDONLY | O_CLOEXEC);
  if (bfd >= 0) {
    ssize_t n = read(bfd, boot_id, sizeof boot_id - 1);
    close(bfd);
    boot_id[n > 0 ? n : 0] = 0;
    boot_id[strcspn(boot_id, "\n")] = 0;
  }
  frame(T_READY, 0, 4);
  put_u32((uint32_t)getpid());
  flush_out();

  unsigned char *ibuf = NULL;
  size_t ilen = 0, icap = 0;
  struct pollfd *pfd = NULL;
  size_t pcap = 0;
  for (;;) {
    size_t need = 2 + 2 * nprocs;
    if (need > pcap) { pcap = need * 2; pfd = realloc(pfd, pcap * sizeof *pfd); if (!pfd) _exit(70); }
    pfd[0] = (struct pollfd){0, POLLIN, 0};
    pfd[1] = (struct pollfd){sig_r, POLLIN, 0};
    size_t np = 2;
    double next = 0, t = now_ms();
    for (size_t i = 0; i < nprocs; i++) {
      for (int k = 0; k < 2; k++) pfd[np++] = (struct pollfd){procs[i].fd[k], POLLIN, 0}; /* fd -1 is skipped by poll */
      if (procs[i].drain_at > 0 && (next == 0 || procs[i].drain_at < next)) next = procs[i].drain_at;
      if (procs[i].announce_at > 0 && (next == 0 || procs[i].announce_at < next)) next = procs[i].announce_at;
    }
    int timeout = next == 0 ? -1 : (next <= t ? 0 : (int)(next - t) + 1);
    int n = poll(pfd, np, timeout);
    if (n < 0 && errno != EINTR) _exit(72);
    if (n > 0) {
      if (pfd[1].revents) { char b[256]; while (read(sig_r, b, sizeof b) > 0) {} }
      /* Output before exits: a process's last bytes precede its exit frame. */
      for (size_t j = 2; j < np; j++) {
        if (!pfd[j].revents || pfd[j].fd < 0) continue;
        size_t i = (j - 2) / 2;
        int k = (int)((j - 2) % 2);
        proc_t *p = &procs[i];
        unsigned char b[65536];
        ssize_t r = read(p->fd[k], b, sizeof b);
        if (r < 0 && (errno == EAGAIN || errno == EINTR)) continue;
        if (r > 0) {
          if (p->announce_at > 0) announce(p);
          frame(T_OUT, p->id, 1 + (size_t)r);
          uint8_t stream = (uint8_t)(k + 1);
          put(&stream, 1);
          put(b, (size_t)r);
          continue;
        }
        close(p->fd[k]);
        p->fd[k] = -1;
      }
      /* Processes whose pipes all closed after exit (indices are stable until now). */
      for (size_t i = nprocs; i-- > 0;)
        if (procs[i].exited && procs[i].fd[0] < 0 && procs[i].fd[1] < 0) finish(i);
      if (pfd[0].revents) {
        if (ilen + 65536 > icap) { icap = (ilen + 65536) * 2; ibuf = realloc(ibuf, icap); if (!ibuf) _exit(70); }
        ssize_t r = read(0, ibuf + ilen, icap - ilen);
        if (r == 0) { flush_out(); _exit(0); }
        if (r > 0) {
          ilen += (size_t)r;
          size_t off = 0;
          while (ilen - off >= 4) {
            uint32_t fl;
            memcpy(&fl, ibuf + off, 4);
            if (ilen - off - 4 < fl) break;
            if (fl < 1) _exit(EXIT_MALFORMED);
            if (ibuf[off + 4] == 0) set_base_env(ibuf + off + 5, fl - 1);
            else spawn_request(ibuf + off + 5, fl - 1);
            off += 4 + fl;
          }
          memmove(ibuf, ibuf + off, ilen - off);
          ilen -= off;
        }
      }
    }
    reap();
    t = now_ms();
    for (size_t i = nprocs; i-- > 0;) {
      if (procs[i].drain_at > 0 && procs[i].drain_at <= t) finish(i);
      else if (procs[i].announce_at > 0 && procs[i].announce_at <= t) announce(&procs[i]);
    }
    if (olen) flush_out();
  }
}
`;
