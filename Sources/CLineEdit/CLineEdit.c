#include "CLineEdit.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

struct CLEEditor {
  EditLine *el;
  History *history;
  char *prompt;
  char *line;               // the last line read, without its newline
  int input_fd;
  int output_fd;
  int interrupted;
  mbstate_t mbstate;
  CLECompletionCallback completion;
  void *completion_context;
};

// The one piece of global state a signal handler forces: the self-pipe and the terminal modes
// to restore at exit. Written once at install time, read by the handlers. The pipe carries every
// Ctrl-C of the process: the line editor's read and the watch of running statements (in the
// shell and in scripts) both wait on it.
static int interrupt_pipe[2] = {-1, -1};
static volatile sig_atomic_t resize_pending = 0;
static struct sigaction previous_sigint, previous_sigwinch;
static int sigint_installed = 0;
static int sigwinch_installed = 0;
static struct termios saved_termios;
static int saved_termios_valid = 0;

static void on_signal(int signal_number) {
  int saved_errno = errno;
  char byte = signal_number == SIGINT ? 'i' : 'w';
  if (interrupt_pipe[1] >= 0) {
    ssize_t ignored = write(interrupt_pipe[1], &byte, 1);
    (void)ignored;
  }
  errno = saved_errno;
}

static void restore_terminal_at_exit(void) {
  if (saved_termios_valid) tcsetattr(STDIN_FILENO, TCSADRAIN, &saved_termios);
}

// SIGTERM, SIGHUP, SIGQUIT while the terminal is raw: put it back, then die of the signal.
static void restore_terminal_and_die(int signal_number) {
  if (saved_termios_valid) tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
  signal(signal_number, SIG_DFL);
  raise(signal_number);
}

static void restore_terminal_on_fatal_signals(void) {
  int signals[] = {SIGTERM, SIGHUP, SIGQUIT};
  for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
    struct sigaction previous;
    if (sigaction(signals[i], NULL, &previous) != 0 || previous.sa_handler != SIG_DFL) continue;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = restore_terminal_and_die;
    sigemptyset(&action.sa_mask);
    sigaction(signals[i], &action, NULL);
  }
}

int cle_setup_locale(void) {
  setlocale(LC_CTYPE, "");
  if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0) setlocale(LC_CTYPE, "C.UTF-8");
  return strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
}

static void install_pipe_handler(int signal_number, struct sigaction *previous) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a blocked poll wakes with EINTR as well
  sigaction(signal_number, &action, previous);
}

int cle_interrupt_install(void) {
  if (interrupt_pipe[0] < 0) {
    int fds[2];
    if (pipe(fds) != 0) return -1;
    for (int i = 0; i < 2; i++) {
      fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK);
      fcntl(fds[i], F_SETFD, FD_CLOEXEC);
    }
    interrupt_pipe[0] = fds[0];
    interrupt_pipe[1] = fds[1];
  }
  if (!sigint_installed) {
    install_pipe_handler(SIGINT, &previous_sigint);
    sigint_installed = 1;
  }
  return interrupt_pipe[0];
}

// The editor also redraws on a resize, told through the same pipe.
static void install_resize_handler(void) {
  if (interrupt_pipe[0] < 0 || sigwinch_installed) return;
  install_pipe_handler(SIGWINCH, &previous_sigwinch);
  sigwinch_installed = 1;
}

void cle_interrupt_uninstall(void) {
  if (sigint_installed) sigaction(SIGINT, &previous_sigint, NULL);
  if (sigwinch_installed) sigaction(SIGWINCH, &previous_sigwinch, NULL);
  sigint_installed = 0;
  sigwinch_installed = 0;
}

int cle_interrupt_fd(void) { return interrupt_pipe[0]; }

int cle_interrupt_drain(void) {
  if (interrupt_pipe[0] < 0) return 0;
  int interrupts = 0;
  char buffer[64];
  ssize_t count;
  while ((count = read(interrupt_pipe[0], buffer, sizeof buffer)) > 0) {
    for (ssize_t i = 0; i < count; i++) {
      if (buffer[i] == 'i') interrupts++;
      else resize_pending = 1;
    }
  }
  return interrupts;
}

static CLEEditor *editor_of(EditLine *el) {
  CLEEditor *editor = NULL;
  el_get(el, EL_CLIENTDATA, &editor);
  return editor;
}

static char *prompt_of(EditLine *el) {
  CLEEditor *editor = editor_of(el);
  return editor && editor->prompt ? editor->prompt : "";
}

// Reads one character, waiting on the terminal and the interrupt pipe at once, so that Ctrl-C
// ends the read (returning -1 with the editor marked interrupted) and a resize redraws.
static int read_character(EditLine *el, wchar_t *character) {
  CLEEditor *editor = editor_of(el);
  for (;;) {
    if (resize_pending) {
      resize_pending = 0;
      el_resize(el);
      el_set(el, EL_REFRESH);
    }
    struct pollfd fds[2] = {
        {.fd = editor->input_fd, .events = POLLIN},
        {.fd = interrupt_pipe[0], .events = POLLIN},
    };
    int ready = poll(fds, interrupt_pipe[0] >= 0 ? 2 : 1, -1);
    if (ready < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (interrupt_pipe[0] >= 0 && (fds[1].revents & POLLIN)) {
      if (cle_interrupt_drain() > 0) {
        editor->interrupted = 1;
        errno = EINTR;
        return -1;
      }
      continue;
    }
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
      char byte;
      ssize_t count = read(editor->input_fd, &byte, 1);
      if (count == 0) return 0;
      if (count < 0) {
        if (errno == EINTR || errno == EAGAIN) continue;
        return -1;
      }
      wchar_t decoded;
      size_t used = mbrtowc(&decoded, &byte, 1, &editor->mbstate);
      if (used == (size_t)-2) continue;  // the middle of a multibyte character
      if (used == (size_t)-1) {          // invalid: drop it and start afresh
        memset(&editor->mbstate, 0, sizeof editor->mbstate);
        continue;
      }
      *character = used == 0 ? L'\0' : decoded;
      return 1;
    }
  }
}

