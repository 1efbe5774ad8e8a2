#pragma once
// A one-line progress display on stderr, only when stderr is a terminal and not --quiet. Clears its line
// when destroyed, so a following error message starts on a clean line.
#include <cstddef>
#include <string>

namespace tiler::cli {

class Progress {
public:
    /// Enabled only if `wanted` and stderr is a terminal.
    explicit Progress(bool wanted);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    bool enabled() const noexcept { return enabled_; }
    /// Shows "<label>…".
    void stage(const std::string& label);
    /// Shows "<label> [#####     ] done/total".
    void count(const std::string& label, std::size_t done, std::size_t total);
    /// Clears the line.
    void clear();

private:
    void show(const std::string& line);
    bool enabled_;
    bool shown_ = false;
};

} // namespace tiler::cli
