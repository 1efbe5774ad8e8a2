#pragma once
// index.json: what a build wrote — the days, and for each day its files; plus the files of the whole run.
// Later stages (vector tiles, raster, maps) add their files with add_file()/add_day_file().
//   {"tiler": "<version>", "first": "YYYY-MM-DD", "last": "YYYY-MM-DD",
//    "files": [...], "days": [{"date": "YYYY-MM-DD", "files": [...]}, ...]}
// Keys in that order; file lists sorted and without duplicates (paths relative to the output directory).
#include "timeline/date.hpp"

#include <string>
#include <vector>

namespace tiler {

struct IndexDay {
    Date date;
    std::vector<std::string> files;
};

class OutputIndex {
public:
    /// One entry per day from `first` to `last` (inclusive).
    OutputIndex(Date first, Date last);

    void add_file(const std::string& relative);
    /// Throws Error if `date` is outside the index's days.
    void add_day_file(Date date, const std::string& relative);

    Date first() const noexcept { return first_; }
    Date last() const noexcept { return last_; }
    const std::vector<std::string>& files() const noexcept { return files_; }
    const std::vector<IndexDay>& days() const noexcept { return days_; }

    /// The JSON text (2-space indent, trailing newline).
    std::string json() const;

private:
    Date first_;
    Date last_;
    std::vector<std::string> files_;
    std::vector<IndexDay> days_;
};

} // namespace tiler
