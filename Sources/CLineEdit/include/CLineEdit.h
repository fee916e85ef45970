#ifndef CLINEEDIT_H
#define CLINEEDIT_H

// Small non-variadic wrappers over libedit's histedit.h, which Swift cannot call directly
// (el_set, el_get and history are variadic). One editor reads from standard input and draws on
// standard error, so standard output carries results only.

#include <histedit.h>

/// How a read ended.
typedef enum {
  CLE_READ_LINE = 0,         ///< a line was read
  CLE_READ_END_OF_INPUT = 1, ///< Ctrl-D on an empty line, or standard input closed
  CLE_READ_INTERRUPTED = 2,  ///< Ctrl-C (SIGINT): the line was discarded
  CLE_READ_ERROR = 3         ///< the terminal failed
} CLEReadStatus;

typedef struct CLEEditor CLEEditor;

/// Called on Tab with the whole line (UTF-8, NUL-terminated) and the cursor as a byte offset in
/// it. It may call cle_editor_delete_before_cursor / cle_editor_insert / cle_editor_print and
/// returns a libedit CC_* code (CC_REFRESH, CC_REDISPLAY, CC_REFRESH_BEEP, …).
typedef unsigned char (*CLECompletionCallback)(CLEEditor *editor, void *context,
                                               const char *line, int cursor);

/// Sets LC_CTYPE from the environment (libedit needs it for non-ASCII input); when that is not
/// UTF-8, tries C.UTF-8. Returns 1 when the character set is UTF-8.
int cle_setup_locale(void);

/// Installs (once) the SIGINT handler, which writes one byte to a self-pipe: every Ctrl-C of
/// the process, at the prompt or while statements run, arrives there. Returns the pipe's read
/// end (non-blocking), or -1 when it cannot be created.
int cle_interrupt_install(void);

/// Puts back the SIGINT handler that was there before cle_interrupt_install, and the SIGWINCH
/// one before cle_editor_create (the pipe stays open).
void cle_interrupt_uninstall(void);

/// The pipe's read end, or -1 before cle_interrupt_install.
int cle_interrupt_fd(void);

/// Reads everything pending on the pipe; returns the number of SIGINTs among it.
int cle_interrupt_drain(void);

/// Creates an editor on standard input / standard error with emacs bindings, an in-memory
/// history of `history_size` entries (consecutive duplicates collapsed), the interrupt pipe
/// installed and a SIGWINCH handler on the same pipe (a resize redraws the line). Returns NULL
/// when libedit cannot start.
CLEEditor *cle_editor_create(const char *program_name, int history_size);

/// Restores the terminal and frees the editor.
void cle_editor_destroy(CLEEditor *editor);

/// The prompt shown by the next read (copied).
void cle_editor_set_prompt(CLEEditor *editor, const char *prompt);

/// Reads one line. Returns it (UTF-8, without the final newline, owned by the editor, valid
/// until the next call) with *status CLE_READ_LINE, or NULL with another status.
const char *cle_editor_read_line(CLEEditor *editor, CLEReadStatus *status);

/// Adds an entry to the in-memory history.
void cle_editor_history_add(CLEEditor *editor, const char *entry);

/// Empties the in-memory history.
void cle_editor_history_clear(CLEEditor *editor);

/// Binds Tab to `callback` (NULL unbinds: Tab then inserts nothing and beeps).
void cle_editor_set_completion(CLEEditor *editor, CLECompletionCallback callback, void *context);

/// Inserts UTF-8 text at the cursor; returns 0 on success.
int cle_editor_insert(CLEEditor *editor, const char *text);

/// Deletes `count` characters (Unicode scalars) before the cursor.
void cle_editor_delete_before_cursor(CLEEditor *editor, int count);

/// Writes text to the editor's output (standard error), e.g. a list of completions.
void cle_editor_print(CLEEditor *editor, const char *text);

/// The terminal's width in columns (80 when unknown).
int cle_editor_columns(CLEEditor *editor);

#endif
