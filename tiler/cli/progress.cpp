#include "cli/progress.hpp"

#include <cstdio>
#include <unistd.h>

namespace tiler::cli {

Progress::Progress(bool wanted) : enabled_(wanted && ::isatty(STDERR_FILENO) == 1) {}

Progress::~Progress() { clear(); }

void Progress::show(const std::string& line) {
    if (!enabled_) return;
    std::fprintf(stderr, "\r\033[K%s", line.c_str());
    std::fflush(stderr);
    shown_ = true;
}

void Progress::stage(const std::string& label) { show(label + "..."); }

void Progress::count(const std::string& label, std::size_t done, std::size_t total) {
    if (!enabled_) return;
    constexpr std::size_t kWidth = 30;
    const std::size_t filled = total == 0 ? kWidth : (done * kWidth) / total;
    std::string bar(kWidth, ' ');
    for (std::size_t i = 0; i < filled && i < kWidth; ++i) bar[i] = '#';
    show(label + " [" + bar + "] " + std::to_string(done) + "/" + std::to_string(total));
}

void Progress::clear() {
    if (!enabled_ || !shown_) return;
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
    shown_ = false;
}

} // namespace tiler::cli
