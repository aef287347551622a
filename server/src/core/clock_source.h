#pragma once
// For tests only: where a clock that is not fixed reads the time instead of the system clock, so a test can move the
// time of a running server (HOUQIN_FAKE_NOW_FILE, platform/service/file_clock.h). Set once by main.cpp before any
// thread starts, never in production: without HOUQIN_FAKE_NOW_FILE the source stays empty.
//
// A process-wide source rather than a member of Clock: every ServiceContext holds its Clock by value (the demo data
// copies fixed ones for its past days), and only the server's own unfixed clock must follow the file; keeping Clock
// as it is also keeps core/time.h, which every file includes, out of the change.
#include "core/time.h"

namespace houqin {

// A function returning the time; nullptr: the system clock.
using TimeSourceFunction = Instant (*)();

// Installs `source` for every unfixed Clock of the process. Call before any thread reads a clock.
void SetClockSource(TimeSourceFunction source);

}  // namespace houqin
