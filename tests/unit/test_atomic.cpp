// Atomic file and directory replacement.
#include "archive/atomic.hpp"
#include "core/error.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace tiler;

namespace {
std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
fs::path fresh(const std::string& name) {
    const fs::path d = fs::temp_directory_path() / ("tiler_test_atomic_" + name);
    fs::remove_all(d);
    return d;
}
std::size_t entries(const fs::path& d) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(d), fs::directory_iterator()));
}
} // namespace

TEST(Atomic, FileIsReplacedOnlyOnCommit) {
    const fs::path dir = fresh("file");
    const std::string path = (dir / "sub" / "out.bin").string();   // parents created
    write_file_atomic(path, std::string("one\0two", 7));
    EXPECT_EQ(read_all(path), std::string("one\0two", 7));
    {
        AtomicFile f(path);
        write_file(f.temp_path(), "unfinished");
        EXPECT_EQ(read_all(path), std::string("one\0two", 7));
    }   // not committed: temporary removed, target kept
    EXPECT_EQ(read_all(path), std::string("one\0two", 7));
    EXPECT_EQ(entries(dir / "sub"), 1u);
    EXPECT_THROW(write_file((dir / "missing" / "x").string(), "x"), OutputError);
}

TEST(Atomic, DirectorySwap) {
    const fs::path dir = fresh("dir");
    const fs::path target = dir / "tiles";
    {
        AtomicDirectory d(target.string());
        write_file((fs::path(d.temp_path()) / "a").string(), "1");
        d.commit();
    }
    {
        AtomicDirectory d(target.string());
        write_file((fs::path(d.temp_path()) / "b").string(), "2");
    }   // abandoned
    EXPECT_TRUE(fs::exists(target / "a"));
    EXPECT_EQ(entries(dir), 1u);
    {
        AtomicDirectory d(target.string());
        write_file((fs::path(d.temp_path()) / "b").string(), "2");
        d.commit();
    }
    EXPECT_FALSE(fs::exists(target / "a"));
    EXPECT_EQ(read_all(target / "b"), "2");
    EXPECT_EQ(entries(dir), 1u);
}
