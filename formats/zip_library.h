/* zip_library.h — libzip, loaded when pizhu first opens a zip package (a
 * .docx) rather than when it starts: libzip brings OpenSSL's libcrypto
 * (for encrypted archives, which pizhu never opens), ≈1.5 MiB resident in
 * every run of pizhu (docs/performance.md). package.c calls libzip through
 * this table. */
#ifndef PIZHU_FORMATS_ZIP_LIBRARY_H
#define PIZHU_FORMATS_ZIP_LIBRARY_H

#include <zip.h>

#include "base/error.h"

#define ZIP_LIBRARY_FUNCTIONS(F)                                                                   \
	F(zip_error_init)                                                                          \
	F(zip_error_fini)                                                                          \
	F(zip_error_strerror)                                                                      \
	F(zip_source_buffer_create)                                                                \
	F(zip_source_free)                                                                         \
	F(zip_open_from_source)                                                                    \
	F(zip_name_locate)                                                                         \
	F(zip_stat_init)                                                                           \
	F(zip_stat_index)                                                                          \
	F(zip_fopen_index)                                                                         \
	F(zip_strerror)                                                                            \
	F(zip_fread)                                                                               \
	F(zip_file_get_error)                                                                      \
	F(zip_fclose)                                                                              \
	F(zip_discard)

struct zip_library {
#define ZIP_LIBRARY_FIELD(name) __typeof__(name) *name;
	ZIP_LIBRARY_FUNCTIONS(ZIP_LIBRARY_FIELD)
#undef ZIP_LIBRARY_FIELD
};

/* Loads the library on the first call (thread-safe) and returns
 * &zip_library_loaded; NULL when it cannot be loaded, with a message. */
const struct zip_library *zip_library(struct error *error);

/* The functions, once zip_library has returned them. */
extern struct zip_library zip_library_loaded;

#endif
