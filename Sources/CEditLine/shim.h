#include <histedit.h>
#include <stdio.h>
#include <locale.h>
#include <langinfo.h>
#include <unistd.h>
#include <signal.h>

/* Swift 6 rejects the C globals stdin/stdout/stderr; these hand them over. */
static inline FILE *kt_stdin(void)  { return stdin; }
static inline FILE *kt_stdout(void) { return stdout; }
static inline FILE *kt_stderr(void) { return stderr; }

/* el_set and history are variadic, which Swift cannot call: one wrapper per use. */
typedef char *(*kt_prompt_fn)(EditLine *);
typedef unsigned char (*kt_el_fn)(EditLine *, int);

static inline int kt_el_set_prompt(EditLine *el, kt_prompt_fn f) { return el_set(el, EL_PROMPT, f); }
static inline int kt_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int kt_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int kt_el_set_hist(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int kt_el_addfn(EditLine *el, const char *name, const char *help, kt_el_fn f) {
    return el_set(el, EL_ADDFN, name, help, f);
}
static inline int kt_el_bind(EditLine *el, const char *key, const char *fn) {
    return el_set(el, EL_BIND, key, fn, (const char *)NULL);
}
static inline int kt_hist_setsize(History *h, int n) { HistEvent ev; return history(h, &ev, H_SETSIZE, n); }
static inline int kt_hist_setunique(History *h, int on) { HistEvent ev; return history(h, &ev, H_SETUNIQUE, on); }
static inline int kt_hist_enter(History *h, const char *line) { HistEvent ev; return history(h, &ev, H_ENTER, line); }
static inline int kt_hist_save(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_SAVE, path); }
static inline int kt_hist_load(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_LOAD, path); }

/* A prompt whose escape sequences sit between two `c` characters, so
   libedit does not count colour codes as columns. */
static inline int kt_el_set_prompt_esc(EditLine *el, kt_prompt_fn f, char c) {
    return el_set(el, EL_PROMPT_ESC, f, c);
}
static inline int kt_el_resize(EditLine *el) { el_resize(el); return 0; }

/* The terminal's width in columns, or 0 when fd is not a terminal. */
#include <sys/ioctl.h>
static inline int kt_terminal_columns(int fd) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return 0;
    return ws.ws_col;
}
static inline int kt_terminal_rows(int fd) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return 0;
    return ws.ws_row;
}

/* One history entry by operation (H_LAST, H_PREV, ...), or NULL. */
static inline const char *kt_hist_step(History *h, int op) {
    HistEvent ev;
    if (history(h, &ev, op) == -1) return NULL;
    return ev.str;
}
static inline int kt_hist_clear(History *h) { HistEvent ev; return history(h, &ev, H_CLEAR); }

/* Ctrl-C: a SIGINT handler without SA_RESTART, so a blocking read returns EINTR. */
static volatile sig_atomic_t kt_interrupt_flag = 0;
static inline void kt_on_sigint(int signo) { (void)signo; kt_interrupt_flag = 1; }
static inline int kt_install_sigint(void) {
    struct sigaction sa;
    sa.sa_handler = kt_on_sigint;
    sa.sa_flags = 0;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGINT, &sa, NULL) != 0) return -1;
    /* A parent may have started us with signals blocked: Ctrl-C must arrive. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    return sigprocmask(SIG_UNBLOCK, &set, NULL);
}
static inline int kt_take_interrupt(void) { int v = kt_interrupt_flag; kt_interrupt_flag = 0; return v; }
static inline int kt_peek_interrupt(void) { return kt_interrupt_flag; }

/* The reader that owns an EditLine, for callbacks that cannot capture it. */
static inline int kt_el_set_clientdata(EditLine *el, void *p) { return el_set(el, EL_CLIENTDATA, p); }
static inline void *kt_el_get_clientdata(EditLine *el) { void *p = NULL; el_get(el, EL_CLIENTDATA, &p); return p; }
