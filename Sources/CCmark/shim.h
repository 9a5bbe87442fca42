#ifndef LEAFPRESS_CCMARK_SHIM_H
#define LEAFPRESS_CCMARK_SHIM_H
#include <cmark.h>
#endif
