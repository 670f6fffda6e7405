#include "formats/package.h"

#include <stdlib.h>

#include "base/buffer.h"
#include "base/i18n.h"
#include "formats/zip_library.h"

struct package {
	zip_t *zip;
	uint64_t bytes_read; /* by every package_read, against PACKAGE_MAX_TOTAL_BYTES */
};

int package_open(const unsigned char *bytes, size_t length, struct package **result,
		 struct error *error)
{
	if (!zip_library(error))
		return -1;
	zip_error_t problem;
	zip_library_loaded.zip_error_init(&problem);
	zip_source_t *source =
	    zip_library_loaded.zip_source_buffer_create(bytes, length, 0, &problem);
	if (!source) {
		zip_library_loaded.zip_error_fini(&problem);
		return error_set(error, _("cannot read the zip package"));
	}
	zip_t *zip = zip_library_loaded.zip_open_from_source(source, ZIP_RDONLY, &problem);
	if (!zip) {
		zip_library_loaded.zip_source_free(source);
		int status = error_set(error, _("damaged zip package (%s)"),
				       zip_library_loaded.zip_error_strerror(&problem));
		zip_library_loaded.zip_error_fini(&problem);
		return status;
	}
	zip_library_loaded.zip_error_fini(&problem);
	struct package *package = xcalloc(1, sizeof *package);
	package->zip = zip;
	*result = package;
	return 0;
}

int package_read(struct package *package, const char *name, size_t limit, char **data, size_t *size,
		 struct error *error)
{
	*data = NULL;
	*size = 0;
	zip_int64_t index = zip_library_loaded.zip_name_locate(package->zip, name, 0);
	if (index < 0)
		return 1;
	zip_stat_t status;
	zip_library_loaded.zip_stat_init(&status);
	if (zip_library_loaded.zip_stat_index(package->zip, (zip_uint64_t)index, 0, &status) != 0 ||
	    !(status.valid & ZIP_STAT_SIZE) || !(status.valid & ZIP_STAT_COMP_SIZE))
		return error_set(error, _("damaged zip package (%s)"), name);
	if (limit > PACKAGE_MAX_PART_BYTES)
		limit = PACKAGE_MAX_PART_BYTES;
	if (status.size > limit)
		return error_set(error, _("%s is too large (%llu bytes unpacked; at most %zu)"),
				 name, (unsigned long long)status.size, limit);
	if (status.size > PACKAGE_RATIO_FROM_BYTES &&
	    status.size / (status.comp_size ? status.comp_size : 1) > PACKAGE_MAX_RATIO)
		return error_set(
		    error, _("%s unpacks %llu times its size: refused as a zip bomb"), name,
		    (unsigned long long)(status.size / (status.comp_size ? status.comp_size : 1)));
	if (package->bytes_read + status.size > PACKAGE_MAX_TOTAL_BYTES)
		return error_set(error, _("the package unpacks to more than %d bytes: refused"),
				 PACKAGE_MAX_TOTAL_BYTES);
	zip_file_t *file = zip_library_loaded.zip_fopen_index(package->zip, (zip_uint64_t)index, 0);
	if (!file)
		return error_set(error, _("cannot read %s (%s)"), name,
				 zip_library_loaded.zip_strerror(package->zip));
	/* One byte more than declared: a part longer than it says is found. */
	size_t capacity = (size_t)status.size + 1;
	char *buffer = xmalloc(capacity + 1);
	size_t got = 0;
	int failed = 0;
	while (got < capacity) {
		zip_int64_t n = zip_library_loaded.zip_fread(file, buffer + got, capacity - got);
		if (n < 0) {
			failed = error_set(error, _("damaged zip package (%s: %s)"), name,
					   zip_library_loaded.zip_error_strerror(
					       zip_library_loaded.zip_file_get_error(file)));
			break;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	zip_library_loaded.zip_fclose(file);
	if (!failed && got != status.size)
		failed =
		    error_set(error, _("damaged zip package (%s is not the size it says)"), name);
	if (failed) {
		free(buffer);
		return -1;
	}
	buffer[got] = '\0';
	package->bytes_read += got;
	*data = buffer;
	*size = got;
	return 0;
}

void package_close(struct package *package)
{
	if (!package)
		return;
	zip_library_loaded.zip_discard(package->zip);
	free(package);
}
