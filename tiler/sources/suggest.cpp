#include "sources/suggest.hpp"

#include <algorithm>
#include <utility>

namespace tiler {
namespace {
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
} // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];   // row[i-1][j-1]
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + cost});
            diag = up;
        }
    }
    return row[b.size()];
}

std::vector<std::string> closest_names(std::string_view wanted, const std::vector<std::string>& candidates,
                                       std::size_t max_results) {
    const std::size_t limit = std::max<std::size_t>(2, wanted.size() / 3);
    std::vector<std::pair<std::size_t, std::size_t>> near;   // (distance, candidate index)
    std::size_t best = limit;   // no accepted distance exceeds the limit
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const std::string& c = candidates[i];
        // The distance is at least the difference in length: skip what cannot be close.
        const std::size_t gap = c.size() > wanted.size() ? c.size() - wanted.size() : wanted.size() - c.size();
        if (gap > limit || gap > best + 1) continue;
        const std::size_t d = edit_distance(wanted, c);
        if (d > limit || d > best + 1) continue;
        best = std::min(best, d);
        near.emplace_back(d, i);
    }
    std::stable_sort(near.begin(), near.end());
    std::vector<std::string> out;
    for (const auto& [d, i] : near) {
        if (d > best + 1 || out.size() == max_results) break;
        if (std::find(out.begin(), out.end(), candidates[i]) == out.end()) out.push_back(candidates[i]);
    }
    return out;
}

std::string did_you_mean(std::string_view wanted, const std::vector<std::string>& candidates) {
    const auto names = closest_names(wanted, candidates);
    if (names.empty()) return "";
    std::string out = " \xE2\x80\x94 did you mean ";
    for (std::size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + ("'" + names[i] + "'");
    return out + "?";
}

} // namespace tiler
