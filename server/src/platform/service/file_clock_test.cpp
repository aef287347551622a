// HOUQIN_FAKE_NOW_FILE: a running server's clock follows the file a test rewrites.
#include "platform/service/file_clock.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/clock_source.h"
#include "core/time.h"

namespace houqin {
namespace {

class FileClockTest : public ::testing::Test {
  protected:
    void SetUp() override {
        char folder[] = "/tmp/houqin-clock-XXXXXX";
        folder_ = mkdtemp(folder);
        path_ = folder_ + "/now";
    }
    void TearDown() override {
        SetClockSource(nullptr);  // the other tests' clocks are the system's again
        std::error_code ignored;
        std::filesystem::remove_all(folder_, ignored);
    }
    // As a test does: a new file renamed over the old one.
    void Write(const std::string& text) const {
        const auto temporary = path_ + ".tmp";
        std::ofstream(temporary) << text;
        std::filesystem::rename(temporary, path_);
    }

    std::string folder_;
    std::string path_;
};

TEST_F(FileClockTest, AnUnfixedClockReadsTheFileAgainWhenItChanges) {
    Write("2027-06-01T10:00:00+08:00\n");
    ASSERT_FALSE(UseClockFile(path_).has_value());
    const Clock clock;
    EXPECT_EQ(clock.Now(), *Instant::ParseIso("2027-06-01T10:00:00+08:00"));
    EXPECT_EQ(clock.Now(), clock.Now()) << "the time stands still until the file changes";
    Write("2027-06-09T10:00:00+08:00");
    EXPECT_EQ(clock.Now(), *Instant::ParseIso("2027-06-09T10:00:00+08:00"));
    // A fixed clock keeps its time.
    EXPECT_EQ(Clock(*Instant::ParseIso("2020-01-01T00:00:00Z")).Now(), *Instant::ParseIso("2020-01-01T00:00:00Z"));
}

TEST_F(FileClockTest, AFileWithoutATimeLeavesTheLastOneInForce) {
    Write("2027-06-01T10:00:00+08:00");
    ASSERT_FALSE(UseClockFile(path_).has_value());
    Write("tomorrow");
    EXPECT_EQ(Clock().Now(), *Instant::ParseIso("2027-06-01T10:00:00+08:00"));
    Write("2027-06-02T10:00:00+08:00");
    EXPECT_EQ(Clock().Now(), *Instant::ParseIso("2027-06-02T10:00:00+08:00"));
}

TEST_F(FileClockTest, AFileThatHoldsNoTimeIsRefusedAtTheStart) {
    Write("now");
    const auto refused = UseClockFile(path_);
    ASSERT_TRUE(refused.has_value());
    EXPECT_NE(refused->find("ISO time"), std::string::npos);
    EXPECT_TRUE(UseClockFile(folder_ + "/missing").has_value());
}

}  // namespace
}  // namespace houqin
