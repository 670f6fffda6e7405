#include "speech/outline.h"

#include "base/buffer.h"

void outline_build(struct speech *speech)
{
	size_t capacity = 0;
	size_t stack[PARAGRAPH_RANK_MAX + 2];
	size_t height = 0;
	speech->outline = xgrow(NULL, &capacity, 1, sizeof *speech->outline);
	speech->outline[0] = (struct outline_entry){0, 0, -1, speech->paragraph_count};
	speech->outline_count = 1;
	stack[height++] = 0;
	for (size_t i = 1; i < speech->paragraph_count; i++) {
		struct paragraph *paragraph = &speech->paragraphs[i];
		if (paragraph->role == PARAGRAPH_HEADING) {
			while (
			    height > 1 &&
			    speech->paragraphs[speech->outline[stack[height - 1]].paragraph].rank >=
				paragraph->rank) {
				speech->outline[stack[height - 1]].end_paragraph = i;
				height--;
			}
			size_t parent = stack[height - 1];
			speech->outline = xgrow(speech->outline, &capacity,
						speech->outline_count + 1, sizeof *speech->outline);
			int depth = speech->outline[parent].depth + 1;
			speech->outline[speech->outline_count] =
			    (struct outline_entry){i, depth, (long)parent, speech->paragraph_count};
			paragraph->depth = (signed char)depth;
			stack[height++] = speech->outline_count++;
		}
		paragraph->section = (uint32_t)stack[height - 1];
	}
}
