#pragma once
// "Did you mean ...?": the closest known names to a misspelt one, by edit distance.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tiler {

/// Levenshtein distance (insert, delete, substitute; each 1) between a and b, ASCII case-insensitive, on bytes.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidates closest to `wanted`: those at most max(2, wanted.size() / 3) edits away and at most one edit
/// further than the best, nearest first (ties in the candidates' order), duplicates removed, at most `max_results`.
std::vector<std::string> closest_names(std::string_view wanted, const std::vector<std::string>& candidates,
                                       std::size_t max_results = 3);

/// " — did you mean 'A'?" / " — did you mean 'A' or 'B'?" for closest_names(), or "" if there is none.
std::string did_you_mean(std::string_view wanted, const std::vector<std::string>& candidates);

} // namespace tiler