static unsigned char complete(EditLine *el, int key) {
  (void)key;
  CLEEditor *editor = editor_of(el);
  if (!editor || !editor->completion) return CC_REFRESH_BEEP;
  const LineInfo *info = el_line(el);
  size_t length = (size_t)(info->lastchar - info->buffer);
  char *line = malloc(length + 1);
  if (!line) return CC_ERROR;
  memcpy(line, info->buffer, length);
  line[length] = '\0';
  int cursor = (int)(info->cursor - info->buffer);
  unsigned char result = editor->completion(editor, editor->completion_context, line, cursor);
  free(line);
  return result;
}

CLEEditor *cle_editor_create(const char *program_name, int history_size) {
  cle_setup_locale();
  cle_interrupt_install();
  install_resize_handler();
  CLEEditor *editor = calloc(1, sizeof *editor);
  if (!editor) return NULL;
  editor->input_fd = STDIN_FILENO;
  editor->output_fd = STDERR_FILENO;
  if (!saved_termios_valid && tcgetattr(STDIN_FILENO, &saved_termios) == 0) {
    saved_termios_valid = 1;
    atexit(restore_terminal_at_exit);
    restore_terminal_on_fatal_signals();
  }
  editor->el = el_init(program_name, stdin, stderr, stderr);
  if (!editor->el) {
    free(editor);
    return NULL;
  }
  HistEvent event;
  editor->history = history_init();
  history(editor->history, &event, H_SETSIZE, history_size > 0 ? history_size : 1);
  history(editor->history, &event, H_SETUNIQUE, 1);

  EditLine *el = editor->el;
  el_set(el, EL_CLIENTDATA, editor);
  el_set(el, EL_EDITOR, "emacs");
  el_set(el, EL_SIGNAL, 0);
  el_set(el, EL_PROMPT, prompt_of);
  el_set(el, EL_GETCFN, read_character);
  el_set(el, EL_HIST, history, editor->history);
  el_set(el, EL_ADDFN, "tcbq-complete", "Complete the word before the cursor", complete);
  el_set(el, EL_BIND, "^I", "tcbq-complete", NULL);
  el_set(el, EL_BIND, "^R", "em-inc-search-prev", NULL);
  el_set(el, EL_BIND, "\033[1;5D", "ed-prev-word", NULL);
  el_set(el, EL_BIND, "\033[1;5C", "em-next-word", NULL);
  el_set(el, EL_BIND, "\033b", "ed-prev-word", NULL);
  el_set(el, EL_BIND, "\033f", "em-next-word", NULL);
  return editor;
}

void cle_editor_destroy(CLEEditor *editor) {
  if (!editor) return;
  el_reset(editor->el);
  el_end(editor->el);
  history_end(editor->history);
  restore_terminal_at_exit();
  free(editor->prompt);
  free(editor->line);
  free(editor);
}

void cle_editor_set_prompt(CLEEditor *editor, const char *prompt) {
  free(editor->prompt);
  editor->prompt = strdup(prompt ? prompt : "");
}

const char *cle_editor_read_line(CLEEditor *editor, CLEReadStatus *status) {
  cle_interrupt_drain();  // a Ctrl-C from before this read is not for it
  editor->interrupted = 0;
  memset(&editor->mbstate, 0, sizeof editor->mbstate);
  int count = 0;
  const char *text = el_gets(editor->el, &count);
  if (editor->interrupted) {
    editor->interrupted = 0;
    el_reset(editor->el);
    *status = CLE_READ_INTERRUPTED;
    return NULL;
  }
  if (!text || count <= 0) {
    *status = count < 0 ? CLE_READ_ERROR : CLE_READ_END_OF_INPUT;
    return NULL;
  }
  free(editor->line);
  editor->line = strdup(text);
  size_t length = strlen(editor->line);
  if (length > 0 && editor->line[length - 1] == '\n') editor->line[length - 1] = '\0';
  *status = CLE_READ_LINE;
  return editor->line;
}

void cle_editor_history_add(CLEEditor *editor, const char *entry) {
  HistEvent event;
  history(editor->history, &event, H_ENTER, entry);
}

void cle_editor_history_clear(CLEEditor *editor) {
  HistEvent event;
  history(editor->history, &event, H_CLEAR);
}

void cle_editor_set_completion(CLEEditor *editor, CLECompletionCallback callback, void *context) {
  editor->completion = callback;
  editor->completion_context = context;
}

int cle_editor_insert(CLEEditor *editor, const char *text) {
  return el_insertstr(editor->el, text);
}

void cle_editor_delete_before_cursor(CLEEditor *editor, int count) {
  if (count > 0) el_deletestr(editor->el, count);
}

void cle_editor_print(CLEEditor *editor, const char *text) {
  ssize_t ignored = write(editor->output_fd, text, strlen(text));
  (void)ignored;
}

int cle_editor_columns(CLEEditor *editor) {
  struct winsize size;
  if (ioctl(editor->output_fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}
