#include "output/staging.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace fs = std::filesystem;
using tiler::OutputTransaction;

namespace {

class TempDir {
public:
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "tiler-staging-XXXXXX").string();
        if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
        path_ = tmpl;
    }
    ~TempDir() { std::error_code ec; fs::remove_all(path_, ec); }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

void write(const fs::path& p, const std::string& content) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
}

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// Every file under `dir` with its content, "relative=content" lines, sorted.
std::string tree(const fs::path& dir) {
    std::vector<std::string> lines;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) lines.push_back(fs::relative(e.path(), dir).string() + "=" + read(e.path()));
    std::sort(lines.begin(), lines.end());
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

std::size_t staging_dirs(const fs::path& parent) {
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(parent))
        if (e.path().filename().string().find(".staging-") != std::string::npos) ++n;
    return n;
}

} // namespace

TEST(Staging, CommitCreatesOutput) {
    TempDir tmp;
    const fs::path out = tmp.path() / "deep" / "output";
    {
        OutputTransaction tx(out.string());
        EXPECT_EQ(tx.staging(), out.string() + ".staging-" + std::to_string(::getpid()));
        write(tx.path("a.txt"), "new a");
        write(tx.path("sub/b.txt"), "new b");
        EXPECT_FALSE(fs::exists(out));
        tx.commit();
        EXPECT_TRUE(tx.committed());
    }
    EXPECT_EQ(tree(out), "a.txt=new a\nsub/b.txt=new b\n");
    EXPECT_EQ(staging_dirs(out.parent_path()), 0U);
}

TEST(Staging, CommitReplacesPreviousOutput) {
    TempDir tmp;
    const fs::path out = tmp.path() / "output";
    write(out / "old.txt", "old");
    write(out / "keep.txt", "old keep");
    {
        OutputTransaction tx(out.string() + "/");   // a trailing slash names the same directory
        EXPECT_EQ(tx.out(), out.string());
        write(tx.path("keep.txt"), "new keep");
        tx.commit();
    }
    EXPECT_EQ(tree(out), "keep.txt=new keep\n");
    EXPECT_EQ(staging_dirs(tmp.path()), 0U);
}

TEST(Staging, FailureBeforeCommitLeavesPreviousOutputUntouched) {
    TempDir tmp;
    const fs::path out = tmp.path() / "output";
    write(out / "control.gpkg", std::string("\0\1binary\xff", 9));
    write(out / "tiles/x.txt", "tile");
    const std::string before = tree(out);
    try {
        OutputTransaction tx(out.string());
        write(tx.path("control.gpkg"), "half-written");
        write(tx.path("tiles/x.txt"), "other");
        throw std::runtime_error("disk full");
    } catch (const std::runtime_error&) {
    }
    EXPECT_EQ(tree(out), before);
    EXPECT_EQ(staging_dirs(tmp.path()), 0U);
}

TEST(Staging, StaleStagingOfDeadProcessIsRemoved) {
    TempDir tmp;
    const fs::path out = tmp.path() / "output";
    const fs::path dead = tmp.path() / "output.staging-999999999";   // above any pid_max: no such process
    const fs::path dead_old = tmp.path() / "output.staging-999999998-old";
    const fs::path alive = tmp.path() / ("output.staging-" + std::to_string(::getppid()));
    const fs::path other = tmp.path() / "output.staging-notapid";
    write(dead / "junk.txt", "junk");
    write(dead_old / "junk.txt", "junk");
    write(alive / "busy.txt", "busy");
    write(other / "x.txt", "x");
    {
        OutputTransaction tx(out.string());
        EXPECT_FALSE(fs::exists(dead));
        EXPECT_FALSE(fs::exists(dead_old));
        EXPECT_TRUE(fs::exists(alive / "busy.txt"));   // another run is writing there
        EXPECT_TRUE(fs::exists(other / "x.txt"));      // not ours
    }
    EXPECT_EQ(tiler::remove_stale_staging(out.string()), 0U);
}

TEST(Staging, PreviousAndReuse) {
    TempDir tmp;
    const fs::path out = tmp.path() / "output";
    write(out / "tiles/2024-11-26.mbtiles", "day 0 tiles");
    OutputTransaction tx(out.string());
    ASSERT_TRUE(tx.previous("tiles/2024-11-26.mbtiles").has_value());
    EXPECT_EQ(read(*tx.previous("tiles/2024-11-26.mbtiles")), "day 0 tiles");
    EXPECT_FALSE(tx.previous("tiles/2024-11-27.mbtiles").has_value());
    EXPECT_TRUE(tx.reuse("tiles/2024-11-26.mbtiles"));
    EXPECT_FALSE(tx.reuse("tiles/2024-11-27.mbtiles"));
    write(tx.path("new.txt"), "new");
    tx.commit();
    EXPECT_EQ(tree(out), "new.txt=new\ntiles/2024-11-26.mbtiles=day 0 tiles\n");
}

TEST(Staging, RejectsBadOutputPaths) {
    TempDir tmp;
    EXPECT_THROW(OutputTransaction(""), tiler::OutputError);
    EXPECT_THROW(OutputTransaction("/"), tiler::OutputError);
    const fs::path file = tmp.path() / "file";
    write(file, "x");
    EXPECT_THROW(OutputTransaction(file.string()), tiler::OutputError);
    EXPECT_EQ(read(file), "x");
}

TEST(Staging, CommitTwiceThrows) {
    TempDir tmp;
    OutputTransaction tx((tmp.path() / "o").string());
    tx.commit();
    EXPECT_THROW(tx.commit(), tiler::OutputError);
}
