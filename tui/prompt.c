/* prompt.c — the prompt and the yes/no question. */
#include "tui/prompt.h"

#include <curses.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "base/buffer.h"
#include "tui/colors.h"
#include "tui/draw.h"

enum { PROMPT_MAX_CHARACTERS = 512 };

struct prompt {
	char *label;
	wchar_t input[PROMPT_MAX_CHARACTERS];
	size_t length;
	prompt_done *done;
	void *context;
};

struct prompt_arguments {
	const char *label, *initial;
	prompt_done *done;
	void *context;
};

static void append_wide(struct buffer *out, const wchar_t *input, size_t length)
{
	char bytes[MB_LEN_MAX];
	mbstate_t state;
	memset(&state, 0, sizeof state);
	for (size_t i = 0; i < length; i++) {
		size_t count = wcrtomb(bytes, input[i], &state);
		if (count != (size_t)-1)
			buffer_append(out, bytes, count);
	}
}

static int prompt_open_state(struct view *view, const void *arguments, struct error *error)
{
	(void)error;
	const struct prompt_arguments *given = arguments;
	struct prompt *prompt = view->state;
	prompt->label = xstrdup(given->label);
	prompt->done = given->done;
	prompt->context = given->context;
	if (!given->initial)
		return 0;
	mbstate_t state;
	memset(&state, 0, sizeof state);
	const char *cursor = given->initial;
	size_t left = strlen(given->initial);
	while (left > 0 && prompt->length + 1 < PROMPT_MAX_CHARACTERS) {
		wchar_t character;
		size_t used = mbrtowc(&character, cursor, left, &state);
		if (used == 0 || used > left)
			break;
		prompt->input[prompt->length++] = character;
		cursor += used;
		left -= used;
	}
	return 0;
}

static void prompt_draw(struct view *view)
{
	const struct prompt *prompt = view->state;
	int y = LINES - 1, width = COLS;
	struct buffer text = {0};
	buffer_append_string(&text, prompt->label);
	append_wide(&text, prompt->input, prompt->length);
	draw_fill(stdscr, y, 0, width, ' ', colors_attr(ELEMENT_TEXT));
	/* Show the end of a long input. */
	size_t start = 0;
	int total = draw_width(text.data, text.length);
	while (total > width - 1 && start < text.length) {
		size_t step = 1;
		while (start + step < text.length &&
		       ((unsigned char)text.data[start + step] & 0xC0) == 0x80)
			step++;
		total -= draw_width(text.data + start, step);
		start += step;
	}
	int column = draw_text(stdscr, y, 0, text.data + start, text.length - start, width - 1,
			       colors_attr(ELEMENT_TEXT));
	move(y, column);
	buffer_free(&text);
}

/* Hands the answer (or NULL) to the opener. */
static enum view_result finish(struct prompt *prompt, int accepted)
{
	char *answer = NULL;
	if (accepted) {
		struct buffer result = {0};
		append_wide(&result, prompt->input, prompt->length);
		answer = buffer_string(&result);
	}
	prompt->done(prompt->context, answer);
	return VIEW_CLOSE;
}

static enum view_result prompt_key(struct view *view, const struct view_key *key)
{
	struct prompt *prompt = view->state;
	switch (view_key_request(key, PANE_PROMPT)) {
	case REQUEST_PROMPT_ACCEPT:
		return finish(prompt, 1);
	case REQUEST_PROMPT_CANCEL:
		return finish(prompt, 0);
	case REQUEST_PROMPT_ERASE:
		if (prompt->length == 0)
			return finish(prompt, 0);
		prompt->length--;
		return VIEW_HANDLED;
	case REQUEST_PROMPT_CLEAR:
		prompt->length = 0;
		return VIEW_HANDLED;
	default:
		break;
	}
	if (key->kind == OK && key->code >= 0x20 && key->code != 0x7F &&
	    prompt->length + 1 < PROMPT_MAX_CHARACTERS)
		prompt->input[prompt->length++] = (wchar_t)key->code;
	return VIEW_HANDLED;
}

static void prompt_close(struct view *view)
{
	struct prompt *prompt = view->state;
	free(prompt->label);
}

static const struct view_ops prompt_ops = {
    .name = "prompt",
    .state_size = sizeof(struct prompt),
    .overlay = 1,
    .cursor = 1,
    .open = prompt_open_state,
    .draw = prompt_draw,
    .key = prompt_key,
    .close = prompt_close,
};

struct view *prompt_open(struct view_driver *driver, const char *label, const char *initial,
			 prompt_done *done, void *context)
{
	struct prompt_arguments arguments = {label, initial, done, context};
	struct error error;
	return view_open(driver, &prompt_ops, &arguments, &error);
}

struct question {
	char *text; /* or NULL: the opener shows it */
	question_done *done;
	void *context;
};

static int question_open_state(struct view *view, const void *arguments, struct error *error)
{
	(void)error;
	const struct question *given = arguments;
	struct question *question = view->state;
	*question = *given;
	if (given->text)
		question->text = xstrdup(given->text);
	return 0;
}

static void question_draw(struct view *view)
{
	const struct question *question = view->state;
	if (!question->text)
		return;
	draw_fill(stdscr, LINES - 1, 0, COLS, ' ', colors_attr(ELEMENT_STATUS_MESSAGE));
	draw_text(stdscr, LINES - 1, 1, question->text, strlen(question->text), COLS - 2,
		  colors_attr(ELEMENT_STATUS_MESSAGE));
}

static enum view_result question_key(struct view *view, const struct view_key *key)
{
	struct question *question = view->state;
	question->done(question->context,
		       view_key_request(key, PANE_QUESTION) == REQUEST_ANSWER_YES);
	return VIEW_CLOSE;
}

static void question_close(struct view *view)
{
	struct question *question = view->state;
	free(question->text);
}

static const struct view_ops question_ops = {
    .name = "question",
    .state_size = sizeof(struct question),
    .overlay = 1,
    .open = question_open_state,
    .draw = question_draw,
    .key = question_key,
    .close = question_close,
};

struct view *question_open(struct view_driver *driver, const char *text, question_done *done,
			   void *context)
{
	struct question arguments = {(char *)text, done, context};
	struct error error;
	return view_open(driver, &question_ops, &arguments, &error);
}
