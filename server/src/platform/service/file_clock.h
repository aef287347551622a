#pragma once
// For tests only (HOUQIN_FAKE_NOW_FILE): the server's time is the one written in a file, read again whenever the file
// changes, so an API test moves the time of the running server by rewriting the file instead of starting another
// server (STYLE.md: "a test moves the clock, it does not restart the server"). There is no HTTP route to the clock:
// only who can write the file can move it.
#include <optional>
#include <string>

namespace houqin {

// Reads `path`, which holds an ISO time with offset (as HOUQIN_FAKE_NOW: 2027-06-01T10:00:00+08:00), and makes every
// unfixed Clock of the process read it from then on: on each Now() the file's identity, size and modification time
// are looked at (one stat) and the file is read again when they changed. A file caught half-written, or holding no such
// time, leaves the last time read in force. Returns why not when the file cannot be read or holds no such time now.
std::optional<std::string> UseClockFile(const std::string& path);

}  // namespace houqin
