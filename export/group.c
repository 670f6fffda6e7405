#include <stdlib.h>

#include "export/internal.h"

static int has_theme(const struct store_excerpt *excerpt, int64_t theme)
{
	for (size_t i = 0; i < excerpt->theme_count; i++)
		if (excerpt->themes[i].id == theme)
			return 1;
	return 0;
}

static void add_member(struct export_group *group, size_t index)
{
	group->members =
	    xrealloc(group->members, (group->member_count + 1) * sizeof *group->members);
	group->members[group->member_count++] = index;
}

/* Keeps the group when it has members; returns the new count. */
static size_t keep(struct export_group *groups, size_t count)
{
	if (groups[count].member_count > 0)
		return count + 1;
	free(groups[count].members);
	return count;
}

static void by_theme(const struct export_request *request, struct export_group *groups,
		     size_t *count)
{
	for (size_t t = 0; t <= request->theme_count; t++) {
		int untagged = t == request->theme_count;
		if (untagged && !request->every_theme)
			break;
		struct export_group *group = &groups[*count];
		*group =
		    (struct export_group){untagged ? NULL : &request->themes[t], NULL, NULL, 0};
		for (size_t e = 0; e < request->excerpt_count; e++) {
			const struct store_excerpt *excerpt = &request->excerpts[e];
			if (untagged ? excerpt->theme_count == 0
				     : has_theme(excerpt, request->themes[t].id))
				add_member(group, e);
		}
		*count = keep(groups, *count);
	}
}

/* Excerpts come by speech, so a speech's excerpts are one run. */
static void by_speech(const struct export_request *request, struct export_group *groups,
		      size_t *count)
{
	for (size_t e = 0; e < request->excerpt_count; e++) {
		const struct store_excerpt *excerpt = &request->excerpts[e];
		if (*count == 0 || groups[*count - 1].speech->speech_id != excerpt->speech_id)
			groups[(*count)++] = (struct export_group){NULL, excerpt, NULL, 0};
		add_member(&groups[*count - 1], e);
	}
}

void export_groups(const struct export_request *request, struct export_group **groups,
		   size_t *count)
{
	*count = 0;
	/* At most one group per theme plus the untagged one, or per excerpt. */
	size_t most = request->grouping == EXPORT_BY_THEME ? request->theme_count + 1
							   : request->excerpt_count;
	*groups = xcalloc(most + 1, sizeof **groups);
	if (request->grouping == EXPORT_BY_THEME)
		by_theme(request, *groups, count);
	else
		by_speech(request, *groups, count);
}

void export_groups_free(struct export_group *groups, size_t count)
{
	for (size_t i = 0; i < count; i++)
		free(groups[i].members);
	free(groups);
}

size_t export_speech_count(const struct export_request *request)
{
	size_t count = 0;
	for (size_t e = 0; e < request->excerpt_count; e++)
		if (e == 0 || request->excerpts[e].speech_id != request->excerpts[e - 1].speech_id)
			count++;
	return count;
}
