#ifndef LEAFPRESS_CQRENCODE_SHIM_H
#define LEAFPRESS_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
