#include "base/thread_priority.h"

#include <sys/resource.h>
#include <unistd.h>

void thread_priority_lower(int niceness)
{
#ifdef __linux__
	setpriority(PRIO_PROCESS, (id_t)gettid(), niceness);
#else
	(void)niceness;
#endif
}
