/* driver.c — a main() for a fuzz harness without libFuzzer: runs
 * LLVMFuzzerTestOneInput once on each file named on the command line (a
 * directory stands for the files in it). Used by make check to replay the
 * regression inputs with gcc's sanitizers, and by make check-valgrind. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tests/fuzz/fuzz.h"

/* Weak: a harness that needs no set-up does not define it. */
__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static int run_file(const char *path)
{
	FILE *file = fopen(path, "rb");
	if (!file) {
		perror(path);
		return 1;
	}
	size_t capacity = 4096, length = 0;
	unsigned char *data = malloc(capacity);
	size_t got;
	while (data && (got = fread(data + length, 1, capacity - length, file)) > 0) {
		length += got;
		if (length == capacity)
			data = realloc(data, capacity *= 2);
	}
	fclose(file);
	if (!data) {
		fprintf(stderr, "%s: out of memory\n", path);
		return 1;
	}
	/* An exact-size copy, so a read past the end is caught. */
	unsigned char *exact = malloc(length ? length : 1);
	if (length)
		memcpy(exact, data, length);
	free(data);
	LLVMFuzzerTestOneInput(exact, length);
	free(exact);
	return 0;
}

static int compare(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_directory(const char *path)
{
	DIR *directory = opendir(path);
	if (!directory) {
		perror(path);
		return 1;
	}
	char **names = NULL;
	size_t count = 0;
	struct dirent *entry;
	while ((entry = readdir(directory))) {
		if (entry->d_name[0] == '.')
			continue;
		names = realloc(names, (count + 1) * sizeof *names);
		size_t size = strlen(path) + strlen(entry->d_name) + 2;
		names[count] = malloc(size);
		snprintf(names[count++], size, "%s/%s", path, entry->d_name);
	}
	closedir(directory);
	if (count)
		qsort(names, count, sizeof *names, compare);
	int failed = 0;
	for (size_t i = 0; i < count; i++) {
		failed |= run_file(names[i]);
		free(names[i]);
	}
	free(names);
	return failed;
}

int main(int argc, char **argv)
{
	LLVMFuzzerInitialize(&argc, &argv);
	int failed = 0, inputs = 0;
	for (int i = 1; i < argc; i++) {
		struct stat status;
		if (stat(argv[i], &status) != 0) {
			perror(argv[i]);
			failed = 1;
			continue;
		}
		failed |= S_ISDIR(status.st_mode) ? run_directory(argv[i]) : run_file(argv[i]);
		inputs++;
	}
	fprintf(stderr, "%s: replayed %d argument%s\n", argv[0], inputs, inputs == 1 ? "" : "s");
	return failed;
}
