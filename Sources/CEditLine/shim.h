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
