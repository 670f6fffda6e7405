/* Out of memory (base/buffer.h): the hook a front end registers runs once
 * before pizhu exits with status 1 and its message, so the reader can put
 * the terminal back first. Each case runs in a child process, which
 * exits. */
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/buffer.h"
#include "tap.h"

/* A failed allocation returns NULL under AddressSanitizer too, as it does
 * in a release build, rather than ending the test. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "allocator_may_return_null=1";
}

static int hook_pipe[2];

static void hook(void *context)
{
	/* What the hook does is seen by the parent, through the pipe. */
	const char *word = context;
	if (write(hook_pipe[1], word, strlen(word)) < 0)
		_exit(3);
	/* Running out again inside the hook must not call it again. */
	if (strcmp(word, "again") == 0)
		xmalloc(SIZE_MAX / 2);
}

/* Runs allocate() in a child with the hook set (or not) and returns its
 * exit status; *written receives what the hook wrote. */
static int run(void (*allocate)(void), const char *word, int unset, char *written, size_t size)
{
	fflush(stdout);
	if (pipe(hook_pipe) != 0)
		return -1;
	pid_t child = fork();
	if (child == 0) {
		close(hook_pipe[0]);
		if (!freopen("/dev/null", "w", stderr))
			_exit(4);
		out_of_memory_hook_set(hook, (void *)word);
		if (unset)
			out_of_memory_hook_set(NULL, NULL);
		allocate();
		_exit(0);
	}
	close(hook_pipe[1]);
	ssize_t got = read(hook_pipe[0], written, size - 1);
	written[got > 0 ? got : 0] = '\0';
	close(hook_pipe[0]);
	int status;
	waitpid(child, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void huge_malloc(void)
{
	xmalloc(SIZE_MAX / 2);
}

static void huge_calloc(void)
{
	xcalloc(SIZE_MAX / 16, 8);
}

static void huge_realloc(void)
{
	free(xrealloc(xmalloc(8), SIZE_MAX / 2));
}

static void huge_buffer(void)
{
	struct buffer buffer = {0};
	buffer_reserve(&buffer, SIZE_MAX / 2);
	buffer_free(&buffer);
}

/* An array whose size in bytes wraps round a size_t. */
static void wrapping_array(void)
{
	size_t capacity = 0;
	free(xgrow(NULL, &capacity, SIZE_MAX / 4, 8));
}

static void wrapping_buffer(void)
{
	struct buffer buffer = {0};
	buffer_append_string(&buffer, "x");
	buffer_reserve(&buffer, SIZE_MAX);
	buffer_free(&buffer);
}

static void enough(void)
{
	free(xmalloc(64));
}

int main(void)
{
	char written[64];
	is_int(run(huge_malloc, "malloc", 0, written, sizeof written), 1, "xmalloc exits 1");
	is_string(written, "malloc", "after calling the hook");
	is_int(run(huge_calloc, "calloc", 0, written, sizeof written), 1, "xcalloc exits 1");
	is_string(written, "calloc", "after calling the hook");
	is_int(run(huge_realloc, "realloc", 0, written, sizeof written), 1, "xrealloc exits 1");
	is_string(written, "realloc", "after calling the hook");
	is_int(run(huge_buffer, "buffer", 0, written, sizeof written), 1, "a buffer exits 1");
	is_string(written, "buffer", "after calling the hook");
	is_int(run(wrapping_array, "xgrow", 0, written, sizeof written), 1,
	       "an array too large to count in bytes exits 1");
	is_string(written, "xgrow", "after calling the hook");
	is_int(run(wrapping_buffer, "wrap", 0, written, sizeof written), 1,
	       "a buffer too large to count exits 1");
	is_string(written, "wrap", "after calling the hook");
	is_int(run(huge_malloc, "again", 0, written, sizeof written), 1,
	       "a hook that runs out itself exits 1");
	is_string(written, "again", "and the hook ran once");
	is_int(run(huge_malloc, "unset", 1, written, sizeof written), 1,
	       "with the hook unset, exit 1");
	is_string(written, "", "and no hook");
	is_int(run(enough, "enough", 0, written, sizeof written), 0, "enough memory: no exit");
	is_string(written, "", "and no hook");
	return tap_done();
}
