/* target.h — whether an export may be written to a file that is there.
 *
 * An export replaces its file whole (base/atomic_file.h), so a wrong -o
 * would lose the file in one step. Never written over, even with force:
 * the open library, its -wal, -shm and -journal files (by name and by
 * inode, so a link or another spelling of the path is caught), and any
 * SQLite database (pizhu libraries among them). Written over without
 * force only: a missing or empty file, or an earlier pizhu export,
 * recognised by how each format begins (docs/export.md): Markdown's
 * "# Excerpts" heading, the CSV and matrix header rows (after an
 * optional byte order mark), a JSON Lines record starting
 * {"citation":, and HTML with <meta name="generator" content="pizhu"/>
 * in its head. */
#ifndef PIZHU_EXPORT_TARGET_H
#define PIZHU_EXPORT_TARGET_H

#include "base/error.h"

/* 0 when the export may be written to path, else -1 with a message that
 * names the path and, where it helps, --force. library may be NULL. */
int export_target_check(const char *path, const char *library, int force, struct error *error);

/* 1 when bytes[0..length) begin like an export pizhu wrote. */
int export_is_earlier_export(const char *bytes, size_t length);

#endif
