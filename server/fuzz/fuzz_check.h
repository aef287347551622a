#pragma once
// A property a fuzz target checks beyond "no crash": when it fails, libFuzzer keeps the input as a crash.
#include <cstdio>
#include <cstdlib>

#define HOUQIN_FUZZ_CHECK(condition)                                                              \
    do {                                                                                          \
        if (!(condition)) {                                                                       \
            std::fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #condition); \
            std::abort();                                                                         \
        }                                                                                         \
    } while (false)
