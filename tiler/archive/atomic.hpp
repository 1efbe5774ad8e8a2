#pragma once
// Atomic output: write to a temporary name next to the target, then rename over it. A failed or killed run
// leaves the previous file (or directory) as it was; a leftover temporary is removed by the destructor.
#include <string>
#include <string_view>

namespace tiler {

/// A temporary file `<path>.tmp-<pid>` in the target's directory, renamed onto `path` by commit().
/// The parent directory is created if missing.
class AtomicFile {
public:
    explicit AtomicFile(std::string path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    const std::string& temp_path() const { return temp_; }
    const std::string& path() const { return path_; }
    /// Renames the temporary onto the target. Throws OutputError.
    void commit();

private:
    std::string path_;
    std::string temp_;
    bool committed_ = false;
};

/// A temporary directory `<dir>.tmp-<pid>`, swapped in for `dir` by commit(). The swap is two renames (old
/// out of the way, new in), so a reader may briefly see no directory, never a half-written one.
class AtomicDirectory {
public:
    explicit AtomicDirectory(std::string dir);
    ~AtomicDirectory();
    AtomicDirectory(const AtomicDirectory&) = delete;
    AtomicDirectory& operator=(const AtomicDirectory&) = delete;

    const std::string& temp_path() const { return temp_; }
    void commit();

private:
    std::string dir_;
    std::string temp_;
    bool committed_ = false;
};

/// Writes `bytes` to `path` (binary) without replacing it until complete. Throws OutputError.
void write_file_atomic(const std::string& path, std::string_view bytes);

/// Writes `bytes` to `path` directly (binary). Throws OutputError naming the file.
void write_file(const std::string& path, std::string_view bytes);

} // namespace tiler
