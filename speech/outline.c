#include "speech/outline.h"

#include <stdlib.h>

#include "base/buffer.h"

/* Clamped to 1 .. PARAGRAPH_RANK_MAX, which bounds the stack below even
 * for a model a damaged library gave. */
static int level_of(const struct speech *speech, const int *levels, size_t paragraph)
{
	int level = levels ? levels[paragraph] : speech->paragraphs[paragraph].rank;
	return level < 1 ? 1 : level > PARAGRAPH_RANK_MAX ? PARAGRAPH_RANK_MAX : level;
}

void outline_build_by_level(struct speech *speech, const int *levels)
{
	size_t capacity = 0;
	/* Levels strictly rise up the stack, and none exceeds
	 * PARAGRAPH_RANK_MAX: the title and one heading a level fit. */
	size_t stack[PARAGRAPH_RANK_MAX + 2];
	size_t height = 0;
	free(speech->outline);
	speech->outline = xgrow(NULL, &capacity, 1, sizeof *speech->outline);
	speech->outline[0] = (struct outline_entry){0, 0, -1, speech->paragraph_count};
	speech->outline_count = 1;
	stack[height++] = 0;
	/* The back matter at the end is no part of the last section: every
	 * section ends before it, and it lies under the title alone. */
	size_t tail = speech->paragraph_count;
	while (tail > 1 && speech->paragraphs[tail - 1].role == PARAGRAPH_BACK_MATTER)
		tail--;
	for (size_t i = 1; i < speech->paragraph_count; i++) {
		struct paragraph *paragraph = &speech->paragraphs[i];
		if (i == tail)
			while (height > 1)
				speech->outline[stack[--height]].end_paragraph = i;
		if (paragraph->role == PARAGRAPH_HEADING) {
			int level = level_of(speech, levels, i);
			while (height > 1 &&
			       level_of(speech, levels,
					speech->outline[stack[height - 1]].paragraph) >= level) {
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

void outline_build(struct speech *speech)
{
	outline_build_by_level(speech, NULL);
}
