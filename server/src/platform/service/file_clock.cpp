#include "platform/service/file_clock.h"

#include <sys/stat.h>

#include <fstream>
#include <mutex>
#include <tuple>

#include "core/clock_source.h"
#include "core/time.h"

namespace houqin {
namespace {

// What tells that the file changed: a test writes a new file and renames it over the old one (a new inode), or
// rewrites it in place (a new size or modification time).
using FileVersion = std::tuple<ino_t, std::int64_t, std::int64_t, off_t>;

struct ClockFile {
    std::mutex mutex;
    std::string path;
    std::optional<FileVersion> version;
    Instant now;
};

ClockFile& TheClockFile() {
    static ClockFile file;
    return file;
}

std::optional<FileVersion> VersionOf(const std::string& path) {
    struct stat info {};
    if (stat(path.c_str(), &info) != 0) return std::nullopt;
    return FileVersion{info.st_ino, info.st_mtim.tv_sec, info.st_mtim.tv_nsec, info.st_size};
}

std::optional<Instant> ReadInstant(const std::string& path) {
    std::ifstream in(path);
    std::string text;
    if (!std::getline(in, text)) return std::nullopt;
    const auto first = text.find_first_not_of(" \t\r");
    const auto last = text.find_last_not_of(" \t\r");
    if (first == std::string::npos) return std::nullopt;
    return Instant::ParseIso(text.substr(first, last - first + 1));
}

Instant NowFromClockFile() {
    auto& file = TheClockFile();
    const std::lock_guard lock(file.mutex);
    const auto version = VersionOf(file.path);
    if (version && version != file.version) {
        // Kept only when read whole: a half-written file is read again at the next call.
        if (const auto instant = ReadInstant(file.path)) {
            file.now = *instant;
            file.version = version;
        }
    }
    return file.now;
}

}  // namespace

std::optional<std::string> UseClockFile(const std::string& path) {
    const auto instant = ReadInstant(path);
    if (!instant) return path + " holds no ISO time with offset (e.g. 2027-06-01T10:00:00+08:00)";
    auto& file = TheClockFile();
    {
        const std::lock_guard lock(file.mutex);
        file.path = path;
        file.version = VersionOf(path);
        file.now = *instant;
    }
    SetClockSource(&NowFromClockFile);
    return std::nullopt;
}

}  // namespace houqin
