#include "base/atomic_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buffer.h"
#include "base/i18n.h"

/* The permissions of the existing target, or those of a new file. */
static mode_t target_mode(const char *path, struct error *error, int *failed)
{
	struct stat status;
	*failed = 0;
	if (stat(path, &status) == 0) {
		if (S_ISDIR(status.st_mode))
			*failed = error_set(error, _("%s: is a directory"), path);
		else if (!S_ISREG(status.st_mode))
			*failed = error_set(error, _("%s: not a regular file"), path);
		return status.st_mode & 07777;
	}
	if (errno != ENOENT)
		*failed = error_set(error, "%s: %s", path, i18n_strerror(errno));
	mode_t mask = umask(0);
	umask(mask);
	return 0666 & ~mask;
}

int atomic_file_open(const char *path, struct atomic_file *file, struct error *error)
{
	memset(file, 0, sizeof *file);
	/* Writing through a symbolic link replaces what it points at, not the
	 * link. */
	char *resolved = realpath(path, NULL);
	struct stat link;
	file->path =
	    resolved && lstat(path, &link) == 0 && S_ISLNK(link.st_mode) ? resolved : xstrdup(path);
	if (file->path != resolved)
		free(resolved);
	int failed;
	mode_t mode = target_mode(file->path, error, &failed);
	if (failed) {
		atomic_file_abort(file);
		return -1;
	}
	const char *slash = strrchr(file->path, '/');
	struct buffer temporary = {0};
	if (slash)
		buffer_printf(&temporary, "%.*s/.%s.XXXXXX", (int)(slash - file->path), file->path,
			      slash + 1);
	else
		buffer_printf(&temporary, ".%s.XXXXXX", file->path);
	file->temporary = buffer_string(&temporary);
	int descriptor = mkostemp(file->temporary, O_CLOEXEC);
	if (descriptor < 0) {
		error_set(error, "%s: %s", file->path, i18n_strerror(errno));
		free(file->temporary);
		file->temporary = NULL;
		atomic_file_abort(file);
		return -1;
	}
	if (fchmod(descriptor, mode) != 0 || !(file->stream = fdopen(descriptor, "w"))) {
		error_set(error, "%s: %s", file->path, i18n_strerror(errno));
		close(descriptor);
		atomic_file_abort(file);
		return -1;
	}
	return 0;
}

/* Makes the rename itself durable; a directory that cannot be synced
 * (some file systems) is not an error. */
static void sync_directory(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *directory =
	    slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
	int descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (descriptor >= 0) {
		fsync(descriptor);
		close(descriptor);
	}
	free(directory);
}

int atomic_file_commit(struct atomic_file *file, struct error *error)
{
	int status = 0;
	if (fflush(file->stream) != 0 || ferror(file->stream) || fsync(fileno(file->stream)) != 0)
		status = error_set(error, "%s: %s", file->path, i18n_strerror(errno ? errno : EIO));
	if (fclose(file->stream) != 0 && status == 0)
		status = error_set(error, "%s: %s", file->path, i18n_strerror(errno));
	file->stream = NULL;
	if (status == 0 && rename(file->temporary, file->path) != 0)
		status = error_set(error, "%s: %s", file->path, i18n_strerror(errno));
	if (status != 0) {
		atomic_file_abort(file);
		return -1;
	}
	sync_directory(file->path);
	free(file->temporary);
	free(file->path);
	memset(file, 0, sizeof *file);
	return 0;
}

void atomic_file_abort(struct atomic_file *file)
{
	if (file->stream)
		fclose(file->stream);
	if (file->temporary)
		unlink(file->temporary);
	free(file->temporary);
	free(file->path);
	memset(file, 0, sizeof *file);
}
