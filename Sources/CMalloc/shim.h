// glibc's allocator controls (malloc_trim), which Swift's Glibc module leaves out.
// Part of the C library itself: nothing to link.
#include <malloc.h>
