#pragma once
// Atomic output: everything of a run is written into a fresh sibling staging directory
// `<out>.staging-<pid>` (same filesystem), and commit() swaps it with `<out>` in one rename
// (renameat2 RENAME_EXCHANGE), then deletes the old tree. Without commit() the destructor removes the
// staging directory, so a failed run leaves the previous output as it was; a killed run leaves at most a
// stale `<out>.staging-<pid>` that the next run removes.
#include <optional>
#include <string>

namespace tiler {

class OutputTransaction {
public:
    /// Removes stale staging directories of `out` (of processes that no longer run) and creates a fresh,
    /// empty staging directory. Creates the parent directories of `out` if needed. Throws OutputError.
    explicit OutputTransaction(std::string out);
    /// Rolls back (removes the staging directory) unless commit() succeeded. Never throws.
    ~OutputTransaction();
    OutputTransaction(const OutputTransaction&) = delete;
    OutputTransaction& operator=(const OutputTransaction&) = delete;

    /// The final output directory.
    const std::string& out() const noexcept { return out_; }
    /// The directory this run writes into.
    const std::string& staging() const noexcept { return staging_; }
    /// `staging()/relative`, creating its parent directories.
    std::string path(const std::string& relative) const;

    /// The previous output's copy of `relative` (a file under `out()`), if there is one.
    std::optional<std::string> previous(const std::string& relative) const;
    /// Puts the previous output's `relative` into the staging directory unchanged (a hard link, or a copy
    /// across filesystems). False if the previous output has no such file.
    bool reuse(const std::string& relative) const;

    /// Makes the staging directory the output, atomically, and deletes the previous output.
    /// Throws OutputError if the swap fails (then nothing under `out()` changed).
    void commit();
    bool committed() const noexcept { return committed_; }

private:
    std::string out_;
    std::string staging_;
    bool committed_ = false;
};

/// The staging directory name of `out` for process `pid`: `<out>.staging-<pid>`.
std::string staging_name(const std::string& out, long pid);

/// Removes `<out>.staging-<pid>` directories whose process no longer runs (or is this process).
/// Returns how many were removed.
std::size_t remove_stale_staging(const std::string& out);

} // namespace tiler
