/* Two processes writing to one library at once: the busy timeout makes
 * the second wait, so every change of both lands and the file stays
 * sound. Correctness does not depend on how the two interleave. */
#include <sys/wait.h>

#include "store/annotation.h"
#include "store/theme.h"
#include "store_test.h"

enum { PARAGRAPHS = 60 };

static int writer(const char *theme_name, int start_fd)
{
	char go;
	if (read(start_fd, &go, 1) != 1)
		return 2;
	struct store *store;
	struct error error = {{0}};
	if (store_open(test_path("shared.db"), STORE_OPEN_EXISTING, &store, &error) != 0) {
		fprintf(stderr, "child: %s\n", error.message);
		return 1;
	}
	int64_t theme;
	int status = store_theme_find(store, theme_name, &theme, &error);
	for (size_t p = 1; status == 0 && p <= PARAGRAPHS; p++)
		status = store_tag_add(store, 1, p, theme, NULL, &error);
	if (status != 0)
		fprintf(stderr, "child %s: %s\n", theme_name, error.message);
	store_close(store);
	return status == 0 ? 0 : 1;
}

int main(void)
{
	struct store *store = test_store_open("shared.db");
	struct error error = {{0}};
	test_themes_install(store);
	char text[PARAGRAPHS * 32 + 16] = "标题\n";
	for (int p = 1; p <= PARAGRAPHS; p++)
		snprintf(text + strlen(text), sizeof text - strlen(text), "第%d段。\n", p);
	is_int(test_import(store, NULL, text, NULL), 1, "speech imported");
	store_close(store);

	int start[2];
	if (pipe(start) != 0)
		return 1;
	fflush(stdout);
	const char *themes[] = {"民生", "党建"};
	pid_t children[2];
	for (int i = 0; i < 2; i++) {
		children[i] = fork();
		if (children[i] == 0) {
			close(start[1]);
			_exit(writer(themes[i], start[0]));
		}
	}
	close(start[0]);
	/* Release both writers together. */
	if (write(start[1], "gg", 2) != 2)
		return 1;
	close(start[1]);
	for (int i = 0; i < 2; i++) {
		int status;
		waitpid(children[i], &status, 0);
		ok(WIFEXITED(status) && WEXITSTATUS(status) == 0, "writer %s succeeded", themes[i]);
	}

	store = test_store_open("shared.db");
	struct store_tag *tags;
	size_t count;
	store_tags_list(store, 1, &tags, &count, &error);
	is_int(count, 2 * PARAGRAPHS, "every tag of both writers is there");
	store_tags_free(tags, count);
	char *report;
	store_check(store, &report, &error);
	is_string(report, "ok", "integrity check");
	free(report);
	store_close(store);
	return tap_done();
}
